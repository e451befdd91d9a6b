/* libFuzzer target: a dictionary folder built from arbitrary bytes.
 *
 * Input: byte 0 chooses the file the rest of the bytes become (a gazetteer
 * .tsv, VERSION, a rule or name list, the language model); the folder also
 * holds a VERSION file and a small valid countries.tsv (unless the input is
 * one of them). The target calls cyberner_dict_check and cyberner_model_new
 * on it and, when a model compiles, tags a short text and the input. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cyberner.h"
#include "fuzz_common.h"

static const char *const targets[] = {
    "agencies.tsv",        "countries.tsv",      "nationalities.tsv", "persons.tsv",
    "threat_actors.tsv",   "organizations.tsv",  "locations.tsv",     "x.tsv",
    "VERSION",             "rules/titles.txt",   "rules/bodies.txt",  "rules/dates.txt",
    "rules/particles.txt", "names/surnames.txt", "langid/langid.tsv", "events.tsv",
};
#define NTARGETS (sizeof targets / sizeof targets[0])

static const char countries[] =
    "# a few countries so that other files can link to them\n"
    "FR\tCOUNTRY\tFrance\tRépublique française|French Republic\n"
    "JP\tCOUNTRY\tJapan\tJapon|=Nippon\n"
    "KR\tCOUNTRY\tSouth Korea\tCorée du Sud|République de Corée\n"
    "US\tCOUNTRY\tUnited States\tÉtats-Unis|=US|USA|U.S.\n";

static char dir[64];
static char sub[3][128];

static void write_file(const char *name, const void *p, size_t n) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "fuzz_dict: cannot write %s: %s\n", path, strerror(errno));
    abort();
  }
  if (n) fwrite(p, 1, n, f);
  fclose(f);
}

static void remove_file(const char *name) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  unlink(path);
}

static void cleanup(void) {
  for (size_t i = 0; i < NTARGETS; i++) remove_file(targets[i]);
  for (int i = 0; i < 3; i++) rmdir(sub[i]);
  rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!dir[0]) {
    snprintf(dir, sizeof dir, "/tmp/cyb-fuzz-dict-XXXXXX");
    if (!mkdtemp(dir)) abort();
    const char *subs[3] = {"rules", "names", "langid"};
    for (int i = 0; i < 3; i++) {
      snprintf(sub[i], sizeof sub[i], "%s/%s", dir, subs[i]);
      mkdir(sub[i], 0700);
    }
    atexit(cleanup);
  }
  if (size == 0) return 0;
  const char *target = targets[data[0] % NTARGETS];
  for (size_t i = 0; i < NTARGETS; i++) remove_file(targets[i]);
  write_file("VERSION", "cyberner-dict 1\n", 16);
  write_file("countries.tsv", countries, sizeof countries - 1);
  write_file(target, data + 1, size - 1); /* may replace VERSION or countries.tsv */

  cyberner_error *err = NULL;
  cyberner_dict_report *rep = cyberner_dict_check(dir, &err);
  if (rep) {
    size_t n = cyberner_dict_report_count(rep), errors = 0;
    for (size_t i = 0; i < n; i++) {
      const char *m = cyberner_dict_report_message(rep, i);
      FUZZ_CHECK(m != NULL, "report %zu without message", i);
      (void)strlen(m);
      errors += cyberner_dict_report_is_error(rep, i) ? 1 : 0;
    }
    FUZZ_CHECK(errors == cyberner_dict_report_error_count(rep), "%zu errors listed, %zu counted", errors,
               cyberner_dict_report_error_count(rep));
    for (int l = 0; l < CYBERNER_LABEL_COUNT; l++) (void)cyberner_dict_report_entry_count(rep, l);
  } else {
    FUZZ_CHECK(err != NULL, "dict_check returned NULL without an error");
    (void)strlen(cyberner_error_message(err));
  }
  cyberner_dict_report_free(rep);
  cyberner_error_free(err);
  err = NULL;

  cyberner_model *m = cyberner_model_new(dir, NULL, &err);
  if (m) {
    for (size_t i = 0; i < cyberner_model_warning_count(m); i++) (void)strlen(cyberner_model_warning(m, i));
    static const char sample[] =
        "L'ANSSI et la France ont rencontré le Japon, la Corée du Sud et les États-Unis le 3 mars 2024. "
        "The US and Japan met M. Dupont, Mr Smith and APT28 in Paris.";
    cyberner_result *r = cyberner_tag(m, sample, sizeof sample - 1, NULL, NULL);
    FUZZ_CHECK(r != NULL, "tagging a sample with the fuzzed model failed");
    cyberner_result_free(r);
    /* the input itself, where its aliases are most likely to match */
    r = cyberner_tag(m, (const char *)data + 1, size - 1 > 4096 ? 4096 : size - 1, NULL, NULL);
    FUZZ_CHECK(r != NULL, "tagging the input with the fuzzed model failed");
    cyberner_result_free(r);
    cyberner_model_free(m);
  } else {
    FUZZ_CHECK(err != NULL, "model_new returned NULL without an error");
    (void)strlen(cyberner_error_message(err));
  }
  cyberner_error_free(err);
  return 0;
}
