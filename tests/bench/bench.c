/* bench: throughput, memory and compile time of libcyberner (issue 7), and
 * the matcher benchmark of issue 3 (full dictionary set vs a tenth of it).
 *
 *   bench [--json] [--threads N] [--size MB] [--patho MB] [--dict-src DIR]
 *         [--repeat N] [--skip-matcher] [--skip-patho] EN.txt FR.txt
 *
 * --size: the assembled buffer (100 MB); --patho: each pathological input
 * (10 MB); --repeat: best of N timings (the machine may be shared).
 *
 * Each blank-line-separated block of the input files is one document. The
 * numbers are printed as a table (or one JSON object with --json); the
 * program never fails because of a speed: its exit code is 0 unless
 * something could not run at all.
 *
 * Input bytes are read into memory before any timing, for the tagger and the
 * baseline alike: both passes are timed on the same bytes in memory. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include "internal.h"

#ifndef CYB_SOURCE_DICT
#define CYB_SOURCE_DICT "dict"
#endif

#define MB (1024.0 * 1024.0)

/* ---- small helpers ------------------------------------------------------ */

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("bench: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(2);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) die("out of memory (%zu bytes)", n);
  return p;
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) die("out of memory (%zu bytes)", n);
  return p;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open %s: %s", path, strerror(errno));
  size_t cap = 1 << 20, n = 0;
  char *buf = xmalloc(cap);
  for (;;) {
    if (n == cap) buf = xrealloc(buf, cap *= 2);
    size_t k = fread(buf + n, 1, cap - n, f);
    if (k == 0) break;
    n += k;
  }
  if (ferror(f)) die("cannot read %s", path);
  fclose(f);
  *len = n;
  return buf;
}

/* Current and peak resident set size in bytes (Linux /proc; 0 elsewhere). */
static void rss(size_t *cur, size_t *peak) {
  *cur = *peak = 0;
  FILE *f = fopen("/proc/self/status", "r");
  if (!f) {
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0) *peak = (size_t)ru.ru_maxrss * 1024;
    return;
  }
  char line[256];
  while (fgets(line, sizeof line, f)) {
    unsigned long kb;
    if (sscanf(line, "VmRSS: %lu kB", &kb) == 1) *cur = (size_t)kb * 1024;
    if (sscanf(line, "VmHWM: %lu kB", &kb) == 1) *peak = (size_t)kb * 1024;
  }
  fclose(f);
}

/* Reset the peak RSS to the current RSS (Linux >= 4.0); false when not possible. */
static bool reset_peak(void) {
  FILE *f = fopen("/proc/self/clear_refs", "w");
  if (!f) return false;
  bool ok = fputs("5", f) >= 0;
  return fclose(f) == 0 && ok;
}

/* ---- documents ------------------------------------------------------------ */

typedef struct {
  const char *p;
  size_t n;
  int lang; /* the file it came from: CYBERNER_LANG_EN / _FR */
} doc;

typedef struct {
  doc *d;
  size_t n, cap;
  size_t bytes;
} docs;

static void docs_push(docs *ds, const char *p, size_t n, int lang) {
  if (ds->n == ds->cap) ds->d = xrealloc(ds->d, (ds->cap = ds->cap ? 2 * ds->cap : 1024) * sizeof *ds->d);
  ds->d[ds->n++] = (doc){p, n, lang};
  ds->bytes += n;
}

/* Split at blank lines (lines empty or made of spaces/tabs/CR). */
static void split_docs(const char *s, size_t n, int lang, docs *out) {
  size_t i = 0, start = 0;
  bool in_doc = false;
  while (i < n) {
    size_t e = i;
    while (e < n && s[e] != '\n') e++;
    bool blank = true;
    for (size_t k = i; k < e; k++)
      if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r') blank = false;
    if (blank) {
      if (in_doc) docs_push(out, s + start, i - start, lang);
      in_doc = false;
    } else if (!in_doc) {
      in_doc = true;
      start = i;
    }
    i = e < n ? e + 1 : n;
  }
  if (in_doc) docs_push(out, s + start, n - start, lang);
}

