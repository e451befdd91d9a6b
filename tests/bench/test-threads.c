/* Threads (issue 7): 2,000 documents tagged on 8 threads sharing one model
 * give, byte for byte, what one thread gives.
 *
 *   test-threads [RAW_NEWS_DIR]
 *
 * Documents: the blank-line-separated blocks of RAW_NEWS_DIR/{en,fr}.txt
 * when they exist; otherwise built-in seed sentences repeated with
 * variations. CYB_THREADS_DOCS and CYB_THREADS_N change the number of
 * documents and of threads (for slow runs under valgrind). */
#include <check.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cyberner.h"

static const char *news_dir;
static size_t ndocs = 2000;
static int nthreads = 8;

typedef struct {
  char *p;
  size_t n;
} text;

static text *docs;

/* ---- documents ------------------------------------------------------------ */

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  for (;;) {
    if (n == cap) b = realloc(b, cap *= 2);
    size_t k = fread(b + n, 1, cap - n, f);
    if (!k) break;
    n += k;
  }
  fclose(f);
  *len = n;
  return b;
}

/* Append the blank-line-separated blocks of s to docs[*k..ndocs). */
static void take_blocks(const char *s, size_t n, size_t *k, size_t limit) {
  size_t i = 0;
  while (i < n && *k < limit) {
    while (i < n && s[i] == '\n') i++;
    size_t start = i;
    while (i < n && !(s[i] == '\n' && i + 1 < n && s[i + 1] == '\n')) i++;
    if (i > start) {
      docs[*k].n = i - start;
      docs[*k].p = malloc(i - start);
      memcpy(docs[*k].p, s + start, i - start);
      (*k)++;
    }
  }
}

static const char *const seeds[] = {
    "L'ANSSI et le CERT-FR ont publié lundi 12 mars 2024 un rapport sur APT28, aussi appelé Fancy Bear, "
    "attribué à la Russie. M. Vincent Strubel, directeur général de l'ANSSI, a rencontré ses homologues "
    "japonais et sud-coréens à Séoul.",
    "The Cybersecurity and Infrastructure Security Agency (CISA) warned on Tuesday that Volt Typhoon, a "
    "Chinese state-sponsored group, exploited CVE-2023-46805. The NSA and the FBI joined the advisory with "
    "the UK's NCSC and Japan's NISC.",
    "Le ministère des Armées et le COMCYBER ont participé au Forum International de la Cybersécurité à Lille "
    "en avril dernier, avec l'OTAN, l'Union européenne et l'ENISA. Le Premier ministre japonais Fumio Kishida "
    "était attendu.",
    "Lazarus Group, also known as Hidden Cobra, is attributed to North Korea (DPRK). South Korea's KISA and the "
    "NIS said on 3 May 2023 that Kimsuky targeted think tanks in Seoul, Washington and Tokyo.",
    "La coopération franco-japonaise en matière de cybersécurité a été renforcée ; les Américains et les "
    "Britanniques ont salué l'accord signé à Paris le 14 juillet.",
};

static void make_docs(void) {
  docs = calloc(ndocs, sizeof *docs);
  size_t k = 0;
  if (news_dir) {
    const char *names[2] = {"en.txt", "fr.txt"};
    for (int f = 0; f < 2; f++) {
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", news_dir, names[f]);
      size_t n;
      char *s = slurp(path, &n);
      if (!s) continue;
      take_blocks(s, n, &k, f == 0 ? ndocs / 2 : ndocs);
      free(s);
    }
  }
  /* seeds with variations: order, numbers, case, a prefix of invalid bytes */
  for (size_t v = 0; k < ndocs; v++, k++) {
    const char *a = seeds[v % 5], *b = seeds[(v / 5 + 1 + v) % 5];
    size_t cap = strlen(a) + strlen(b) + 128;
    char *p = malloc(cap);
    int n = snprintf(p, cap, "%s%s\n\nDocument %zu, %zu juin 20%02zu.\n%s", v % 7 == 0 ? "\xff\xfe " : "", a, v,
                     1 + v % 28, v % 30, b);
    if (v % 3 == 0)
      for (int i = 0; i < n; i++)
        if (p[i] >= 'a' && p[i] <= 'z' && i % 5 == 0) p[i] = (char)(p[i] - 32);
    docs[k].p = p;
    docs[k].n = (size_t)n;
  }
}

