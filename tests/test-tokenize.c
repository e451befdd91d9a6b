/* Tokenizer and sentence splitter, French and English. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static cyb__fold *fold;
static cyb__norm nm;
static cyb__tokens tt;

static void setup(void) {
  fold = cyb__fold_new(NULL);
  ck_assert_ptr_nonnull(fold);
  memset(&nm, 0, sizeof nm);
  memset(&tt, 0, sizeof tt);
}
static void teardown(void) {
  cyb__norm_free(&nm);
  cyb__tokens_free(&tt);
  cyb__fold_free(fold);
}

static void run(const char *s) {
  ck_assert_int_eq(cyb__normalize(fold, s, strlen(s), &nm), 0);
  ck_assert_int_eq(cyb__tokenize(&nm, &tt), 0);
}

/* Tokens joined by '|' */
static const char *toks(const char *s) {
  static char buf[4096];
  run(s);
  size_t w = 0;
  for (size_t k = 0; k < tt.ntok; k++) {
    size_t n = tt.tok[k].end - tt.tok[k].start;
    if (w + n + 2 >= sizeof buf) break;
    if (k) buf[w++] = '|';
    memcpy(buf + w, nm.text + tt.tok[k].start, n);
    w += n;
  }
  buf[w] = '\0';
  return buf;
}

START_TEST(french_elision_is_split) {
  ck_assert_str_eq(toks("l\xe2\x80\x99" "Australie"), "l'|australie");
  ck_assert_str_eq(toks("d'information"), "d'|information");
  ck_assert_str_eq(toks("qu'il"), "qu'|il");
  ck_assert_str_eq(toks("jusqu'au"), "jusqu'|au");
  ck_assert_str_eq(toks("aujourd'hui"), "aujourd'hui");
}
END_TEST

START_TEST(english_possessive_is_split) {
  ck_assert_str_eq(toks("ANSSI's partnership"), "anssi|'s|partnership");
  ck_assert_str_eq(toks("O'Neill"), "o'neill");
}
END_TEST

START_TEST(hyphenated_words_stay_whole) {
  ck_assert_str_eq(toks("nord-coréen"), "nord-coreen");
  ck_assert_str_eq(toks("Jean-Yves Le Drian"), "jean-yves|le|drian");
  ck_assert_str_eq(toks("Asie-Pacifique"), "asie-pacifique");
  ck_assert_str_eq(toks("CVE-2021-44228"), "cve-2021-44228");
  ck_assert_str_eq(toks("Paris - Tokyo"), "paris|-|tokyo");
  /* a relation word after the hyphen is split off: the name before may be
   * several words (New York-based) */
  ck_assert_str_eq(toks("New York-based"), "new|york|-|based");
  ck_assert_str_eq(toks("Hong Kong-registered"), "hong|kong|-|registered");
  ck_assert_str_eq(toks("Kremlin-friendly"), "kremlin|-|friendly");
  ck_assert_str_eq(toks("IRGC-affiliated"), "irgc|-|affiliated");
  ck_assert_str_eq(toks("Hong Kong-flagged"), "hong|kong|-|flagged");
  ck_assert_str_eq(toks("Qatar-brokered"), "qatar|-|brokered");
  ck_assert_str_eq(toks("Cold War-era"), "cold|war|-|era");
  ck_assert_str_eq(toks("co-hosted"), "co-hosted"); /* a prefix, not a name */
  ck_assert_str_eq(toks("Russian-speaking"), "russian-speaking");
  ck_assert_str_eq(toks("based-on"), "based-on");
  ck_assert_str_eq(toks("2024-based"), "2024-based");
}
END_TEST

START_TEST(acronyms_with_slash_dot_ampersand) {
  ck_assert_str_eq(toks("JPCERT/CC"), "jpcert/cc");
  ck_assert_str_eq(toks("the U.S. said"), "the|u.s.|said");
  ck_assert_str_eq(toks("AT&T"), "at&t");
  ck_assert(tt.tok[0].flags & CYB_TOK_ALLCAPS);
}
END_TEST

START_TEST(numbers) {
  ck_assert_str_eq(toks("12.06.18 and 12/06/2018"), "12.06.18|and|12/06/2018");
  ck_assert_str_eq(toks("1500x750, 135 ko"), "1500x750|,|135|ko");
  ck_assert(tt.tok[2].flags & CYB_TOK_NUMBER);
  ck_assert(!(tt.tok[0].flags & CYB_TOK_NUMBER));
  ck_assert_str_eq(toks("le 1er janvier"), "le|1er|janvier");
}
END_TEST