/* ---- workers: the tagger and the baseline pass on N threads ---------------- */

typedef enum { WORK_TAG, WORK_BASELINE } work_kind;

typedef struct {
  const cyberner_model *m;
  const docs *ds;
  work_kind kind;
  atomic_size_t next;
  atomic_size_t entities;
  atomic_int failures;
} job;

#define CHUNK 16

/* UTF-8 validation, then UTF-8 → UTF-16, NFC, full case folding (ICU). */
typedef struct {
  UChar *a, *b;
  int32_t cap;
} base_scratch;

static size_t baseline_doc(base_scratch *sc, const doc *d) {
  if (d->n >= INT32_MAX / 4) return 0;
  if (cyb__utf8_check(d->p, d->n) != d->n) return 0; /* invalid: the baseline stops, as strict mode would */
  int32_t need = (int32_t)d->n * 3 + 16;              /* NFC and folding may grow the text */
  if (need > sc->cap) {
    free(sc->a);
    free(sc->b);
    sc->a = xmalloc((size_t)need * sizeof(UChar));
    sc->b = xmalloc((size_t)need * sizeof(UChar));
    sc->cap = need;
  }
  UErrorCode ec = U_ZERO_ERROR;
  int32_t n16 = 0;
  u_strFromUTF8(sc->a, sc->cap, &n16, d->p, (int32_t)d->n, &ec);
  if (U_FAILURE(ec)) return 0;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&ec);
  int32_t nn = unorm2_normalize(nfc, sc->a, n16, sc->b, sc->cap, &ec);
  if (U_FAILURE(ec)) return 0;
  int32_t nf = u_strFoldCase(sc->a, sc->cap, sc->b, nn, U_FOLD_CASE_DEFAULT, &ec);
  if (U_FAILURE(ec)) return 0;
  return (size_t)nf; /* something the compiler cannot drop */
}

static void *worker(void *arg) {
  job *j = arg;
  base_scratch sc = {0};
  size_t ents = 0;
  int fails = 0;
  cyberner_tagger *t = j->kind == WORK_TAG ? cyberner_tagger_new(j->m, NULL) : NULL; /* one per thread */
  if (j->kind == WORK_TAG && !t) die("out of memory");
  for (;;) {
    size_t i = atomic_fetch_add(&j->next, CHUNK);
    if (i >= j->ds->n) break;
    size_t e = i + CHUNK < j->ds->n ? i + CHUNK : j->ds->n;
    for (; i < e; i++) {
      const doc *d = &j->ds->d[i];
      if (j->kind == WORK_TAG) {
        cyberner_error *err = NULL;
        cyberner_result *r = cyberner_tagger_tag(t, d->p, d->n, NULL, &err);
        if (!r) {
          fails++;
          cyberner_error_free(err);
          continue;
        }
        ents += cyberner_result_count(r);
        cyberner_result_free(r);
      } else {
        ents += baseline_doc(&sc, d) ? 1 : 0;
      }
    }
  }
  free(sc.a);
  free(sc.b);
  cyberner_tagger_free(t);
  atomic_fetch_add(&j->entities, ents);
  atomic_fetch_add(&j->failures, fails);
  return NULL;
}

typedef struct {
  double secs, mbps;
  size_t entities;
  int failures;
} run_out;

static int repeat = 1; /* --repeat: best of N runs */

static run_out run_docs_once(const cyberner_model *m, const docs *ds, work_kind kind, int nthreads) {
  job j = {.m = m, .ds = ds, .kind = kind};
  atomic_init(&j.next, 0);
  atomic_init(&j.entities, 0);
  atomic_init(&j.failures, 0);
  double t0 = now_s();
  if (nthreads <= 1) {
    worker(&j);
  } else {
    pthread_t *th = xmalloc((size_t)nthreads * sizeof *th);
    for (int i = 0; i < nthreads; i++)
      if (pthread_create(&th[i], NULL, worker, &j)) die("pthread_create failed");
    for (int i = 0; i < nthreads; i++) pthread_join(th[i], NULL);
    free(th);
  }
  run_out o;
  o.secs = now_s() - t0;
  o.mbps = (double)ds->bytes / MB / (o.secs > 0 ? o.secs : 1e-9);
  o.entities = atomic_load(&j.entities);
  o.failures = atomic_load(&j.failures);
  return o;
}

