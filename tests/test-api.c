/* The public API, end to end, through the public header only. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cyberner.h"

static cyberner_model *model; /* built once, shared by every test (read-only) */
static const char *shared_dir;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = malloc((size_t)n + 1);
  if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
    free(p);
    p = NULL;
  }
  fclose(f);
  if (p) p[n] = '\0';
  *len = (size_t)n;
  return p;
}

static cyberner_result *tag(const char *s, size_t n) {
  cyberner_error *err = NULL;
  cyberner_result *r = cyberner_tag(model, s, n, NULL, &err);
  ck_assert_msg(r != NULL, "tag failed: %s", cyberner_error_message(err));
  return r;
}

/* Index of the entity at [s, e) with this label, or -1. */
static long find(const cyberner_result *r, size_t s, size_t e, int label) {
  for (size_t i = 0; i < cyberner_result_count(r); i++)
    if (cyberner_entity_start(r, i) == s && cyberner_entity_end(r, i) == e && cyberner_entity_label(r, i) == label)
      return (long)i;
  return -1;
}

static void check_well_formed(const cyberner_result *r, size_t len) {
  size_t prev_end = 0;
  for (size_t i = 0; i < cyberner_result_count(r); i++) {
    size_t s = cyberner_entity_start(r, i), e = cyberner_entity_end(r, i);
    ck_assert_uint_lt(s, e);
    ck_assert_uint_le(e, len);
    ck_assert_uint_ge(s, prev_end); /* in order, no overlap */
    prev_end = e;
    ck_assert_ptr_nonnull(cyberner_label_name(cyberner_entity_label(r, i)));
    ck_assert_ptr_nonnull(cyberner_entity_source(r, i));
  }
}

START_TEST(free_null_is_a_no_op) {
  cyberner_model_free(NULL);
  cyberner_result_free(NULL);
  cyberner_error_free(NULL);
  cyberner_options_free(NULL);
  cyberner_dict_report_free(NULL);
}
END_TEST

START_TEST(version_and_names) {
  ck_assert_str_eq(cyberner_version(), CYBERNER_VERSION_STRING);
  ck_assert_uint_eq(cyberner_version_hex(), CYBERNER_VERSION_HEX);
  ck_assert_str_eq(cyberner_label_name(CYBERNER_THREAT_ACTOR), "THREAT_ACTOR");
  ck_assert_int_eq(cyberner_label_from_name("AGENCY"), CYBERNER_AGENCY);
  ck_assert_int_eq(cyberner_label_from_name("NOPE"), -1);
  ck_assert_ptr_null(cyberner_label_name(99));
  ck_assert_str_eq(cyberner_err_name(CYBERNER_EDICT), "EDICT");
  ck_assert_str_eq(cyberner_strerror(CYBERNER_EUTF8), "invalid UTF-8 in input");
  ck_assert_str_eq(cyberner_lang_name(CYBERNER_LANG_FR), "fr");
  ck_assert_int_eq(cyberner_lang_from_name("en"), CYBERNER_LANG_EN);
}
END_TEST

START_TEST(default_model_has_every_country) {
  ck_assert_uint_ge(cyberner_model_entry_count(model, CYBERNER_COUNTRY), 249);
  ck_assert_uint_ge(cyberner_model_entry_count(model, CYBERNER_NATIONALITY), 200);
}
END_TEST

START_TEST(options_are_validated) {
  cyberner_options *o = cyberner_options_new();
  ck_assert_ptr_nonnull(o);
  ck_assert_int_eq(cyberner_options_set_lang(o, 7), CYBERNER_EINVAL);
  ck_assert_int_eq(cyberner_options_set_lang(o, CYBERNER_LANG_FR), 0);
  ck_assert_int_eq(cyberner_options_set_ref_date(o, 2023, 2, 29), CYBERNER_EINVAL);
  ck_assert_int_eq(cyberner_options_set_ref_date(o, 2024, 2, 29), 0);
  ck_assert_int_eq(cyberner_options_set_min_score(o, 1.5), CYBERNER_EINVAL);
  ck_assert_int_eq(cyberner_options_set_labels(o, 1u << 20), CYBERNER_EINVAL);
  cyberner_options_free(o);
}
END_TEST

/* min_score is applied to a name linked only at the document's end with
 * the score it is then given (a name linked at once's), not the lower one
 * it had while it waited */
