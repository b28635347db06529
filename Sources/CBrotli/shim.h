// libbrotli's decoder, reached only through the GazetteBrotli wrapper module.
#include <brotli/decode.h>
