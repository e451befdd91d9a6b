/* libFuzzer target: cyberner_tag on arbitrary bytes, with the default
 * options and with strict UTF-8 (plus a forced language and a reference
 * date chosen by the input), checking the result's documented invariants. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cyberner.h"
#include "fuzz_common.h"

static cyberner_model *model;

static void check_result(const cyberner_result *r, size_t len) {
  size_t n = cyberner_result_count(r), prev_end = 0;
  for (size_t i = 0; i < n; i++) {
    size_t s = cyberner_entity_start(r, i), e = cyberner_entity_end(r, i);
    FUZZ_CHECK(s < e && e <= len, "entity %zu [%zu, %zu) outside [0, %zu)", i, s, e, len);
    FUZZ_CHECK(s >= prev_end, "entity %zu [%zu, %zu) overlaps or precedes the one before (end %zu)", i, s, e,
               prev_end);
    prev_end = e;
    FUZZ_CHECK(cyberner_label_name(cyberner_entity_label(r, i)) != NULL, "entity %zu: bad label %d", i,
               cyberner_entity_label(r, i));
    FUZZ_CHECK(cyberner_entity_source(r, i) != NULL, "entity %zu: no source", i);
    double sc = cyberner_entity_score(r, i);
    FUZZ_CHECK(sc >= 0 && sc <= 1, "entity %zu: score %g", i, sc);
    int l = cyberner_entity_lang(r, i);
    FUZZ_CHECK(l >= 0 && l <= 2, "entity %zu: lang %d", i, l);
    /* ids and values are strings the caller can print */
    const char *id = cyberner_entity_id(r, i), *v = cyberner_entity_value(r, i);
    if (id) (void)strlen(id);
    if (v) (void)strlen(v);
  }
  size_t ns = cyberner_result_sentence_count(r);
  prev_end = 0;
  for (size_t i = 0; i < ns; i++) {
    size_t s = cyberner_sentence_start(r, i), e = cyberner_sentence_end(r, i);
#ifdef CYB_FUZZ_ALLOW_SENTENCE_OVERLAP /* explore past the open bug regressions/tag/open/sentences-overlap-* */
    if (s < prev_end) prev_end = s;
#endif
    FUZZ_CHECK(s <= e && e <= len && s >= prev_end, "sentence %zu [%zu, %zu) (len %zu, previous end %zu)", i, s,
               e, len, prev_end);
    prev_end = e;
  }
  int l = cyberner_result_lang(r);
  double c = cyberner_result_lang_confidence(r);
  FUZZ_CHECK(l >= 0 && l <= 2 && c >= 0 && c <= 1, "document lang %d confidence %g", l, c);
}

/* Offset of the first byte that is not valid UTF-8 (our own decoder). */
static size_t first_invalid(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t k;
    uint32_t cp, min;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xC2 && c <= 0xDF) k = 1, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) k = 2, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) k = 3, cp = c & 0x07, min = 0x10000;
    else return i;
    if (i + k >= n) return i; /* cut short */
    for (size_t j = 1; j <= k; j++) {
      if ((s[i + j] & 0xC0) != 0x80) return i;
      cp = cp << 6 | (s[i + j] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += k + 1;
  }
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!model) {
    cyberner_error *err = NULL;
    model = cyberner_model_new(NULL, NULL, &err);
    if (!model) {
      fprintf(stderr, "fuzz_tag: cannot compile the model: %s\n", cyberner_error_message(err));
      abort();
    }
  }
  const char *text = (const char *)data;
  cyberner_error *err = NULL;
  cyberner_result *r = cyberner_tag(model, text, size, NULL, &err);
  FUZZ_CHECK(r != NULL, "default options failed: %s", err ? cyberner_error_message(err) : "?");
  check_result(r, size);

  cyberner_options *o = cyberner_options_new();
  FUZZ_CHECK(o != NULL, "options_new");
  cyberner_options_set_strict_utf8(o, 1);
  cyberner_error *err2 = NULL;
  cyberner_result *r2 = cyberner_tag(model, text, size, o, &err2);
  size_t bad = first_invalid(data, size);
  if (bad == size) {
    FUZZ_CHECK(r2 != NULL, "strict mode failed on valid UTF-8: %s", err2 ? cyberner_error_message(err2) : "?");
    check_result(r2, size);
    /* on valid UTF-8, strict and lenient modes see the same text */
    FUZZ_CHECK(cyberner_result_count(r2) == cyberner_result_count(r), "strict %zu entities, default %zu",
               cyberner_result_count(r2), cyberner_result_count(r));
    FUZZ_CHECK(cyberner_result_invalid_bytes(r) == 0, "valid input, %zu invalid bytes",
               cyberner_result_invalid_bytes(r));
  } else {
    FUZZ_CHECK(r2 == NULL && err2 && cyberner_error_code(err2) == CYBERNER_EUTF8,
               "strict mode accepted invalid UTF-8 at byte %zu", bad);
    FUZZ_CHECK(cyberner_error_offset(err2) == (int64_t)bad, "strict mode: offset %lld, first invalid byte %zu",
               (long long)cyberner_error_offset(err2), bad);
    FUZZ_CHECK(cyberner_result_invalid_bytes(r) > 0, "invalid input, no invalid byte counted");
  }
  cyberner_result_free(r2);
  cyberner_error_free(err2);

  /* options chosen by the input: forced language, reference date, labels */
  if (size > 0) {
    unsigned b = data[0];
    cyberner_options_set_strict_utf8(o, 0);
    cyberner_options_set_lang(o, (int)(b % 3) + (b % 3 == 0 ? -1 : 0)); /* auto, fr, en */
    cyberner_options_set_ref_date(o, 1990 + (int)(b % 50), 1 + (int)(b % 12), 1 + (int)(b % 31) % 28);
    cyberner_options_set_labels(o, (b & 0x80) ? 0 : 0x3FFu & ~(1u << (b % 10)));
    cyberner_result *r3 = cyberner_tag(model, text, size, o, NULL);
    FUZZ_CHECK(r3 != NULL, "tag with options failed");
    check_result(r3, size);
    cyberner_result_free(r3);
  }
  cyberner_options_free(o);
  cyberner_result_free(r);
  cyberner_error_free(err);
  return 0;
}