/* ---- serialization -------------------------------------------------------- */

typedef struct {
  char *p;
  size_t n, cap;
} sbuf;

static void put(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(sbuf *b, const char *fmt, ...) {
  for (;;) {
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? b->cap - b->n : 0, fmt, ap);
    va_end(ap);
    if (k < 0) abort();
    if (b->p && (size_t)k < b->cap - b->n) {
      b->n += (size_t)k;
      return;
    }
    b->cap = (b->cap + (size_t)k + 1) * 2;
    b->p = realloc(b->p, b->cap);
    if (!b->p) abort();
  }
}

static const char *or_null(const char *s) { return s ? s : "(null)"; }

/* Every field of every entity, the sentences and the document language;
 * floating point values as exact hexadecimal. */
static char *serialize(const cyberner_result *r, const cyberner_error *err) {
  sbuf b = {0};
  if (!r) {
    put(&b, "error %d %s\n", cyberner_error_code(err), or_null(cyberner_error_message(err)));
    return b.p;
  }
  put(&b, "lang %d %a invalid %zu\n", cyberner_result_lang(r), cyberner_result_lang_confidence(r),
      cyberner_result_invalid_bytes(r));
  for (size_t i = 0; i < cyberner_result_sentence_count(r); i++)
    put(&b, "s %zu %zu %d\n", cyberner_sentence_start(r, i), cyberner_sentence_end(r, i),
        cyberner_sentence_lang(r, i));
  for (size_t i = 0; i < cyberner_result_count(r); i++)
    put(&b, "e %zu %zu %s %s %s %s %a %d\n", cyberner_entity_start(r, i), cyberner_entity_end(r, i),
        or_null(cyberner_label_name(cyberner_entity_label(r, i))), or_null(cyberner_entity_id(r, i)),
        or_null(cyberner_entity_value(r, i)), or_null(cyberner_entity_source(r, i)), cyberner_entity_score(r, i),
        cyberner_entity_lang(r, i));
  if (!b.p) put(&b, "%s", "");
  return b.p;
}

/* ---- the runs ---------------------------------------------------------------- */

typedef struct {
  const cyberner_model *m;
  int config; /* 0: default options (NULL); 1: a reference date and a label mask; 2: French forced */
  bool tagger; /* a cyberner_tagger per thread instead of cyberner_tag per document */
  char **out;
  atomic_size_t next;
} job;

static cyberner_options *make_options(int config) {
  if (config == 0) return NULL;
  cyberner_options *o = cyberner_options_new();
  ck_assert_ptr_nonnull(o);
  if (config == 1) {
    ck_assert_int_eq(cyberner_options_set_ref_date(o, 2024, 3, 15), 0);
    ck_assert_int_eq(cyberner_options_set_labels(o, ~(1u << CYBERNER_PERSON)), 0);
  } else {
    ck_assert_int_eq(cyberner_options_set_lang(o, CYBERNER_LANG_FR), 0);
    ck_assert_int_eq(cyberner_options_set_min_score(o, 0.5), 0);
  }
  return o;
}

static void *worker(void *arg) {
  job *j = arg;
  cyberner_options *o = make_options(j->config); /* options belong to one thread */
  /* the threads use a tagger each (scratch kept between documents); the
   * single-thread reference calls cyberner_tag: both must agree byte for byte */
  cyberner_tagger *t = j->tagger ? cyberner_tagger_new(j->m, NULL) : NULL;
  ck_assert(!j->tagger || t);
  for (;;) {
    size_t i = atomic_fetch_add(&j->next, 1);
    if (i >= ndocs) break;
    cyberner_error *err = NULL;
    cyberner_result *r = t ? cyberner_tagger_tag(t, docs[i].p, docs[i].n, o, &err)
                           : cyberner_tag(j->m, docs[i].p, docs[i].n, o, &err);
    j->out[i] = serialize(r, err);
    cyberner_result_free(r);
    cyberner_error_free(err);
  }
  cyberner_tagger_free(t);
  cyberner_options_free(o);
  return NULL;
}

