// extern "C" shim over CLD2's C++ API, for tests/langid-eval.c only (CLD2 is a
// reference point of the evaluation program, never a library dependency).
#include <cstdio>  // the CLD2 header uses FILE without including it
#include <cld2/public/compact_lang_det.h>

extern "C" int langid_cld2_detect(const char *text, int len)
{
    bool reliable = false;
    CLD2::Language l = CLD2::DetectLanguage(text, len, true, &reliable);
    // 1 = fr, 2 = en, 0 = anything else (the same codes as CYB_LANG_*)
    if (l == CLD2::FRENCH) return 1;
    if (l == CLD2::ENGLISH) return 2;
    return 0;
}
