// libxml2 on Debian is built with ICU; its encoding header would pull in the
// system ICU's <unicode/ucnv.h>, which clashes with the copy of ICU inside
// Foundation. Nothing here needs the ICU encoding hooks, so switch them off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