START_TEST(min_score_after_late_links) {
  cyberner_options *o = cyberner_options_new();
  ck_assert_int_eq(cyberner_options_set_min_score(o, 1.0), 0);
  const char *text = "L'ANSSI a publié un guide.";
  cyberner_result *all = cyberner_tag(model, text, strlen(text), NULL, NULL);
  cyberner_result *r = cyberner_tag(model, text, strlen(text), o, NULL);
  ck_assert_uint_eq(cyberner_result_count(all), 1);
  ck_assert_double_eq_tol(cyberner_entity_score(all, 0), 1.0, 1e-6);
  ck_assert_uint_eq(cyberner_result_count(r), 1);
  ck_assert_str_eq(cyberner_entity_id(r, 0), "anssi");
  cyberner_result_free(all);
  cyberner_result_free(r);
  /* ... and one left unlinked stays below it */
  text = "The Supreme Court ruled.";
  r = cyberner_tag(model, text, strlen(text), o, NULL);
  ck_assert_uint_eq(cyberner_result_count(r), 0);
  cyberner_result_free(r);
  cyberner_options_free(o);
}
END_TEST

START_TEST(bad_arguments) {
  cyberner_error *err = NULL;
  ck_assert_ptr_null(cyberner_tag(NULL, "x", 1, NULL, &err));
  ck_assert_int_eq(cyberner_error_code(err), CYBERNER_EINVAL);
  cyberner_error_free(err);
  ck_assert_ptr_null(cyberner_tag(model, NULL, 3, NULL, NULL)); /* err may be NULL */
  cyberner_result *r = cyberner_tag(model, NULL, 0, NULL, NULL);
  ck_assert_ptr_nonnull(r);
  ck_assert_uint_eq(cyberner_result_count(r), 0);
  cyberner_result_free(r);
}
END_TEST

START_TEST(empty_and_blank_input) {
  cyberner_result *r = tag("", 0);
  ck_assert_uint_eq(cyberner_result_count(r), 0);
  ck_assert_uint_eq(cyberner_result_sentence_count(r), 0);
  ck_assert_int_eq(cyberner_result_lang(r), CYBERNER_LANG_UND);
  cyberner_result_free(r);
  r = tag("   \n\t \n  ", 9);
  ck_assert_uint_eq(cyberner_result_count(r), 0);
  ck_assert_int_eq(cyberner_result_lang(r), CYBERNER_LANG_UND);
  cyberner_result_free(r);
}
END_TEST

START_TEST(nul_byte_inside_text) {
  static const char text[] = "Le Japon\0et la France.";
  cyberner_result *r = tag(text, sizeof text - 1);
  ck_assert_int_ge(find(r, 3, 8, CYBERNER_COUNTRY), 0);   /* Japon */
  ck_assert_int_ge(find(r, 15, 21, CYBERNER_COUNTRY), 0); /* France, after the NUL */
  check_well_formed(r, sizeof text - 1);
  cyberner_result_free(r);
}
END_TEST

START_TEST(invalid_utf8_replaced_or_reported) {
  static const char text[] = "Le Japon \xff\xfe et la Cor\xc3\xa9" "e du Nord \xc3";
  size_t n = sizeof text - 1;
  cyberner_result *r = tag(text, n);
  ck_assert_uint_eq(cyberner_result_invalid_bytes(r), 3);
  ck_assert_int_ge(find(r, 3, 8, CYBERNER_COUNTRY), 0);
  ck_assert_int_ge(find(r, 18, 32, CYBERNER_COUNTRY), 0); /* Corée du Nord, offsets on the original bytes */
  check_well_formed(r, n);
  cyberner_result_free(r);

  cyberner_options *o = cyberner_options_new();
  cyberner_options_set_strict_utf8(o, 1);
  cyberner_error *err = NULL;
  ck_assert_ptr_null(cyberner_tag(model, text, n, o, &err));
  ck_assert_int_eq(cyberner_error_code(err), CYBERNER_EUTF8);
  ck_assert_int_eq(cyberner_error_offset(err), 9);
  ck_assert_ptr_nonnull(strstr(cyberner_error_message(err), "input byte 9"));
  cyberner_error_free(err);
  cyberner_options_free(o);
}
END_TEST

START_TEST(entity_text_matches_offsets) {
  static const char text[] = "La Cor\xc3\xa9" "e, les \xc3\x89tats\xe2\x80\x91Unis et le Japon ont convenu.";
  cyberner_result *r = tag(text, sizeof text - 1);
  ck_assert_int_ge(find(r, 3, 9, CYBERNER_COUNTRY), 0);
  long us = find(r, 15, 28, CYBERNER_COUNTRY); /* États‑Unis with a non-breaking hyphen */
  ck_assert_int_ge(us, 0);
  ck_assert_str_eq(cyberner_entity_id(r, (size_t)us), "US");
  check_well_formed(r, sizeof text - 1);
  cyberner_result_free(r);
}
END_TEST