START_TEST(case_flags) {
  run("ANSSI Corée corée");
  ck_assert(tt.tok[0].flags & CYB_TOK_ALLCAPS);
  ck_assert(tt.tok[1].flags & CYB_TOK_CAP);
  ck_assert(!(tt.tok[1].flags & CYB_TOK_ALLCAPS));
  ck_assert(!(tt.tok[2].flags & CYB_TOK_CAP));
}
END_TEST

static size_t nsent(const char *s) {
  run(s);
  return tt.nsent;
}

START_TEST(abbreviations_do_not_end_sentences) {
  ck_assert_uint_eq(nsent("M. David Martinon est venu. Il a parlé."), 2);
  ck_assert_uint_eq(nsent("Mme Borne a parlé."), 1);
  ck_assert_uint_eq(nsent("Mr. Smith met Dr. Jones. They talked."), 2);
  ck_assert_uint_eq(nsent("The U.S. Department of State said so. Then it left."), 2);
  ck_assert_uint_eq(nsent("J. Smith came."), 1);
  /* every word of the table is found (the table is searched by bisection:
   * a word out of order would be lost) */
  static const char *const words[] = {"m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "prof", "me",
                                      "mgr", "st", "ste", "no", "nos", "vol", "art", "p", "pp", "cf", "ex", "fig",
                                      "gen", "col", "lt", "sgt", "capt", "cpt", "jr", "sr", "vs", "etc", "av", "bd",
                                      "env", "approx", "dept", "gov", "sen", "rep", "adm", "gal", "cdt", "lieut",
                                      "mt", "ft", "inc", "ltd", "co", "corp", "nr", "tel", "mio", "mds", "mrd", "hon",
                                      "rev", "cie", "ca", "jan", "janv", "feb", "fev", "fevr", "apr", "avr", "jun",
                                      "jul", "juil", "aug", "sep", "sept", "oct", "nov", "dec"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    ck_assert_msg(cyb__is_abbreviation(words[i], strlen(words[i])), "%s", words[i]);
  ck_assert(!cyb__is_abbreviation("said", 4));
}
END_TEST

START_TEST(sentences_end_at_stops_and_lines) {
  ck_assert_uint_eq(nsent("One. Two! Three? Four"), 4);
  ck_assert_uint_eq(nsent("Title line\nFirst sentence here."), 2);
  ck_assert_uint_eq(nsent("a wrapped\nline goes on."), 1);
  ck_assert_uint_eq(nsent("a paragraph\n\nnew one"), 2);
  ck_assert_uint_eq(nsent("version 2.0 is out"), 1);
  /* a dot glued between two words is a name or an address */
  ck_assert_uint_eq(nsent("Selon CERT.LV, le site Cybermalveillance.gouv.fr a aidé."), 1);
  ck_assert_uint_eq(nsent("It ended. Then CERT.LV spoke."), 2);
  /* capitals, a dot and a number: a reference; a Roman numeral ends */
  ck_assert_uint_eq(nsent("La résolution MSC.428(98) de l'OMI est adoptée."), 1);
  ck_assert_uint_eq(nsent("Contre Napoléon III.14 avril 1865, un attentat."), 2);
}
END_TEST

/* a run without any sentence end is cut into sentences of at most
 * CYB_MAX_SENTENCE_TOKENS tokens (the rules' work stays linear) */
START_TEST(long_runs_are_cut) {
  size_t words = 3 * CYB_MAX_SENTENCE_TOKENS + 7;
  char *s = malloc(words * 5 + 1);
  ck_assert_ptr_nonnull(s);
  for (size_t i = 0; i < words; i++) memcpy(s + 5 * i, "word ", 5);
  s[words * 5] = '\0';
  ck_assert_uint_eq(nsent(s), 4);
  for (size_t i = 0; i < tt.nsent; i++)
    ck_assert_uint_le(tt.sent[i].tok_end - tt.sent[i].tok_begin, CYB_MAX_SENTENCE_TOKENS);
  ck_assert_uint_eq(tt.sent[3].tok_end, words);
  free(s);
}
END_TEST

START_TEST(empty_and_blank) {
  ck_assert_uint_eq(nsent(""), 0);
  ck_assert_uint_eq(tt.ntok, 0);
  ck_assert_uint_eq(nsent(" \n\t \n"), 0);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("tokenize");
  TCase *t = tcase_create("tokenize");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_add_test(t, french_elision_is_split);
  tcase_add_test(t, english_possessive_is_split);
  tcase_add_test(t, hyphenated_words_stay_whole);
  tcase_add_test(t, acronyms_with_slash_dot_ampersand);
  tcase_add_test(t, numbers);
  tcase_add_test(t, case_flags);
  tcase_add_test(t, abbreviations_do_not_end_sentences);
  tcase_add_test(t, sentences_end_at_stops_and_lines);
  tcase_add_test(t, long_runs_are_cut);
  tcase_add_test(t, empty_and_blank);
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
