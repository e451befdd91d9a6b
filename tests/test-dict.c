/* Dictionary loading: every error names its file and line. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cyberner.h"

static char dir[256];

static void write_file(const char *name, const char *content) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fputs(content, f);
  fclose(f);
}

static void setup(void) {
  snprintf(dir, sizeof dir, "/tmp/cyb-dict-test-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  write_file("VERSION", "cyberner-dict 1\n");
}

static void teardown(void) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

/* The model must fail with code, and the message must contain want. */
static void expect_error(int code, const char *file, size_t line, const char *want) {
  cyberner_error *err = NULL;
  cyberner_model *m = cyberner_model_new(dir, NULL, &err);
  ck_assert_ptr_null(m);
  ck_assert_ptr_nonnull(err);
  ck_assert_int_eq(cyberner_error_code(err), code);
  ck_assert_msg(strstr(cyberner_error_message(err), want) != NULL, "message '%s' lacks '%s'",
                cyberner_error_message(err), want);
  if (file) {
    ck_assert_ptr_nonnull(cyberner_error_file(err));
    ck_assert_msg(strstr(cyberner_error_file(err), file) != NULL, "file %s", cyberner_error_file(err));
    ck_assert_uint_eq(cyberner_error_line(err), line);
  }
  cyberner_error_free(err);
}