static char **run(const cyberner_model *m, int config, int nth) {
  job j = {.m = m, .config = config, .tagger = nth > 1, .out = calloc(ndocs, sizeof(char *))};
  atomic_init(&j.next, 0);
  if (nth <= 1) {
    worker(&j);
  } else {
    pthread_t th[64];
    for (int i = 0; i < nth; i++) ck_assert_int_eq(pthread_create(&th[i], NULL, worker, &j), 0);
    for (int i = 0; i < nth; i++) pthread_join(th[i], NULL);
  }
  return j.out;
}

static void free_out(char **out) {
  for (size_t i = 0; i < ndocs; i++) free(out[i]);
  free(out);
}

static cyberner_model *model;

static void compare(int config) {
  char **one = run(model, config, 1);
  char **many = run(model, config, nthreads);
  size_t ents = 0, diffs = 0, first = SIZE_MAX;
  for (size_t i = 0; i < ndocs; i++) {
    ck_assert_ptr_nonnull(one[i]);
    ck_assert_ptr_nonnull(many[i]);
    for (const char *p = one[i]; (p = strstr(p, "\ne ")); p++) ents++;
    if (strcmp(one[i], many[i]) != 0) {
      diffs++;
      if (first == SIZE_MAX) first = i;
    }
  }
  if (diffs)
    ck_abort_msg("config %d: %zu of %zu documents differ; first: document %zu\n--- 1 thread:\n%.2000s\n--- %d "
                 "threads:\n%.2000s",
                 config, diffs, ndocs, first, one[first], nthreads, many[first]);
  fprintf(stderr, "config %d: %zu documents, %zu entities, identical on 1 and %d threads\n", config, ndocs, ents,
          nthreads);
  ck_assert_msg(config == 2 || ents > ndocs / 4, "too few entities (%zu) for a meaningful comparison", ents);
  free_out(one);
  free_out(many);
}

START_TEST(test_threads_default) { compare(0); }
END_TEST

START_TEST(test_threads_options) { compare(1); }
END_TEST

START_TEST(test_threads_forced_lang) { compare(2); }
END_TEST

/* Language detection alone, on the same documents, from many threads. */
static void *lang_worker(void *arg) {
  int *res = arg;
  for (size_t i = 0; i < ndocs; i++) {
    double c;
    int l = cyberner_detect_language(model, docs[i].p, docs[i].n, &c);
    res[i] = l * 1000 + (int)(c * 999);
  }
  return NULL;
}

START_TEST(test_threads_detect_language) {
  int *ref = calloc(ndocs, sizeof *ref);
  lang_worker(ref);
  pthread_t th[64];
  int *res[64];
  for (int i = 0; i < nthreads; i++) {
    res[i] = calloc(ndocs, sizeof(int));
    ck_assert_int_eq(pthread_create(&th[i], NULL, lang_worker, res[i]), 0);
  }
  for (int i = 0; i < nthreads; i++) {
    pthread_join(th[i], NULL);
    ck_assert_int_eq(memcmp(ref, res[i], ndocs * sizeof(int)), 0);
    free(res[i]);
  }
  free(ref);
}
END_TEST

int main(int argc, char **argv) {
  news_dir = argc > 1 ? argv[1] : NULL;
  const char *e = getenv("CYB_THREADS_DOCS");
  if (e && atol(e) > 0) ndocs = (size_t)atol(e);
  e = getenv("CYB_THREADS_N");
  if (e && atoi(e) > 0 && atoi(e) <= 64) nthreads = atoi(e);
  make_docs();
  cyberner_error *err = NULL;
  model = cyberner_model_new(NULL, NULL, &err);
  if (!model) {
    fprintf(stderr, "cannot compile the model: %s\n", cyberner_error_message(err));
    return 1;
  }
  Suite *s = suite_create("threads");
  TCase *tc = tcase_create("threads");
  tcase_set_timeout(tc, 1200);
  tcase_add_test(tc, test_threads_default);
  tcase_add_test(tc, test_threads_options);
  tcase_add_test(tc, test_threads_forced_lang);
  tcase_add_test(tc, test_threads_detect_language);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  /* the model is built once, before the tests: run them in this process */
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  cyberner_model_free(model);
  for (size_t i = 0; i < ndocs; i++) free(docs[i].p);
  free(docs);
  return failed ? 1 : 0;
}