static run_out run_docs(const cyberner_model *m, const docs *ds, work_kind kind, int nthreads) {
  run_out best = run_docs_once(m, ds, kind, nthreads);
  for (int i = 1; i < repeat; i++) {
    run_out o = run_docs_once(m, ds, kind, nthreads);
    if (o.secs < best.secs) best = o;
  }
  return best;
}

/* ---- pathological inputs ---------------------------------------------------- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (uint32_t)(rng_state >> 16);
}

enum { P_NOSPACE, P_CAPS, P_CAPS_TEXT, P_DIGITS, P_PARENS, P_COUNT };
static const char *const patho_name[P_COUNT] = {
    "no spaces (news, white space removed)", "only capitals (random A-Z words)",
    "only capitals (news upper-cased)", "only digits and dots", "one line of '('"};
static const char *const patho_key[P_COUNT] = {"no_spaces", "caps_random", "caps_news", "digits_dots", "parens"};

static char *make_patho(int kind, const char *text, size_t tlen, size_t n) {
  char *b = xmalloc(n);
  size_t i = 0, k = 0;
  switch (kind) {
  case P_NOSPACE:
    while (i < n) {
      char c = text[k++ % tlen];
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') b[i++] = c;
    }
    /* do not leave a cut UTF-8 sequence at the end */
    while (i > 0 && ((unsigned char)b[i - 1] & 0x80)) b[--i] = 'x';
    break;
  case P_CAPS:
    while (i < n) {
      size_t w = 1 + rnd() % 10;
      for (size_t q = 0; q < w && i < n; q++) b[i++] = (char)('A' + rnd() % 26);
      if (i < n) b[i++] = ' ';
    }
    break;
  case P_CAPS_TEXT: /* ASCII letters upper-cased, other ASCII letters kept; non-ASCII bytes become 'E' */
    while (i < n) {
      unsigned char c = (unsigned char)text[k++ % tlen];
      if (c >= 'a' && c <= 'z') c = (unsigned char)(c - 32);
      else if (c >= 0x80) c = 'E';
      b[i++] = (char)c;
    }
    break;
  case P_DIGITS:
    while (i < n) {
      b[i++] = (rnd() % 4 == 0) ? '.' : (char)('0' + rnd() % 10);
    }
    break;
  case P_PARENS:
    memset(b, '(', n);
    break;
  }
  return b;
}

/* ---- the matcher benchmark (issue 3) -------------------------------------- */

static bool copy_file(const char *from, const char *to, int every) {
  FILE *in = fopen(from, "rb");
  if (!in) return false;
  FILE *out = fopen(to, "wb");
  if (!out) {
    fclose(in);
    return false;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t k;
  long data = 0;
  while ((k = getline(&line, &cap, in)) > 0) {
    bool comment = line[0] == '#' || line[0] == '\n' || (line[0] == '\r' && line[1] == '\n');
    if (every > 1 && !comment && (data++ % every) != 0) continue;
    /* a sample may drop the body a kept line says it is part of: the
     * line keeps its name and loses the within= attribute */
    char *w = every > 1 && !comment ? strstr(line, "within=") : NULL;
    if (w && (w == line || w[-1] == '\t' || w[-1] == ';')) {
      char *e = w + strcspn(w, ";\t\r\n");
      if (*e == ';') e++;
      else if (w > line && w[-1] == ';') w--; /* the last attribute: its separator goes */
      memmove(w, e, strlen(e) + 1);
      k = (ssize_t)strlen(line);
    }
    fwrite(line, 1, (size_t)k, out);
  }
  free(line);
  fclose(in);
  return fclose(out) == 0;
}

static bool ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && strcmp(s + a - b, suf) == 0;
}

