/* hunspell questions (spell.c): answers, and one speller per call or thread. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static cyb__spell *sp;
static cyb__diag diag;

static void setup(void) {
  memset(&diag, 0, sizeof diag);
  sp = cyb__spell_new(&diag);
  ck_assert_ptr_nonnull(sp);
}
static void teardown(void) {
  cyb__spell_free(sp);
  cyb__diag_free(&diag);
}

static bool common(cyb__speller *s, int lang, const char *w) { return cyb__spell_common(sp, s, lang, w, strlen(w)); }
static bool adjective(cyb__speller *s, const char *w) { return cyb__spell_french_adjective(sp, s, w, strlen(w)); }
static bool infinitive(cyb__speller *s, const char *w) { return cyb__spell_french_infinitive(sp, s, w, strlen(w)); }
static bool participle(cyb__speller *s, const char *w) { return cyb__spell_french_participle(sp, s, w, strlen(w)); }

/* The suite runs where the Debian dictionaries are installed (.ci/run
 * installs hunspell-fr and hunspell-en-us): their absence is a failure here,
 * not a skipped test. */
START_TEST(dictionaries_are_found) { ck_assert_uint_eq(diag.n, 0); }
END_TEST

START_TEST(common_words_and_names) {
  cyb__speller *s = cyb__speller_take(sp);
  ck_assert_ptr_nonnull(s);
  ck_assert(common(s, CYBERNER_LANG_EN, "Interior"));
  ck_assert(common(s, CYBERNER_LANG_EN, "Launched"));
  ck_assert(common(s, CYBERNER_LANG_FR, "Ministère"));
  ck_assert(common(s, 0, "maison"));
  ck_assert(!common(s, CYBERNER_LANG_EN, "maison"));
  ck_assert(!common(s, 0, "Neuberger"));
  ck_assert(!common(s, 0, "Jaishankar"));
  /* asked twice: the memo gives the same answer */
  ck_assert(common(s, CYBERNER_LANG_EN, "Interior"));
  ck_assert(!common(s, 0, "Neuberger"));
  ck_assert(adjective(s, "nationale"));
  ck_assert(adjective(s, "européens"));
  ck_assert(!adjective(s, "ministère"));
  ck_assert(!adjective(s, "Dupont"));
  /* one French analysis answers three questions */
  ck_assert(infinitive(s, "adopter"));
  ck_assert(infinitive(s, "obtenir"));
  ck_assert(!infinitive(s, "avenir")); /* also a noun */
  ck_assert(!infinitive(s, "contrôle"));
  ck_assert(participle(s, "présidée"));
  ck_assert(!participle(s, "vaudois"));
  ck_assert(adjective(s, "présidée"));
  cyb__speller_give(sp, s);
}
END_TEST

/* The memo keeps each question's answer apart: asking one question of a
 * word never changes the answer to another. */
START_TEST(questions_do_not_share_answers) {
  cyb__speller *s = cyb__speller_take(sp);
  ck_assert(common(s, 0, "Interior"));
  ck_assert(!adjective(s, "Bruxelles"));
  ck_assert(common(s, CYBERNER_LANG_EN, "nationale") == false);
  ck_assert(!common(s, CYBERNER_LANG_FR, "Interior"));
  ck_assert(adjective(s, "nationale"));
  ck_assert(common(s, CYBERNER_LANG_EN, "Interior"));
  cyb__speller_give(sp, s);
}
END_TEST

/* Two takers at the same time never share a speller; one given back is
 * reused (its dictionaries are not loaded again). */
START_TEST(a_speller_has_one_owner) {
  cyb__speller *a = cyb__speller_take(sp), *b = cyb__speller_take(sp);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_nonnull(b);
  ck_assert_ptr_ne(a, b);
  cyb__speller_give(sp, a);
  cyb__speller *c = cyb__speller_take(sp);
  ck_assert_ptr_eq(c, a);
  cyb__speller *d = cyb__speller_take(sp);
  ck_assert_ptr_nonnull(d);
  ck_assert_ptr_ne(d, c);
  ck_assert_ptr_ne(d, b);
  cyb__speller_give(sp, b);
  cyb__speller_give(sp, c);
  cyb__speller_give(sp, d);
  cyb__speller_give(sp, NULL);
}
END_TEST

static const char *const words[] = {"Interior", "Launched", "Neuberger", "Défense", "nationale", "Cyber",
                                    "Agency",   "Barrot",   "Sécurité",  "européens", "Quad",  "Tuesday",
                                    "mardi",    "Stoltenberg", "Pacific", "Hague",  "Spark", "Judy"};
enum { NW = sizeof words / sizeof *words, ROUNDS = 40 };