/* seed-000: the 17 Pacific member states of PaCSON, with their codes. */
START_TEST(seed_000_pacific_countries) {
  char path[4096];
  snprintf(path, sizeof path, "%s/eval/dev/seed-000.txt", shared_dir);
  size_t n;
  char *text = slurp(path, &n);
  if (!text) {
    fprintf(stderr, "skip: %s not found\n", path);
    return;
  }
  static const char *names[] = {"Australia", "Cook Islands", "Fiji", "Kiribati", "Marshall Islands", "Nauru",
                                "Marshall Islands", "New Zealand", "Niue", "Palau", "Papua New Guinea", "Samoa",
                                "Solomon Islands", "Tokelau", "Tonga", "Tuvalu", "Vanuatu"};
  static const char *codes[] = {"AU", "CK", "FJ", "KI", "MH", "NR", "MH", "NZ", "NU",
                                "PW", "PG", "WS", "SB", "TK", "TO", "TV", "VU"};
  cyberner_result *r = tag(text, n);
  const char *cursor = strstr(text, "The member states are:");
  ck_assert_ptr_nonnull(cursor);
  for (size_t i = 0; i < 17; i++) {
    const char *p = strstr(cursor, names[i]);
    ck_assert_ptr_nonnull(p);
    size_t s = (size_t)(p - text), e = s + strlen(names[i]);
    long k = find(r, s, e, CYBERNER_COUNTRY);
    ck_assert_msg(k >= 0, "%s not found at [%zu,%zu)", names[i], s, e);
    ck_assert_str_eq(cyberner_entity_id(r, (size_t)k), codes[i]);
    cursor = p + strlen(names[i]);
  }
  check_well_formed(r, n);
  cyberner_result_free(r);
  free(text);
}
END_TEST

/* seed-001: Corée du Nord and Etats-Unis written without accent. */
START_TEST(seed_001_korea_and_us) {
  char path[4096];
  snprintf(path, sizeof path, "%s/eval/dev/seed-001.txt", shared_dir);
  size_t n;
  char *text = slurp(path, &n);
  if (!text) {
    fprintf(stderr, "skip: %s not found\n", path);
    return;
  }
  cyberner_result *r = tag(text, n);
  const char *kp = strstr(text, "Corée du Nord"), *us = strstr(text, "Etats-Unis");
  ck_assert_ptr_nonnull(kp);
  ck_assert_ptr_nonnull(us);
  long a = find(r, (size_t)(kp - text), (size_t)(kp - text) + strlen("Corée du Nord"), CYBERNER_COUNTRY);
  long b = find(r, (size_t)(us - text), (size_t)(us - text) + strlen("Etats-Unis"), CYBERNER_COUNTRY);
  ck_assert_int_ge(a, 0);
  ck_assert_int_ge(b, 0);
  ck_assert_str_eq(cyberner_entity_id(r, (size_t)a), "KP");
  ck_assert_str_eq(cyberner_entity_id(r, (size_t)b), "US");
  check_well_formed(r, n);
  cyberner_result_free(r);
  free(text);
}
END_TEST

/* 50 MB without a newline: defined result, linear time. */
START_TEST(large_input_without_newline) {
  static const char unit[] = "la Corée du Nord et le Japon, ";
  size_t u = sizeof unit - 1, reps = (50u << 20) / u, n = u * reps;
  char *text = malloc(n);
  ck_assert_ptr_nonnull(text);
  for (size_t i = 0; i < reps; i++) memcpy(text + i * u, unit, u);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  cyberner_result *r = tag(text, n);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  ck_assert_uint_eq(cyberner_result_count(r), 2 * reps);
  check_well_formed(r, n);
  cyberner_result_free(r);
  free(text);
  double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  fprintf(stderr, "50 MB without newline: %.2f s\n", s);
}
END_TEST

START_TEST(only_punctuation_and_digits) {
  size_t n = 1u << 20;
  char *text = malloc(n);
  for (size_t i = 0; i < n; i++) text[i] = "(((...123"[i % 9];
  cyberner_result *r = tag(text, n);
  check_well_formed(r, n);
  cyberner_result_free(r);
  free(text);
}
END_TEST

typedef struct {
  const char *text;
  size_t len;
  size_t count;
} thread_arg;

static void *tag_in_thread(void *p) {
  thread_arg *a = p;
  for (int i = 0; i < 20; i++) {
    cyberner_result *r = cyberner_tag(model, a->text, a->len, NULL, NULL);
    if (!r) return NULL;
    a->count = cyberner_result_count(r);
    cyberner_result_free(r);
  }
  return NULL;
}

