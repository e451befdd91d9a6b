/* hunspell questions (spell.c): answers, and one speller per call or thread. */
#include <check.h>
#include <pthread.h>
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
