/* The public header builds as strict C99 (and as C++ in header-cxx.cc). */
#include "cyberner.h"

int main(void) { return cyberner_label_from_name("COUNTRY") == CYBERNER_COUNTRY ? 0 : 1; }