START_TEST(threads_share_one_model) {
  static const char text[] = "La Corée, les Etats-Unis et le Japon; la Corée du Nord. Anne Neuberger, 12 juin 2018.";
  cyberner_result *r = tag(text, sizeof text - 1);
  size_t expect = cyberner_result_count(r);
  cyberner_result_free(r);
  pthread_t th[8];
  thread_arg args[8];
  for (int i = 0; i < 8; i++) {
    args[i] = (thread_arg){text, sizeof text - 1, 0};
    ck_assert_int_eq(pthread_create(&th[i], NULL, tag_in_thread, &args[i]), 0);
  }
  for (int i = 0; i < 8; i++) {
    pthread_join(th[i], NULL);
    ck_assert_uint_eq(args[i].count, expect);
  }
}
END_TEST

START_TEST(forced_language) {
  cyberner_options *o = cyberner_options_new();
  cyberner_options_set_lang(o, CYBERNER_LANG_EN);
  static const char text[] = "Le Japon et la France.";
  cyberner_result *r = cyberner_tag(model, text, sizeof text - 1, o, NULL);
  ck_assert_int_eq(cyberner_result_lang(r), CYBERNER_LANG_EN);
  ck_assert_int_eq(cyberner_sentence_lang(r, 0), CYBERNER_LANG_EN);
  cyberner_result_free(r);
  cyberner_options_free(o);
}
END_TEST

START_TEST(label_filter) {
  cyberner_options *o = cyberner_options_new();
  cyberner_options_set_labels(o, 1u << CYBERNER_NATIONALITY);
  static const char text[] = "Le Japon et les Japonais.";
  cyberner_result *r = cyberner_tag(model, text, sizeof text - 1, o, NULL);
  ck_assert_uint_eq(cyberner_result_count(r), 1);
  ck_assert_int_eq(cyberner_entity_label(r, 0), CYBERNER_NATIONALITY);
  cyberner_result_free(r);
  cyberner_options_free(o);
}
END_TEST

static void setup_model(void) {
  cyberner_error *err = NULL;
  model = cyberner_model_new(NULL, NULL, &err);
  if (!model) {
    fprintf(stderr, "model: %s\n", cyberner_error_message(err));
    exit(EXIT_FAILURE);
  }
}

/* Everything a result says, as one string (to compare two results). */
static char *dump(const cyberner_result *r) {
  size_t cap = 256 + cyberner_result_count(r) * 200, n = 0;
  char *out = malloc(cap);
  ck_assert_ptr_nonnull(out);
  n += (size_t)snprintf(out + n, cap - n, "lang %d %.6f invalid %zu\n", cyberner_result_lang(r),
                        cyberner_result_lang_confidence(r), cyberner_result_invalid_bytes(r));
  for (size_t i = 0; i < cyberner_result_count(r) && n < cap; i++) {
    const char *id = cyberner_entity_id(r, i), *v = cyberner_entity_value(r, i);
    n += (size_t)snprintf(out + n, cap - n, "%zu %zu %d %s %s %.3f\n", cyberner_entity_start(r, i),
                          cyberner_entity_end(r, i), cyberner_entity_label(r, i), id ? id : "-", v ? v : "-",
                          cyberner_entity_score(r, i));
  }
  return out;
}

/* A tagger reused over documents of every kind gives what cyberner_tag
 * gives, and nothing of one document reaches the next (acronyms, names,
 * countries of the context, language). */
