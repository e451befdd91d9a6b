// The public header builds as C++ and links from C++.
#include "cyberner.h"

int main() { return cyberner_label_name(CYBERNER_AGENCY) != nullptr ? 0 : 1; }