static unsigned answers(cyb__speller *s, size_t i) {
  return (unsigned)common(s, 0, words[i]) | (unsigned)common(s, CYBERNER_LANG_EN, words[i]) << 1 |
         (unsigned)common(s, CYBERNER_LANG_FR, words[i]) << 2 | (unsigned)adjective(s, words[i]) << 3;
}

static unsigned expected[NW];

static void *ask(void *arg) {
  unsigned *bad = arg;
  cyb__speller *s = cyb__speller_take(sp);
  if (!s) {
    *bad = 1;
    return NULL;
  }
  for (int r = 0; r < ROUNDS; r++)
    for (size_t i = 0; i < NW; i++)
      if (answers(s, i) != expected[i]) *bad = 1;
  cyb__speller_give(sp, s);
  return NULL;
}

/* Threads asking at the same time get the single-thread answers (and, under
 * ThreadSanitizer, share no hunspell handle). */
START_TEST(threads_get_the_same_answers) {
  cyb__speller *s = cyb__speller_take(sp);
  for (size_t i = 0; i < NW; i++) expected[i] = answers(s, i);
  cyb__speller_give(sp, s);
  pthread_t th[4];
  unsigned bad[4] = {0};
  for (int i = 0; i < 4; i++) ck_assert_int_eq(pthread_create(&th[i], NULL, ask, &bad[i]), 0);
  for (int i = 0; i < 4; i++) {
    pthread_join(th[i], NULL);
    ck_assert_uint_eq(bad[i], 0);
  }
}
END_TEST

/* ---- the model's verdicts on the name lists' words ---- */

typedef struct {
  cyb__spell *sp;
  cyb__speller *s;
  size_t n, bad, cap;
  char **lines; /* --write-verdicts: "word<TAB>bits" */
} verdicts;

static const cyb__file *dict_file(cyb__files *fs, const char *dir, const char *name) {
  cyberner_error *err = NULL;
  if (cyb__files_read_dir(dir, fs, &err)) {
    cyberner_error_free(err);
    return NULL;
  }
  return cyb__files_find(fs, name);
}

/* Every word of names/hunspell_verdicts.txt: the model's bits are
 * hunspell's, and cyb__spell_common answers each question with them. */
static int check_line(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno) {
  verdicts *v = ctx;
  char *tab = strchr(line, '\t');
  if (!tab || strncmp(line, "fingerprint", 11) == 0) return 0;
  *tab = '\0';
  char lower[200];
  int want = cyb__spell_hunspell_verdict(v->sp, v->s, line, strlen(line), lower, sizeof lower);
  int got = cyb__spell_model_verdict(v->sp, v->s, line, strlen(line));
  bool ok = want >= 0 && strcmp(lower, line) == 0 && got == want && tab[1] - '0' == want;
  for (int lang = 0; lang <= 2 && ok; lang++)
    ok = cyb__spell_common(v->sp, v->s, lang, line, strlen(line)) == (lang ? (want >> (lang - 1)) & 1 : want != 0);
  if (!ok && v->bad++ < 5) fprintf(stderr, "hunspell_verdicts.txt:%zu: %s: model %d, hunspell %d\n", lineno, line, got, want);
  v->n++;
  return 0;
}

START_TEST(verdicts_are_hunspells) {
  const char *dir = getenv("CYB_TEST_DICT_DIR");
  ck_assert_ptr_nonnull(dir);
  cyb__files fs = {0};
  const cyb__file *f = dict_file(&fs, dir, "names/hunspell_verdicts.txt");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(cyb__spell_load_verdicts(sp, f), 0);
  verdicts v = {sp, cyb__speller_take(sp), 0, 0, 0, NULL};
  /* installed dictionaries other than the file's (another Debian release):
   * the speller must leave the table aside and ask hunspell, which still
   * answers; the file wants regenerating (test-spell --write-verdicts DICT >
   * DICT/names/hunspell_verdicts.txt) for speed, not for correctness */
  if (cyb__spell_model_verdict(sp, v.s, "john", 4) < 0) {
    fprintf(stderr, "note: the installed hunspell dictionaries are not hunspell_verdicts.txt's: table unused\n");
    ck_assert(cyb__spell_common(sp, v.s, CYBERNER_LANG_EN, "Interior", 8));
    ck_assert(!cyb__spell_common(sp, v.s, 0, "Neuberger", 9));
    cyb__speller_give(sp, v.s);
    cyb__files_free(&fs);
    return;
  }
  ck_assert_int_eq(cyb__file_each_line(f, check_line, &v), 0);
  cyb__speller_give(sp, v.s);
  cyb__files_free(&fs);
  ck_assert_uint_gt(v.n, 10000);
  ck_assert_uint_eq(v.bad, 0);
}
END_TEST