#include <dirent.h>
/* Copy src (a dictionary folder) into dst: top-level *.tsv keep every
 * `every`-th data line (comments and blank lines kept), the rest whole. */
static bool copy_dict(const char *src, const char *dst, int every, int depth) {
  if (mkdir(dst, 0700) && errno != EEXIST) return false;
  DIR *d = opendir(src);
  if (!d) return false;
  struct dirent *de;
  bool ok = true;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char a[4096], b[4096];
    snprintf(a, sizeof a, "%s/%s", src, de->d_name);
    snprintf(b, sizeof b, "%s/%s", dst, de->d_name);
    struct stat st;
    if (stat(a, &st)) continue;
    if (S_ISDIR(st.st_mode)) {
      if (depth == 0) ok &= copy_dict(a, b, 1, 1);
    } else if (S_ISREG(st.st_mode)) {
      ok &= copy_file(a, b, depth == 0 && ends_with(de->d_name, ".tsv") ? every : 1);
    }
  }
  closedir(d);
  return ok;
}

static void rm_tree(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
    struct stat st;
    if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) rm_tree(p);
    else unlink(p);
  }
  closedir(d);
  rmdir(dir);
}

typedef struct {
  double all_mbps;   /* normalize + tokenize + lookup + match */
  double match_mbps; /* lookup + match only */
  size_t cands;
  size_t entries;
  double compile_ms;
} match_out;

static match_out matcher_run(const cyberner_model *m, const docs *ds, int rounds) {
  match_out o = {0};
  cyb__norm nm = {0};
  cyb__tokens tt = {0};
  cyb__cands cs = {0};
  double t_all = 0, t_match = 0;
  for (int r = 0; r < rounds; r++) {
    for (size_t i = 0; i < ds->n; i++) {
      const doc *d = &ds->d[i];
      double t0 = now_s();
      if (cyb__normalize(m->fold, d->p, d->n, &nm) || cyb__tokenize(&nm, &tt)) die("out of memory");
      double t1 = now_s();
      cyb__gazetteer_lookup(m->gaz, &nm, &tt, NULL);
      for (size_t s = 0; s < tt.nsent; s++) {
        tt.sent[s].lang = d->lang;
        cs.n = 0;
        cs.nalts = 0;
        cs.strings.len = 0;
        if (cyb__gazetteer_match(m->gaz, &nm, &tt, &tt.sent[s], &cs)) die("out of memory");
        o.cands += cs.n;
      }
      double t2 = now_s();
      t_all += t2 - t0;
      t_match += t2 - t1;
    }
  }
  cyb__norm_free(&nm);
  cyb__tokens_free(&tt);
  cyb__cands_free(&cs);
  double bytes = (double)ds->bytes * rounds / MB;
  o.all_mbps = bytes / t_all;
  o.match_mbps = bytes / t_match;
  o.cands /= (size_t)rounds;
  for (int l = 0; l < CYB_NLABELS; l++) o.entries += cyberner_model_entry_count(m, l);
  o.compile_ms = cyberner_model_compile_ms(m);
  return o;
}

/* ---- output ---------------------------------------------------------------- */

typedef struct {
  const char *key, *label;
  double value;
  const char *unit;
  int target; /* 0 none, 1 "value >= target", -1 "value <= target" */
  double goal;
  const char *note;
} row;

static row rows[96];
static size_t nrows;

static void add(const char *key, const char *label, double v, const char *unit, int target, double goal,
                const char *note) {
  if (nrows < sizeof rows / sizeof rows[0]) rows[nrows++] = (row){key, label, v, unit, target, goal, note};
}

static const char *verdict(const row *r) {
  if (!r->target) return "";
  bool ok = r->target > 0 ? r->value >= r->goal : r->value <= r->goal;
  return ok ? "ok" : "MISSED";
}

