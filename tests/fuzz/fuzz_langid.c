/* libFuzzer target: cyberner_detect_language on arbitrary bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cyberner.h"
#include "fuzz_common.h"

static cyberner_model *model;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!model) {
    cyberner_error *err = NULL;
    model = cyberner_model_new(NULL, NULL, &err);
    if (!model) {
      fprintf(stderr, "fuzz_langid: cannot compile the model: %s\n", cyberner_error_message(err));
      abort();
    }
  }
  double c = -1;
  int l = cyberner_detect_language(model, (const char *)data, size, &c);
  FUZZ_CHECK(l == CYBERNER_LANG_UND || l == CYBERNER_LANG_FR || l == CYBERNER_LANG_EN, "language %d", l);
  FUZZ_CHECK(c >= 0 && c <= 1, "confidence %g", c);
  /* deterministic, and the confidence pointer is optional */
  double c2 = -1;
  FUZZ_CHECK(cyberner_detect_language(model, (const char *)data, size, &c2) == l && c2 == c, "not deterministic");
  FUZZ_CHECK(cyberner_detect_language(model, (const char *)data, size, NULL) == l, "differs without confidence");
  return 0;
}
