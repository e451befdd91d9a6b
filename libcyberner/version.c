/* Run-time version of the library. */
#include "internal.h"

const char *cyberner_version(void) { return CYBERNER_VERSION_STRING; }
unsigned cyberner_version_hex(void) { return CYBERNER_VERSION_HEX; }
