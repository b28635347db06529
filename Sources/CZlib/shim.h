// zlib, reached only through the GazetteZlib wrapper module.
#include <zlib.h>