static void print_table(void) {
  printf("%-58s %12s %-6s %-14s %s\n", "measure", "value", "unit", "target", "");
  for (int i = 0; i < 100; i++) putchar('-');
  putchar('\n');
  for (size_t i = 0; i < nrows; i++) {
    const row *r = &rows[i];
    if (!r->label) { /* section header */
      printf("%s\n", r->key);
      continue;
    }
    char tgt[32] = "";
    if (r->target) snprintf(tgt, sizeof tgt, "%s %g", r->target > 0 ? ">=" : "<=", r->goal);
    printf("  %-56s %12.2f %-6s %-14s %-6s %s\n", r->label, r->value, r->unit, tgt, verdict(r), r->note ? r->note : "");
  }
}

static void json_str(const char *s) {
  putchar('"');
  for (; s && *s; s++) {
    if (*s == '"' || *s == '\\') printf("\\%c", *s);
    else if ((unsigned char)*s < 0x20) printf("\\u%04x", *s);
    else putchar(*s);
  }
  putchar('"');
}

static void print_json(int nthreads) {
  printf("{\"version\": ");
  json_str(cyberner_version());
  printf(", \"threads\": %d, \"results\": {", nthreads);
  bool first = true;
  for (size_t i = 0; i < nrows; i++) {
    const row *r = &rows[i];
    if (!r->label) continue;
    printf("%s\n  ", first ? "" : ",");
    first = false;
    json_str(r->key);
    printf(": {\"value\": %.6g, \"unit\": ", r->value);
    json_str(r->unit);
    if (r->target) {
      printf(", \"target\": \"%s\", \"goal\": %g, \"met\": %s", r->target > 0 ? ">=" : "<=", r->goal,
             verdict(r)[0] == 'o' ? "true" : "false");
    }
    if (r->note) {
      printf(", \"note\": ");
      json_str(r->note);
    }
    printf(", \"label\": ");
    json_str(r->label);
    putchar('}');
  }
  printf("\n}}\n");
}

static void section(const char *title) { add(strdup(title), NULL, 0, NULL, 0, 0, NULL); }