START_TEST(unknown_label) {
  write_file("a.tsv", "# comment\n\nfoo\tAGENCYY\tFoo\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 3, "unknown label 'AGENCYY'");
}
END_TEST

START_TEST(duplicate_id) {
  write_file("a.tsv", "anssi\tAGENCY\tANSSI\n");
  write_file("b.tsv", "x\tAGENCY\tX\nanssi\tAGENCY\tOther\n");
  expect_error(CYBERNER_EDICT, "b.tsv", 2, "duplicate id 'anssi'");
  expect_error(CYBERNER_EDICT, "b.tsv", 2, "a.tsv:1");
}
END_TEST

START_TEST(empty_alias) {
  write_file("a.tsv", "anssi\tAGENCY\tANSSI\tAgence||CERT-FR\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 1, "empty alias");
}
END_TEST

START_TEST(invalid_utf8) {
  write_file("a.tsv", "ok\tAGENCY\tOK\nbad\tAGENCY\tB\xff" "ad\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 2, "invalid UTF-8");
}
END_TEST

START_TEST(bad_columns_and_ids) {
  write_file("a.tsv", "only-two\tAGENCY\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 1, "columns");
  write_file("a.tsv", "Bad Id\tAGENCY\tX\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 1, "bad id");
  write_file("a.tsv", "KOR\tCOUNTRY\tKorea\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 1, "ISO 3166-1");
  write_file("a.tsv", "x\tAGENCY\tX\t\tcountry=Japan\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 1, "bad country");
  write_file("a.tsv", "x\tAGENCY\tX\t\tnokeyvalue\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 1, "bad attribute");
  write_file("a.tsv", "pp\tAGENCY\tP\nx\tAGENCY\tX\t\twithin=nowhere\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 2, "within=nowhere");
  write_file("a.tsv", "x\tAGENCY\tX\t\tshort=en:Commission\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 1, "bad short form");
  write_file("a.tsv", "pp\tAGENCY\tP\nx\tEVENT\tX\t\tcommittee=nobody\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 2, "committee=nobody");
  write_file("a.tsv", "pp\tORGANIZATION\tP\nx\tAGENCY\tX\t\tcommittee=pp\n");
  expect_error(CYBERNER_EDICT, "a.tsv", 2, "only an EVENT");
}
END_TEST

START_TEST(wrong_format_version) {
  write_file("VERSION", "cyberner-dict 99\n");
  write_file("a.tsv", "x\tAGENCY\tX\n");
  expect_error(CYBERNER_EVERSION, "VERSION", 1, "unsupported dictionary format");
}
END_TEST

START_TEST(missing_folder) {
  cyberner_error *err = NULL;
  ck_assert_ptr_null(cyberner_model_new("/nonexistent/cyberner", NULL, &err));
  ck_assert_int_eq(cyberner_error_code(err), CYBERNER_EIO);
  cyberner_error_free(err);
}
END_TEST

START_TEST(check_reports_every_problem_and_counts) {
  write_file("a.tsv", "good\tAGENCY\tGood Agency\tGA\tcountry=FR\n"
                      "bad\tWHAT\tX\n"
                      "good2\tORGANIZATION\tGood Org\t|\n"
                      "FR\tCOUNTRY\tFrance\tGA\n");
  cyberner_error *err = NULL;
  cyberner_dict_report *r = cyberner_dict_check(dir, &err);
  ck_assert_ptr_nonnull(r);
  ck_assert_uint_eq(cyberner_dict_report_error_count(r), 2);
  int saw_line2 = 0, saw_line3 = 0, saw_shared = 0;
  for (size_t i = 0; i < cyberner_dict_report_count(r); i++) {
    const char *m = cyberner_dict_report_message(r, i);
    if (strstr(m, "a.tsv:2: unknown label")) saw_line2 = 1;
    if (strstr(m, "a.tsv:3: empty alias")) saw_line3 = 1;
    if (!cyberner_dict_report_is_error(r, i) && strstr(m, "alias shared")) saw_shared = 1;
  }
  ck_assert(saw_line2 && saw_line3 && saw_shared);
  ck_assert_uint_eq(cyberner_dict_report_entry_count(r, CYBERNER_AGENCY), 1);
  ck_assert_uint_eq(cyberner_dict_report_entry_count(r, CYBERNER_COUNTRY), 1);
  cyberner_dict_report_free(r);
}
END_TEST

START_TEST(extra_folder_overrides_by_id) {
  write_file("a.tsv", "FR\tCOUNTRY\tFrance\nx\tAGENCY\tAlpha Agency\t\tcountry=FR\n");
  char extra[300];
  snprintf(extra, sizeof extra, "%s/extra", dir);
  ck_assert_int_eq(mkdir(extra, 0700), 0);
  char path[400];
  snprintf(path, sizeof path, "%s/b.tsv", extra);
  FILE *f = fopen(path, "wb");
  fputs("x\tAGENCY\tBeta Agency\t\tcountry=FR\n", f);
  fclose(f);
  cyberner_error *err = NULL;
  cyberner_model *m = cyberner_model_new(dir, extra, &err);
  ck_assert_msg(m != NULL, "%s", cyberner_error_message(err));
  const char *t1 = "Alpha Agency and Beta Agency";
  cyberner_result *r = cyberner_tag(m, t1, strlen(t1), NULL, NULL);
  ck_assert_uint_eq(cyberner_result_count(r), 1);
  ck_assert_uint_eq(cyberner_entity_start(r, 0), 17);
  ck_assert_str_eq(cyberner_entity_id(r, 0), "x");
  cyberner_result_free(r);
  cyberner_model_free(m);
}
END_TEST

START_TEST(case_sensitive_and_language_aliases) {
  write_file("a.tsv", "TD\tCOUNTRY\tRepublic of Chad\ten:=Chad|Tchad\n"
                      "nss\tAGENCY\tNational Security Secretariat\tNSS\tcountry=JP\n");
  cyberner_model *m = cyberner_model_new(dir, NULL, NULL);
  ck_assert_ptr_nonnull(m);
  cyberner_options *o = cyberner_options_new();
  cyberner_options_set_lang(o, CYBERNER_LANG_EN);
  const char *t = "Chad and chad, NSS and nss, Tchad";
  cyberner_result *r = cyberner_tag(m, t, strlen(t), o, NULL);
  ck_assert_uint_eq(cyberner_result_count(r), 3);
  ck_assert_uint_eq(cyberner_entity_start(r, 0), 0);
  ck_assert_uint_eq(cyberner_entity_start(r, 1), 15);
  ck_assert_uint_eq(cyberner_entity_start(r, 2), 28);
  cyberner_result_free(r);
  cyberner_options_set_lang(o, CYBERNER_LANG_FR); /* en: aliases stay silent in French */
  r = cyberner_tag(m, t, strlen(t), o, NULL);
  ck_assert_uint_eq(cyberner_result_count(r), 2);
  cyberner_result_free(r);
  cyberner_options_free(o);
  cyberner_model_free(m);
}
END_TEST

START_TEST(bad_rule_files) {
  write_file("a.tsv", "FR\tCOUNTRY\tFrance\n");
  char rules[300];
  snprintf(rules, sizeof rules, "%s/rules", dir);
  ck_assert_int_eq(mkdir(rules, 0700), 0);
  write_file("rules/ids.txt", "# ids\nVULNERABILITY\t^cve-(\\d+$\tupper\n");
  expect_error(CYBERNER_ERULE, "rules/ids.txt", 2, "bad pattern");
  write_file("rules/ids.txt", "VULNERABILITY\t^cve-\\d+$\tupper\n");
  write_file("rules/dates.txt", "# dates\n\nrule broken on=digit\n  (?<d>[0-9\n");
  expect_error(CYBERNER_ERULE, "rules/dates.txt", 3, "");
}
END_TEST

START_TEST(builtin_dictionaries_check_clean) {
  cyberner_dict_report *r = cyberner_dict_check(NULL, NULL);
  ck_assert_ptr_nonnull(r);
  for (size_t i = 0; i < cyberner_dict_report_count(r); i++)
    if (cyberner_dict_report_is_error(r, i)) fprintf(stderr, "%s\n", cyberner_dict_report_message(r, i));
  ck_assert_uint_eq(cyberner_dict_report_error_count(r), 0);
  cyberner_dict_report_free(r);
}
END_TEST

int main(void) {
  Suite *s = suite_create("dict");
  TCase *t = tcase_create("dict");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_add_test(t, unknown_label);
  tcase_add_test(t, duplicate_id);
  tcase_add_test(t, empty_alias);
  tcase_add_test(t, invalid_utf8);
  tcase_add_test(t, bad_columns_and_ids);
  tcase_add_test(t, wrong_format_version);
  tcase_add_test(t, missing_folder);
  tcase_add_test(t, check_reports_every_problem_and_counts);
  tcase_add_test(t, extra_folder_overrides_by_id);
  tcase_add_test(t, case_sensitive_and_language_aliases);
  tcase_add_test(t, bad_rule_files);
  tcase_add_test(t, builtin_dictionaries_check_clean);
  suite_add_tcase(s, t);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