static int cmp_line(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int add_word(verdicts *v, const char *w, size_t n) {
  char lower[200], out[220];
  int bits = cyb__spell_hunspell_verdict(v->sp, v->s, w, n, lower, sizeof lower);
  if (bits < 0 || strchr(lower, '\t')) return 0;
  snprintf(out, sizeof out, "%s\t%d", lower, bits);
  if (v->n == v->cap && !(v->lines = realloc(v->lines, (v->cap = 2 * v->cap + 1024) * sizeof *v->lines))) return 1;
  return (v->lines[v->n++] = strdup(out)) ? 0 : 1;
}

/* A name list's line: its word (before a tab). */
static int collect(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno) {
  char *tab = strchr(line, '\t');
  return add_word(ctx, line, tab ? (size_t)(tab - line) : n);
}

/* A gazetteer line: the words of its name and aliases (columns 3 and 4,
 * without the fr:/en: and = marks and the punctuation around a word). */
static int collect_names(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno) {
  char *col[5] = {line};
  int nc = 1;
  for (char *t = line; nc < 5 && (t = strchr(t, '\t')); col[nc++] = ++t) *t = '\0';
  for (int c = 2; c < nc && c <= 3; c++)
    for (char *name = strtok(col[c], "|"); name; name = strtok(NULL, "|")) {
      if (!strncmp(name, "fr:", 3) || !strncmp(name, "en:", 3)) name += 3;
      for (char *w = name;;) {
        w += strspn(w, " =()[],;:\"");
        size_t wl = strcspn(w, " ()[],;:\"");
        if (!wl) break;
        bool letter = false;
        for (size_t i = 0; i < wl; i++) letter |= (unsigned char)w[i] >= 0x80 || ((w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z');
        if (letter && add_word(ctx, w, wl)) return 1;
        w += wl;
      }
    }
  return 0;
}

/* test-spell --write-verdicts DICT: names/hunspell_verdicts.txt on stdout
 * (the names the speller is asked most about in a new text). */
static int write_verdicts(const char *dir) {
  cyb__diag d = {0};
  cyb__spell *ws = cyb__spell_new(&d);
  cyb__files fs = {0};
  verdicts v = {ws, cyb__speller_take(ws), 0, 0, 0, NULL};
  char print[256];
  if (!dict_file(&fs, dir, "VERSION") || !cyb__spell_fingerprint(ws, print, sizeof print)) return EXIT_FAILURE;
  static const char *const lists[] = {"names/first_names.txt", "names/surnames.txt"};
  for (size_t i = 0; i < 2; i++) {
    const cyb__file *f = cyb__files_find(&fs, lists[i]);
    if (!f || cyb__file_each_line(f, collect, &v)) return EXIT_FAILURE;
  }
  for (size_t i = 0; i < fs.n; i++) {
    size_t nl = strlen(fs.f[i].name);
    if (!strchr(fs.f[i].name, '/') && nl > 4 && !strcmp(fs.f[i].name + nl - 4, ".tsv") &&
        cyb__file_each_line(&fs.f[i], collect_names, &v))
      return EXIT_FAILURE;
  }
  qsort(v.lines, v.n, sizeof *v.lines, cmp_line);
  printf("# hunspell's verdicts on the words of first_names.txt and surnames.txt and of\n"
         "# the gazetteers' names in lower case: word<TAB>bits, 1 the French dictionary\n"
         "# knows it, 2 the English one, 3 both, 0 neither. The speller answers with\n"
         "# them instead of asking hunspell only when the\n"
         "# installed dictionaries and hunspell are the fingerprint's (spell.c). Made by\n"
         "# build/tests/test-spell --write-verdicts dict > dict/names/hunspell_verdicts.txt\n"
         "fingerprint\t%s\n", print);
  for (size_t i = 0; i < v.n; i++)
    if (i == 0 || strcmp(v.lines[i], v.lines[i - 1])) printf("%s\n", v.lines[i]);
  for (size_t i = 0; i < v.n; i++) free(v.lines[i]);
  free(v.lines);
  cyb__speller_give(ws, v.s);
  cyb__spell_free(ws);
  cyb__files_free(&fs);
  cyb__diag_free(&d);
  return EXIT_SUCCESS;
}

static Suite *suite(void) {
  Suite *s = suite_create("spell");
  TCase *t = tcase_create("spell");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_set_timeout(t, 120);
  tcase_add_test(t, dictionaries_are_found);
  tcase_add_test(t, common_words_and_names);
  tcase_add_test(t, questions_do_not_share_answers);
  tcase_add_test(t, a_speller_has_one_owner);
  tcase_add_test(t, threads_get_the_same_answers);
  tcase_add_test(t, verdicts_are_hunspells);
  suite_add_tcase(s, t);
  return s;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--write-verdicts") == 0) return write_verdicts(argv[2]);
  SRunner *sr = srunner_create(suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