static void progress(bool json, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("bench: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  (void)json;
}

/* ---- main ------------------------------------------------------------------ */

static void usage(void) {
  fputs("usage: bench [--json] [--threads N] [--size MB] [--patho MB] [--dict-src DIR]\n"
        "             [--repeat N] [--skip-matcher] [--skip-patho] EN.txt FR.txt\n",
        stderr);
  exit(2);
}

int main(int argc, char **argv) {
  bool json = false, skip_matcher = false, skip_patho = false;
  int nthreads = (int)sysconf(_SC_NPROCESSORS_ONLN);
  double big_mb = 100, patho_mb = 10;
  const char *dict_src = CYB_SOURCE_DICT;
  const char *files[2] = {NULL, NULL};
  int nf = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--json")) json = true;
    else if (!strcmp(a, "--threads") && i + 1 < argc) nthreads = atoi(argv[++i]);
    else if (!strcmp(a, "--size") && i + 1 < argc) big_mb = atof(argv[++i]);
    else if (!strcmp(a, "--patho") && i + 1 < argc) patho_mb = atof(argv[++i]);
    else if (!strcmp(a, "--dict-src") && i + 1 < argc) dict_src = argv[++i];
    else if (!strcmp(a, "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
    else if (!strcmp(a, "--skip-matcher")) skip_matcher = true;
    else if (!strcmp(a, "--skip-patho")) skip_patho = true;
    else if (a[0] == '-') usage();
    else if (nf < 2) files[nf++] = a;
    else usage();
  }
  if (nf != 2) usage();
  if (nthreads < 1) nthreads = 1;

  /* 1. compile the default model: time and memory */
  size_t rss0, peak0, rss1, peak1;
  rss(&rss0, &peak0);
  bool can_reset = reset_peak();
  cyberner_error *err = NULL;
  double t0 = now_s();
  cyberner_model *m = cyberner_model_new(NULL, NULL, &err);
  double wall_ms = (now_s() - t0) * 1000;
  if (!m) die("cannot compile the default model: %s", cyberner_error_message(err));
  rss(&rss1, &peak1);
  section("model (built-in dictionaries)");
  add("compile_ms", "compile time (cyberner_model_compile_ms)", cyberner_model_compile_ms(m), "ms", -1, 200, NULL);
  add("compile_wall_ms", "compile time (wall clock around cyberner_model_new)", wall_ms, "ms", 0, 0, NULL);
  add("rss_after_compile_mb", "peak RSS after compilation (whole process)", (double)peak1 / MB, "MB", -1, 64, NULL);
  add("model_rss_mb", "RSS the model added (after - before compilation)", (double)(rss1 - rss0) / MB, "MB", -1, 64,
      NULL);

  /* 2. the documents */
  size_t len_en, len_fr;
  char *en = read_file(files[0], &len_en), *fr = read_file(files[1], &len_fr);
  docs news = {0};
  split_docs(en, len_en, CYBERNER_LANG_EN, &news);
  size_t n_en = news.n;
  split_docs(fr, len_fr, CYBERNER_LANG_FR, &news);
  if (news.n == 0) die("no document in %s and %s", files[0], files[1]);
  progress(json, "%zu documents (%zu en, %zu fr), %.1f MB", news.n, n_en, news.n - n_en, news.bytes / MB);

  /* the big buffer: documents of both files in turn, "\n\n" between them */
  size_t big_target = (size_t)(big_mb * MB);
  char *big = xmalloc(big_target + 2);
  docs bigd = {0};
  {
    size_t off = 0;
    for (size_t turn = 0; off < big_target; turn++) {
      size_t k = turn % news.n;
      const doc *d = &news.d[k];
      size_t n = d->n;
      if (off + n > big_target) break;
      memcpy(big + off, d->p, n);
      docs_push(&bigd, big + off, n, d->lang);
      off += n;
      memcpy(big + off, "\n\n", 2);
      off += 2;
    }
  }

  /* Warm-up, untimed: each concurrent call or tagger has a speller of its
   * own, whose hunspell dictionaries load on its first question (~0.1 s)
   * and whose verdict memo fills with the words of the text (a word's first
   * hunspell check costs ~50,000 instructions, a later one a table probe);
   * the model keeps the spellers for the next taggers. One pass over the
   * news on one thread, then one on all threads, pays that, so that the
   * throughputs below are the steady ones of long-running taggers. */
  {
    double ts = now_s();
    for (size_t k = 0; k < news.n; k++) cyberner_result_free(cyberner_tag(m, news.d[k].p, news.d[k].n, NULL, NULL));
    if (nthreads > 1) (void)run_docs_once(m, &news, WORK_TAG, nthreads);
    add("first_use_ms", "warm-up: the news on 1 and on all threads (spellers loaded, memos filled)",
        (now_s() - ts) * 1000, "ms", 0, 0, NULL);
  }

  /* 3. the tagger and the baseline on one thread and on all cores */
  size_t rss2, peak2;
  rss(&rss2, &peak2);
  if (can_reset) reset_peak();
  struct {
    const char *key, *name;
    const docs *ds;
  } sets[2] = {{"news", "raw news (en + fr)", &news}, {"big", "assembled buffer", &bigd}};
  double tag1_news = 0;
  for (int s = 0; s < 2; s++) {
    const docs *ds = sets[s].ds;
    char title[160];
    snprintf(title, sizeof title, "%s: %zu documents, %.1f MB", sets[s].name, ds->n, ds->bytes / MB);
    section(title);
    progress(json, "%s", title);
    run_out b1 = run_docs(m, ds, WORK_BASELINE, 1);
    run_out t1 = run_docs(m, ds, WORK_TAG, 1);
    run_out bn = run_docs(m, ds, WORK_BASELINE, nthreads);
    run_out tn = run_docs(m, ds, WORK_TAG, nthreads);
    if (t1.failures || tn.failures) fprintf(stderr, "bench: %d tagging failures\n", t1.failures + tn.failures);
    if (s == 0) tag1_news = t1.mbps;
    char k[64], l[120], note[80];
#define KEY(suffix) (snprintf(k, sizeof k, "%s_%s", sets[s].key, suffix), strdup(k))
#define LBL(...) (snprintf(l, sizeof l, __VA_ARGS__), strdup(l))
    snprintf(note, sizeof note, "%zu entities", t1.entities);
    add(KEY("tag_1t_mbps"), LBL("tagger, 1 thread"), t1.mbps, "MB/s", 1, 50, strdup(note));
    add(KEY("tag_nt_mbps"), LBL("tagger, %d threads (one shared model)", nthreads), tn.mbps, "MB/s", 0, 0, NULL);
    add(KEY("scaling"), LBL("scaling: %d threads / 1 thread", nthreads), tn.mbps / t1.mbps, "x", 1,
        0.8 * nthreads, "target: near-linear (>= 0.8 x threads)");
    add(KEY("base_1t_mbps"), LBL("baseline (UTF-8 check, NFC, case fold), 1 thread"), b1.mbps, "MB/s", 0, 0, NULL);
    add(KEY("base_nt_mbps"), LBL("baseline, %d threads", nthreads), bn.mbps, "MB/s", 0, 0, NULL);
    add(KEY("ratio_base_tag"), LBL("baseline / tagger, 1 thread"), b1.mbps / t1.mbps, "x", -1, 4, NULL);
  }
  size_t rss3, peak3;
  rss(&rss3, &peak3);
  section("memory after tagging");
  add("rss_after_tag_mb", "peak RSS after tagging (whole process, with input)", (double)peak3 / MB, "MB", 0, 0,
      NULL);
  add("input_mb", "input held in memory (files + assembled buffer)", (double)(len_en + len_fr + big_target) / MB,
      "MB", 0, 0, NULL);
  if (can_reset)
    add("tag_peak_extra_mb", "peak RSS while tagging minus RSS before tagging", (double)(peak3 - rss2) / MB, "MB", -1,
        64, NULL);

  /* 4. pathological inputs: one call each */
  if (!skip_patho) {
    char title[96];
    snprintf(title, sizeof title, "pathological input: %.0f MB each, one cyberner_tag call (vs %.2f MB/s normal)",
             patho_mb, tag1_news);
    section(title);
    size_t pn = (size_t)(patho_mb * MB);
    for (int p = 0; p < P_COUNT; p++) {
      /* a probe of 1/10 first: a superlinear stage would otherwise run for hours */
      size_t probe_n = pn / 10 ? pn / 10 : pn;
      char *probe = make_patho(p, en, len_en, probe_n);
      double ts = now_s();
      cyberner_result *r = cyberner_tag(m, probe, probe_n, NULL, NULL);
      double probe_s = now_s() - ts;
      cyberner_result_free(r);
      free(probe);
      double mbps;
      char *note = NULL;
      size_t ents = 0;
      if (probe_s * 10 * 10 > 300) { /* 10x the size, allow a 10x worse slope: > 5 min */
        mbps = (double)probe_n / MB / probe_s;
        char buf[120];
        snprintf(buf, sizeof buf, "measured on %.1f MB only (%.1f s)", probe_n / MB, probe_s);
        note = strdup(buf);
      } else {
        char *b = make_patho(p, en, len_en, pn);
        progress(json, "pathological: %s", patho_name[p]);
        ts = now_s();
        r = cyberner_tag(m, b, pn, NULL, NULL);
        double secs = now_s() - ts;
        if (!r) fprintf(stderr, "bench: pathological %s: tagging failed\n", patho_key[p]);
        ents = r ? cyberner_result_count(r) : 0;
        cyberner_result_free(r);
        free(b);
        mbps = (double)pn / MB / secs;
        char buf[120];
        snprintf(buf, sizeof buf, "%.2f s, %zu entities", secs, ents);
        note = strdup(buf);
      }
      char k[64];
      snprintf(k, sizeof k, "patho_%s_mbps", patho_key[p]);
      add(strdup(k), patho_name[p], mbps, "MB/s", 1, tag1_news / 3, note);
    }
  }

  /* 5. the matcher benchmark: full dictionary set vs a tenth of it */
  if (!skip_matcher) {
    char tmpl[] = "/tmp/cyb-bench-dict-XXXXXX";
    char *root = mkdtemp(tmpl);
    if (!root) die("mkdtemp: %s", strerror(errno));
    char full[4200], tenth[4200];
    snprintf(full, sizeof full, "%s/full", root);
    snprintf(tenth, sizeof tenth, "%s/tenth", root);
    if (!copy_dict(dict_src, full, 1, 0) || !copy_dict(dict_src, tenth, 10, 0))
      die("cannot copy the dictionaries of %s into %s", dict_src, root);
    section("matcher (issue 3): gazetteer only, raw news, full dictionaries vs every 10th line");
    cyberner_error *e1 = NULL, *e2 = NULL;
    cyberner_model *mf = cyberner_model_new(full, NULL, &e1);
    cyberner_model *mt = cyberner_model_new(tenth, NULL, &e2);
    if (!mf || !mt) {
      fprintf(stderr, "bench: matcher models: %s / %s\n", mf ? "ok" : cyberner_error_message(e1),
              mt ? "ok" : cyberner_error_message(e2));
    } else {
      matcher_run(mf, &news, 1); /* warm up */
      match_out of = matcher_run(mf, &news, 2), ot = matcher_run(mt, &news, 2);
      for (int i = 1; i < repeat; i++) { /* best of N, each set */
        match_out a = matcher_run(mf, &news, 2), b = matcher_run(mt, &news, 2);
        if (a.match_mbps > of.match_mbps) of.match_mbps = a.match_mbps;
        if (a.all_mbps > of.all_mbps) of.all_mbps = a.all_mbps;
        if (b.match_mbps > ot.match_mbps) ot.match_mbps = b.match_mbps;
        if (b.all_mbps > ot.all_mbps) ot.all_mbps = b.all_mbps;
      }
      char nf_[64], nt_[64];
      snprintf(nf_, sizeof nf_, "%zu entries, %zu candidates", of.entries, of.cands);
      snprintf(nt_, sizeof nt_, "%zu entries, %zu candidates", ot.entries, ot.cands);
      add("match_full_compile_ms", "compile time, full set (from the folder)", of.compile_ms, "ms", -1, 200, NULL);
      add("match_tenth_compile_ms", "compile time, a tenth", ot.compile_ms, "ms", 0, 0, NULL);
      add("match_full_mbps", "lookup + match, full set", of.match_mbps, "MB/s", 0, 0, strdup(nf_));
      add("match_tenth_mbps", "lookup + match, a tenth", ot.match_mbps, "MB/s", 0, 0, strdup(nt_));
      double lo = of.match_mbps < ot.match_mbps ? of.match_mbps : ot.match_mbps;
      double hi = of.match_mbps < ot.match_mbps ? ot.match_mbps : of.match_mbps;
      add("match_ratio", "lookup + match: faster / slower", hi / lo, "x", -1, 1.2, "issue 3: within 20%");
      add("match_pipe_full_mbps", "normalize + tokenize + lookup + match, full set", of.all_mbps, "MB/s", 0, 0, NULL);
      add("match_pipe_tenth_mbps", "normalize + tokenize + lookup + match, a tenth", ot.all_mbps, "MB/s", 0, 0,
          NULL);
      lo = of.all_mbps < ot.all_mbps ? of.all_mbps : ot.all_mbps;
      hi = of.all_mbps < ot.all_mbps ? ot.all_mbps : of.all_mbps;
      add("match_pipe_ratio", "normalize..match: faster / slower", hi / lo, "x", -1, 1.2, NULL);
    }
    cyberner_error_free(e1);
    cyberner_error_free(e2);
    cyberner_model_free(mf);
    cyberner_model_free(mt);
    rm_tree(root);
  }

  if (json) print_json(nthreads);
  else {
    printf("libcyberner %s bench, %d threads (%ld cores online)\n\n", cyberner_version(), nthreads,
           sysconf(_SC_NPROCESSORS_ONLN));
    print_table();
  }
  cyberner_model_free(m);
  free(en);
  free(fr);
  free(big);
  free(news.d);
  free(bigd.d);
  return 0;
}
