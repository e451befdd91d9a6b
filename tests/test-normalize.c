/* Normalization: folding and the map back to the input bytes. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static cyb__fold *fold;
static cyb__norm nm;

static void setup(void) {
  fold = cyb__fold_new(NULL);
  ck_assert_ptr_nonnull(fold);
  memset(&nm, 0, sizeof nm);
}
static void teardown(void) {
  cyb__norm_free(&nm);
  cyb__fold_free(fold);
}

static const char *norm(const char *s) {
  ck_assert_int_eq(cyb__normalize(fold, s, strlen(s), &nm), 0);
  return nm.text;
}

/* Every normalized byte maps to the start of a character of the input, the
 * map never goes backwards, and every character that produced output is
 * reached. */
static void check_map(const char *src, size_t n) {
  ck_assert_int_eq(cyb__normalize(fold, src, n, &nm), 0);
  const unsigned char *s = (const unsigned char *)src;
  for (size_t i = 0; i < nm.len; i++) {
    ck_assert_uint_lt(nm.map[i], n);
    if (i) ck_assert_uint_ge(nm.map[i], nm.map[i - 1]);
    ck_assert_msg((s[nm.map[i]] & 0xC0) != 0x80 || nm.invalid, "map[%zu] points inside a character", i);
  }
  /* round trip: the span of each normalized character reads back as whole input characters */
  for (size_t i = 0; i < nm.len; i++) {
    if (i + 1 < nm.len && nm.map[i + 1] == nm.map[i]) continue;
    size_t e = cyb__norm_src_end(&nm, src, n, i + 1);
    ck_assert_uint_gt(e, nm.map[i]);
    ck_assert_uint_le(e, n);
    ck_assert(e == n || (s[e] & 0xC0) != 0x80 || nm.invalid);
  }
}

/* Every ASCII byte, at every offset of a 16-byte step and in the scalar
 * tail: the wide path and the byte-at-a-time path fold alike. */
START_TEST(ascii_folds_alike_at_every_offset) {
  for (size_t shift = 0; shift < 17; shift++) {
    char src[200];
    size_t n = 0;
    for (size_t i = 0; i < shift; i++) src[n++] = 'x';
    for (int c = 0; c < 128; c++) src[n++] = (char)c;
    ck_assert_int_eq(cyb__normalize(fold, src, n, &nm), 0);
    ck_assert_uint_eq(nm.len, n);
    for (size_t i = 0; i < n; i++) {
      unsigned char c = (unsigned char)src[i], want = c;
      if (c >= 'A' && c <= 'Z') want = (unsigned char)(c + 32);
      else if ((c < 0x20 && c != '\n') || c == 0x7f) want = ' ';
      else if (c == '`') want = '\'';
      ck_assert_msg((unsigned char)nm.text[i] == want, "byte 0x%02x at %zu (shift %zu) gave 0x%02x", c, i, shift,
                    (unsigned char)nm.text[i]);
      ck_assert_uint_eq(nm.map[i], i);
      ck_assert_uint_eq(nm.upper[i], c >= 'A' && c <= 'Z');
    }
    ck_assert_int_eq(nm.text[n], '\0');
  }
}
END_TEST

START_TEST(folds_case_and_accents) {
  ck_assert_str_eq(norm("États-Unis"), "etats-unis");
  ck_assert_str_eq(norm("Etats-Unis"), "etats-unis");
  ck_assert_str_eq(norm("CORÉE DU NORD"), "coree du nord");
  ck_assert_str_eq(norm("Pékin Séoul Genève"), "pekin seoul geneve");
}
END_TEST

START_TEST(folds_decomposed_accents) {
  /* E + COMBINING ACUTE ACCENT gives the same as É */
  ck_assert_str_eq(norm("E\xcc\x81tats"), "etats");
  const char *src = "la E\xcc\x81tats";
  ck_assert_int_eq(cyb__normalize(fold, src, strlen(src), &nm), 0);
  ck_assert_str_eq(nm.text, "la etats");
  /* the combining mark belongs to the span of the 'e' */
  ck_assert_uint_eq(nm.map[3], 3);
  ck_assert_uint_eq(cyb__norm_src_end(&nm, src, strlen(src), 4), 6);
}
END_TEST

START_TEST(unifies_apostrophes) {
  ck_assert_str_eq(norm("l\xe2\x80\x99" "Australie"), "l'australie"); /* ’ */
  ck_assert_str_eq(norm("l\xca\xbc" "Australie"), "l'australie");     /* ʼ */
  ck_assert_str_eq(norm("l'Australie"), "l'australie");
  ck_assert_str_eq(norm("l`Australie"), "l'australie");
}
END_TEST

START_TEST(unifies_dashes_and_spaces) {
  ck_assert_str_eq(norm("nord\xe2\x80\x90" "cor\xc3\xa9" "en"), "nord-coreen"); /* ‐ */
  ck_assert_str_eq(norm("a\xe2\x80\x91" "b\xe2\x80\x93" "c\xe2\x80\x94" "d"), "a-b-c-d"); /* ‑ – — */
  ck_assert_str_eq(norm("20\xc2\xa0juin"), "20 juin");         /* NBSP */
  ck_assert_str_eq(norm("20\xe2\x80\xaf" "juin"), "20 juin");  /* narrow NBSP */
  ck_assert_str_eq(norm("a\tb\rc"), "a b c");
}
END_TEST