START_TEST(tagger_reuse_matches_cyberner_tag) {
  static const char big_unit[] = "L'Agence Zorvane de cybersécurité (AZC) et M. Pelletrand ont reçu la délégation "
                                 "japonaise le 12 juin 2018.\n";
  size_t big_n = (1u << 20) + 4096, unit = sizeof big_unit - 1;
  char *big = malloc(big_n + 1);
  ck_assert_ptr_nonnull(big);
  for (size_t i = 0; i < big_n; i++) big[i] = big_unit[i % unit];
  big[big_n] = '\0';
  const char *docs[] = {
      "L'Agence Zorvane de cybersécurité (AZC) a publié un avis. Selon M. Pelletrand, l'AZC a agi.",
      "AZC and Pelletrand were not named before in this document, said the NCSC on Tuesday.",
      big,
      "Le CERT-FR et l'ANSSI ont alerté le 3 mars 2025 sur la CVE-2024-3400.",
      "",
      "The Minister for Home Affairs met officials from Japan and the FBI in Washington.",
      "Bad \xff bytes \xc3 here, in Paris.",
  };
  cyberner_error *err = NULL;
  cyberner_tagger *t = cyberner_tagger_new(model, &err);
  ck_assert_msg(t != NULL, "%s", cyberner_error_message(err));
  for (int round = 0; round < 2; round++)
    for (size_t d = 0; d < sizeof docs / sizeof *docs; d++) {
      size_t n = strlen(docs[d]);
      cyberner_result *a = cyberner_tag(model, docs[d], n, NULL, NULL), *b = cyberner_tagger_tag(t, docs[d], n, NULL, &err);
      ck_assert_ptr_nonnull(a);
      ck_assert_msg(b != NULL, "%s", cyberner_error_message(err));
      char *da = dump(a), *db = dump(b);
      ck_assert_msg(strcmp(da, db) == 0, "document %zu differs:\n%s---\n%s", d, da, db);
      free(da);
      free(db);
      cyberner_result_free(a);
      cyberner_result_free(b);
    }
  /* the second document does not know AZC or Pelletrand from the first */
  cyberner_result *r = cyberner_tagger_tag(t, docs[1], strlen(docs[1]), NULL, NULL);
  ck_assert_int_lt(find(r, 0, 3, CYBERNER_AGENCY), 0);
  cyberner_result_free(r);
  /* a failed call (strict UTF-8) leaves the tagger usable */
  cyberner_options *o = cyberner_options_new();
  ck_assert_int_eq(cyberner_options_set_strict_utf8(o, 1), 0);
  ck_assert_ptr_null(cyberner_tagger_tag(t, docs[6], strlen(docs[6]), o, &err));
  ck_assert_int_eq(cyberner_error_code(err), CYBERNER_EUTF8);
  cyberner_error_free(err);
  cyberner_options_free(o);
  r = cyberner_tagger_tag(t, docs[3], strlen(docs[3]), NULL, NULL);
  ck_assert_uint_ge(cyberner_result_count(r), 4);
  cyberner_tagger_free(t);
  /* results outlive their tagger */
  ck_assert_ptr_nonnull(cyberner_entity_source(r, 0));
  cyberner_result_free(r);
  free(big);
}
END_TEST

START_TEST(tagger_bad_arguments) {
  cyberner_error *err = NULL;
  ck_assert_ptr_null(cyberner_tagger_new(NULL, &err));
  ck_assert_int_eq(cyberner_error_code(err), CYBERNER_EINVAL);
  cyberner_error_free(err);
  ck_assert_ptr_null(cyberner_tagger_tag(NULL, "x", 1, NULL, &err));
  ck_assert_int_eq(cyberner_error_code(err), CYBERNER_EINVAL);
  cyberner_error_free(err);
  cyberner_tagger *t = cyberner_tagger_new(model, NULL);
  ck_assert_ptr_nonnull(t);
  ck_assert_ptr_null(cyberner_tagger_tag(t, NULL, 3, NULL, NULL));
  cyberner_result *r = cyberner_tagger_tag(t, NULL, 0, NULL, NULL);
  ck_assert_ptr_nonnull(r);
  ck_assert_uint_eq(cyberner_result_count(r), 0);
  cyberner_result_free(r);
  cyberner_tagger_free(t);
  cyberner_tagger_free(NULL);
}
END_TEST

int main(int argc, char **argv) {
  shared_dir = argc > 1 ? argv[1] : "../shared";
  setup_model();
  Suite *s = suite_create("api");
  TCase *t = tcase_create("api");
  tcase_set_timeout(t, 120);
  tcase_add_test(t, free_null_is_a_no_op);
  tcase_add_test(t, version_and_names);
  tcase_add_test(t, default_model_has_every_country);
  tcase_add_test(t, options_are_validated);
  tcase_add_test(t, min_score_after_late_links);
  tcase_add_test(t, bad_arguments);
  tcase_add_test(t, empty_and_blank_input);
  tcase_add_test(t, nul_byte_inside_text);
  tcase_add_test(t, invalid_utf8_replaced_or_reported);
  tcase_add_test(t, entity_text_matches_offsets);
  tcase_add_test(t, seed_000_pacific_countries);
  tcase_add_test(t, seed_001_korea_and_us);
  tcase_add_test(t, large_input_without_newline);
  tcase_add_test(t, only_punctuation_and_digits);
  tcase_add_test(t, threads_share_one_model);
  tcase_add_test(t, forced_language);
  tcase_add_test(t, label_filter);
  tcase_add_test(t, tagger_reuse_matches_cyberner_tag);
  tcase_add_test(t, tagger_bad_arguments);
  suite_add_tcase(s, t);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  cyberner_model_free(model);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