START_TEST(expands_ligatures) {
  ck_assert_str_eq(norm("\xc5\x93uvre"), "oeuvre");     /* œ */
  ck_assert_str_eq(norm("C\xc5\x92UR"), "coeur");       /* Œ */
  ck_assert_str_eq(norm("\xef\xac\x81" "chier"), "fichier"); /* ﬁ */
  ck_assert_str_eq(norm("stra\xc3\x9f" "e"), "strasse");
}
END_TEST

START_TEST(records_upper_case) {
  norm("ANSSI et PaCSON");
  ck_assert_int_eq(nm.upper[0], 1);
  ck_assert_int_eq(nm.upper[4], 1);
  ck_assert_int_eq(nm.upper[6], 0);
  ck_assert_int_eq(nm.upper[9], 1);  /* P */
  ck_assert_int_eq(nm.upper[10], 0); /* a */
}
END_TEST

START_TEST(invalid_bytes_are_replaced_and_counted) {
  const char src[] = "ab\xff" "cd\xc3";
  ck_assert_int_eq(cyb__normalize(fold, src, sizeof src - 1, &nm), 0);
  ck_assert_uint_eq(nm.invalid, 2);
  ck_assert_uint_eq(nm.first_invalid, 2);
  ck_assert_str_eq(nm.text, "ab\xef\xbf\xbd" "cd\xef\xbf\xbd");
  ck_assert_uint_eq(nm.map[2], 2);
  ck_assert_uint_eq(nm.map[5], 3); /* 'c' */
  ck_assert_uint_eq(nm.map[nm.len - 1], 5);
}
END_TEST

/* Invalid bytes grow the text threefold (U+FFFD); the ASCII run after them
 * must still find room for its 16-byte steps (a fuzzer's heap overflow). */
START_TEST(ascii_run_after_grown_text) {
  char src[600];
  for (size_t bad = 1; bad < 300; bad += 7) {
    for (size_t ascii = 16; ascii < 300; ascii += 5) {
      size_t n = 0;
      while (n < bad) src[n++] = '\xff';
      while (n < bad + ascii) src[n++] = 'A';
      cyb__norm fresh = {0}; /* every size from an empty buffer */
      ck_assert_int_eq(cyb__normalize(fold, src, n, &fresh), 0);
      ck_assert_uint_eq(fresh.len, 3 * bad + ascii);
      ck_assert_msg(fresh.len + 1 <= fresh.cap, "%zu invalid + %zu ASCII bytes: %zu written in %zu", bad, ascii,
                    fresh.len + 1, fresh.cap);
      for (size_t i = 3 * bad; i < fresh.len; i++) {
        ck_assert_int_eq(fresh.text[i], 'a');
        ck_assert_uint_eq(fresh.map[i], bad + (i - 3 * bad));
      }
      ck_assert_int_eq(fresh.text[fresh.len], '\0');
      cyb__norm_free(&fresh);
    }
  }
}
END_TEST

START_TEST(nul_is_a_separator) {
  const char src[] = "Japon\0France";
  ck_assert_int_eq(cyb__normalize(fold, src, sizeof src - 1, &nm), 0);
  ck_assert_uint_eq(nm.len, 12);
  ck_assert_int_eq(memcmp(nm.text, "japon france", 12), 0);
}
END_TEST

START_TEST(map_round_trips_on_mixed_text) {
  static const char *texts[] = {
      "La Corée, les États\xe2\x80\x91Unis et le Japon \xe2\x80\x94 « l\xe2\x80\x99" "ANSSI » ont "
      "convenu\xc2\xa0: mardi 12\xe2\x80\xaf juin 2018.",
      "Emoji \xf0\x9f\x98\x80 then Seoul \xf0\x9f\x87\xab\xf0\x9f\x87\xb7 and Pyeongchang",
      "E\xcc\x81tats-Unis, Co\xcc\x82te d\xe2\x80\x99Ivoire, \xc5\x93uvre, \xef\xac\x81n",
      "bad \xff\xfe bytes \xc3 and \xe2\x82 truncated \xf0\x9f",
      "\xe4\xb8\xad\xe5\x9b\xbd (China) \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 (Moscow)",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) check_map(texts[i], strlen(texts[i]));
}
END_TEST

START_TEST(map_points_at_original_bytes) {
  const char *src = "les \xc3\x89tats-Unis"; /* É is 2 bytes */
  ck_assert_int_eq(cyb__normalize(fold, src, strlen(src), &nm), 0);
  const char *p = strstr(nm.text, "etats-unis");
  ck_assert_ptr_nonnull(p);
  size_t ns = (size_t)(p - nm.text), ne = ns + strlen("etats-unis");
  size_t s = nm.map[ns], e = cyb__norm_src_end(&nm, src, strlen(src), ne);
  ck_assert_uint_eq(s, 4);
  ck_assert_uint_eq(e, strlen(src));
  ck_assert_int_eq(memcmp(src + s, "\xc3\x89tats-Unis", e - s), 0);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("normalize");
  TCase *t = tcase_create("normalize");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_add_test(t, folds_case_and_accents);
  tcase_add_test(t, folds_decomposed_accents);
  tcase_add_test(t, unifies_apostrophes);
  tcase_add_test(t, unifies_dashes_and_spaces);
  tcase_add_test(t, expands_ligatures);
  tcase_add_test(t, records_upper_case);
  tcase_add_test(t, invalid_bytes_are_replaced_and_counted);
  tcase_add_test(t, nul_is_a_separator);
  tcase_add_test(t, ascii_run_after_grown_text);
  tcase_add_test(t, ascii_folds_alike_at_every_offset);
  tcase_add_test(t, map_round_trips_on_mixed_text);
  tcase_add_test(t, map_points_at_original_bytes);
  suite_add_tcase(s, t);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
