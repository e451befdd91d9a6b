/* cyberner: the command-line tool over libcyberner.
 *
 *   cyberner tag [options] [FILE|DIR...]   entities, one output line per document
 *   cyberner lang [options] [FILE...]      language of each document
 *   cyberner dict check|stats [DIR]        validate / count a dictionary folder
 *
 * Exit status: 0 success, 1 some input could not be read or tagged (the
 * others are still written), 2 bad usage. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cyberner.h"

/* ---- small helpers ----------------------------------------------------- */

typedef struct {
  char *p;
  size_t n, cap;
} sbuf;

static void sb_grow(sbuf *b, size_t extra) {
  if (b->n + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->n + extra + 1) cap *= 2;
  char *p = realloc(b->p, cap);
  if (!p) {
    fputs("cyberner: out of memory\n", stderr);
    exit(1);
  }
  b->p = p;
  b->cap = cap;
}
static void sb_add(sbuf *b, const char *s, size_t n) {
  sb_grow(b, n);
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}
static void sb_str(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }
static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  sb_grow(b, (size_t)k);
  va_start(ap, fmt);
  vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
  va_end(ap);
  b->n += (size_t)k;
}

/* Length of a valid UTF-8 sequence at s[0..n), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t len;
  unsigned min;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000;
  else return 0;
  if (len > n) return 0;
  unsigned v = c & (0xFF >> (len + 1));
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  return len;
}

/* A JSON string; invalid UTF-8 bytes become U+FFFD (offsets stay on the input). */
static void sb_json(sbuf *b, const char *s, size_t n) {
  sb_add(b, "\"", 1);
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    unsigned c = u[i];
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      sb_add(b, e, 2);
      i++;
    } else if (c < 0x20 || c == 0x7F) {
      if (c == '\n') sb_add(b, "\\n", 2);
      else if (c == '\t') sb_add(b, "\\t", 2);
      else if (c == '\r') sb_add(b, "\\r", 2);
      else sb_printf(b, "\\u%04x", c);
      i++;
    } else if (c < 0x80) {
      size_t j = i;
      while (j < n && u[j] >= 0x20 && u[j] < 0x7F && u[j] != '"' && u[j] != '\\') j++;
      sb_add(b, s + i, j - i);
      i = j;
    } else {
      size_t k = utf8_len(u + i, n - i);
      if (k) sb_add(b, s + i, k), i += k;
      else sb_str(b, "\xEF\xBF\xBD"), i++;
    }
  }
  sb_add(b, "\"", 1);
}

/* ---- a minimal JSON reader for {"id": ..., "text": "..."} lines --------- */

typedef struct {
  const char *s;
  size_t n, i;
} jrd;

static void jws(jrd *r) {
  while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\r' || r->s[r->i] == '\n')) r->i++;
}

static int hexv(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static void put_utf8(sbuf *out, unsigned cp) {
  char t[4];
  size_t k;
  if (cp < 0x80) t[0] = (char)cp, k = 1;
  else if (cp < 0x800) t[0] = (char)(0xC0 | (cp >> 6)), t[1] = (char)(0x80 | (cp & 0x3F)), k = 2;
  else if (cp < 0x10000)
    t[0] = (char)(0xE0 | (cp >> 12)), t[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), t[2] = (char)(0x80 | (cp & 0x3F)), k = 3;
  else
    t[0] = (char)(0xF0 | (cp >> 18)), t[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
    t[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), t[3] = (char)(0x80 | (cp & 0x3F)), k = 4;
  sb_add(out, t, k);
}

static int j4(jrd *r, unsigned *v) {
  if (r->i + 4 > r->n) return -1;
  *v = 0;
  for (int k = 0; k < 4; k++) {
    int h = hexv(r->s[r->i + (size_t)k]);
    if (h < 0) return -1;
    *v = *v * 16 + (unsigned)h;
  }
  r->i += 4;
  return 0;
}

/* Read a JSON string into out (when out != NULL). */
static int jstring(jrd *r, sbuf *out) {
  if (r->i >= r->n || r->s[r->i] != '"') return -1;
  r->i++;
  while (r->i < r->n) {
    char c = r->s[r->i++];
    if (c == '"') return 0;
    if (c != '\\') {
      if (out) sb_add(out, &c, 1);
      continue;
    }
    if (r->i >= r->n) return -1;
    char e = r->s[r->i++];
    const char *map = "\"\\/bfnrt", *rep = "\"\\/\b\f\n\r\t";
    const char *p = strchr(map, e);
    if (p && e) {
      if (out) sb_add(out, rep + (p - map), 1);
    } else if (e == 'u') {
      unsigned v;
      if (j4(r, &v)) return -1;
      if (v >= 0xD800 && v <= 0xDBFF && r->i + 6 <= r->n && r->s[r->i] == '\\' && r->s[r->i + 1] == 'u') {
        unsigned lo;
        r->i += 2;
        if (j4(r, &lo)) return -1;
        if (lo >= 0xDC00 && lo <= 0xDFFF) v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        else v = 0xFFFD;
      } else if (v >= 0xD800 && v <= 0xDFFF) {
        v = 0xFFFD;
      }
      if (out) put_utf8(out, v);
    } else {
      return -1;
    }
  }
  return -1;
}

static int jvalue(jrd *r, int depth);

static int jskip_container(jrd *r, char open, char close, int depth) {
  if (depth > 64) return -1;
  r->i++;
  jws(r);
  if (r->i < r->n && r->s[r->i] == close) return r->i++, 0;
  for (;;) {
    jws(r);
    if (open == '{') {
      if (jstring(r, NULL)) return -1;
      jws(r);
      if (r->i >= r->n || r->s[r->i++] != ':') return -1;
    }
    if (jvalue(r, depth + 1)) return -1;
    jws(r);
    if (r->i >= r->n) return -1;
    char c = r->s[r->i++];
    if (c == close) return 0;
    if (c != ',') return -1;
  }
}

static int jvalue(jrd *r, int depth) {
  jws(r);
  if (r->i >= r->n) return -1;
  char c = r->s[r->i];
  if (c == '"') return jstring(r, NULL);
  if (c == '{') return jskip_container(r, '{', '}', depth);
  if (c == '[') return jskip_container(r, '[', ']', depth);
  size_t b = r->i;
  while (r->i < r->n && strchr("+-0123456789.eEtruefalsn", r->s[r->i])) r->i++;
  return r->i > b ? 0 : -1;
}

/* Parse one JSONL document: id (string or number, kept as raw JSON) and text. */
static int parse_doc(const char *line, size_t n, sbuf *id_json, sbuf *text) {
  jrd r = {line, n, 0};
  jws(&r);
  if (r.i >= n || line[r.i] != '{') return -1;
  r.i++;
  bool have_text = false;
  for (;;) {
    jws(&r);
    if (r.i < n && line[r.i] == '}') break;
    sbuf key = {0};
    if (jstring(&r, &key)) return free(key.p), -1;
    jws(&r);
    if (r.i >= n || line[r.i++] != ':') return free(key.p), -1;
    jws(&r);
    if (key.p && strcmp(key.p, "text") == 0) {
      text->n = 0;
      sb_add(text, "", 0);
      if (jstring(&r, text)) return free(key.p), -1;
      have_text = true;
    } else if (key.p && strcmp(key.p, "id") == 0) {
      size_t b = r.i;
      if (jvalue(&r, 0)) return free(key.p), -1;
      id_json->n = 0;
      sb_add(id_json, line + b, r.i - b);
    } else if (jvalue(&r, 0)) {
      return free(key.p), -1;
    }
    free(key.p);
    jws(&r);
    if (r.i < n && line[r.i] == ',') {
      r.i++;
      continue;
    }
    if (r.i < n && line[r.i] == '}') break;
    return -1;
  }
  return have_text ? 0 : -2;
}

/* ---- documents ----------------------------------------------------------- */

typedef struct {
  char *id_json; /* JSON value of the id */
  char *text;
  size_t len;
  char *where;   /* "FILE" or "FILE:LINE" for messages */
  char *error;   /* a reading error: the document is reported and skipped */
  char *out;     /* formatted output */
  int failed;
} doc;

typedef struct {
  doc *d;
  size_t n, cap;
} doclist;

static doc *doc_add(doclist *l) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    doc *p = realloc(l->d, l->cap * sizeof *p);
    if (!p) {
      fputs("cyberner: out of memory\n", stderr);
      exit(1);
    }
    l->d = p;
  }
  doc *d = &l->d[l->n++];
  memset(d, 0, sizeof *d);
  return d;
}

static char *xstrdup(const char *s) {
  char *p = strdup(s);
  if (!p) {
    fputs("cyberner: out of memory\n", stderr);
    exit(1);
  }
  return p;
}

static char *json_id(const char *s) {
  sbuf b = {0};
  sb_json(&b, s, strlen(s));
  return b.p;
}

static int read_all(FILE *fp, char **data, size_t *len) {
  sbuf b = {0};
  char chunk[1 << 16];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0) sb_add(&b, chunk, k);
  if (ferror(fp)) {
    free(b.p);
    return -1;
  }
  sb_grow(&b, 0);
  *data = b.p;
  *len = b.n;
  return 0;
}

static void add_text_file(doclist *l, const char *path) {
  doc *d = doc_add(l);
  d->where = xstrdup(path);
  d->id_json = json_id(path);
  FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!fp || read_all(fp, &d->text, &d->len)) {
    char msg[512];
    snprintf(msg, sizeof msg, "cannot read: %s", strerror(errno));
    d->error = xstrdup(msg);
  }
  if (fp && fp != stdin) fclose(fp);
}

static void add_jsonl_file(doclist *l, const char *path) {
  FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  char *data = NULL;
  size_t len = 0;
  if (!fp || read_all(fp, &data, &len)) {
    doc *d = doc_add(l);
    d->where = xstrdup(path);
    d->id_json = json_id(path);
    char msg[512];
    snprintf(msg, sizeof msg, "cannot read: %s", strerror(errno));
    d->error = xstrdup(msg);
    if (fp && fp != stdin) fclose(fp);
    return;
  }
  if (fp != stdin) fclose(fp);
  size_t lineno = 0;
  for (size_t b = 0; b < len;) {
    size_t e = b;
    while (e < len && data[e] != '\n') e++;
    lineno++;
    size_t k = b;
    while (k < e && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r')) k++;
    if (k < e) {
      doc *d = doc_add(l);
      char where[4200];
      snprintf(where, sizeof where, "%s:%zu", path, lineno);
      d->where = xstrdup(where);
      sbuf id = {0}, text = {0};
      int rc = parse_doc(data + b, e - b, &id, &text);
      if (rc) {
        d->error = xstrdup(rc == -2 ? "no \"text\" string in this JSON object" : "not a valid JSON object");
        free(text.p);
      } else {
        d->text = text.p ? text.p : xstrdup("");
        d->len = text.n;
      }
      if (!id.p) {
        char num[32];
        snprintf(num, sizeof num, "%zu", lineno);
        id.p = json_id(num);
      }
      d->id_json = id.p;
    }
    b = e + 1;
  }
  free(data);
}

static bool has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* A folder: its *.txt files, recursively, in name order. */
static void add_dir(doclist *l, const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    doc *x = doc_add(l);
    x->where = xstrdup(dir);
    x->id_json = json_id(dir);
    x->error = xstrdup(strerror(errno));
    return;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      names = realloc(names, cap * sizeof *names);
      if (!names) exit(1);
    }
    names[n++] = xstrdup(de->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_names);
  for (size_t i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) add_dir(l, path);
    else if (has_suffix(names[i], ".txt")) add_text_file(l, path);
    free(names[i]);
  }
  free(names);
}

/* ---- options ------------------------------------------------------------- */

enum { FMT_JSONL, FMT_JSON, FMT_TEXT };

typedef struct {
  const char *dict, *extra;
  int jsonl_in, format, jobs, quiet;
  cyberner_options *opts;
  const cyberner_model *model;
  doclist *docs;
  atomic_size_t next;
  int lang_only;
} job;

static void usage_tag(FILE *f) {
  fputs("usage: cyberner tag [options] [FILE|DIR|-]...\n"
        "Tag each document (a file, each *.txt of a folder, or standard input) and write\n"
        "one line per document in the JSONL shape of ENTITIES.md.\n\n"
        "  --input-format text|jsonl  jsonl: one {\"id\": ..., \"text\": ...} document a line\n"
        "  --format jsonl|json|text   output (default jsonl; text = inline [name](LABEL:id))\n"
        "  --lang auto|fr|en          force the language (default auto)\n"
        "  --ref-date YYYY-MM-DD      resolve relative dates (lundi, août dernier)\n"
        "  --labels A,B,...           keep only these labels\n"
        "  --min-score X              drop entities scored below X (0..1)\n"
        "  --dict DIR                 an extra dictionary folder on top of the default one\n"
        "  --base-dict DIR            use DIR instead of the built-in dictionaries\n"
        "  --strict-utf8              fail a document on invalid UTF-8 (default: replace)\n"
        "  --jobs N                   tag on N threads sharing one model (output stays in order)\n"
        "  --quiet                    no progress on standard error\n"
        "Exit status: 0 ok, 1 a document could not be read or tagged, 2 bad usage.\n",
        f);
}

static void usage_main(FILE *f) {
  fputs("usage: cyberner <command> [options]\n\n"
        "  tag [FILE|DIR...]     find and link entities (cyberner tag --help)\n"
        "  lang [FILE...]        language of each document (cyberner lang --help)\n"
        "  dict check [DIR]      validate a dictionary folder (default: built-in)\n"
        "  dict stats [DIR]      count entries per label\n"
        "  --version             print the version\n",
        f);
}

/* ---- output -------------------------------------------------------------- */

static void format_doc(job *j, doc *d, const cyberner_result *r, sbuf *o) {
  if (j->lang_only) {
    if (j->format == FMT_JSONL || j->format == FMT_JSON) {
      sb_printf(o, "{\"id\": %s, \"lang\": \"%s\", \"confidence\": %.4f}\n", d->id_json,
                cyberner_lang_name(cyberner_result_lang(r)), cyberner_result_lang_confidence(r));
    } else {
      sb_str(o, d->where);
      sb_printf(o, "\t%s\t%.4f\n", cyberner_lang_name(cyberner_result_lang(r)), cyberner_result_lang_confidence(r));
    }
    return;
  }
  size_t n = cyberner_result_count(r);
  if (j->format == FMT_TEXT) {
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
      size_t s = cyberner_entity_start(r, i), e = cyberner_entity_end(r, i);
      sb_add(o, d->text + at, s - at);
      sb_add(o, "[", 1);
      sb_add(o, d->text + s, e - s);
      sb_printf(o, "](%s", cyberner_label_name(cyberner_entity_label(r, i)));
      const char *id = cyberner_entity_id(r, i), *v = cyberner_entity_value(r, i);
      if (id) sb_printf(o, ":%s", id);
      if (v) sb_printf(o, "=%s", v);
      sb_add(o, ")", 1);
      at = e;
    }
    sb_add(o, d->text + at, d->len - at);
    if (!d->len || d->text[d->len - 1] != '\n') sb_add(o, "\n", 1);
    return;
  }
  const char *nl = j->format == FMT_JSON ? "\n  " : "", *nl2 = j->format == FMT_JSON ? "\n    " : "";
  sb_printf(o, "{%s\"id\": %s, %s\"lang\": \"%s\", \"lang_confidence\": %.4f, %s\"text\": ", nl, d->id_json, nl,
            cyberner_lang_name(cyberner_result_lang(r)), cyberner_result_lang_confidence(r), nl);
  sb_json(o, d->text, d->len);
  sb_printf(o, ", %s\"entities\": [", nl);
  for (size_t i = 0; i < n; i++) {
    size_t s = cyberner_entity_start(r, i), e = cyberner_entity_end(r, i);
    sb_printf(o, "%s%s{\"start\": %zu, \"end\": %zu, \"label\": \"%s\", \"text\": ", i ? ", " : "", nl2, s, e,
              cyberner_label_name(cyberner_entity_label(r, i)));
    sb_json(o, d->text + s, e - s);
    const char *id = cyberner_entity_id(r, i), *v = cyberner_entity_value(r, i);
    if (id) sb_str(o, ", \"id\": "), sb_json(o, id, strlen(id));
    if (v) sb_str(o, ", \"value\": "), sb_json(o, v, strlen(v));
    sb_printf(o, ", \"score\": %.3f, \"source\": \"%s\", \"lang\": \"%s\"}", cyberner_entity_score(r, i),
              cyberner_entity_source(r, i), cyberner_lang_name(cyberner_entity_lang(r, i)));
  }
  sb_printf(o, "%s], %s\"sentences\": [", n && *nl ? nl : "", nl);
  size_t ns = cyberner_result_sentence_count(r);
  for (size_t i = 0; i < ns; i++)
    sb_printf(o, "%s{\"start\": %zu, \"end\": %zu, \"lang\": \"%s\"}", i ? ", " : "", cyberner_sentence_start(r, i),
              cyberner_sentence_end(r, i), cyberner_lang_name(cyberner_sentence_lang(r, i)));
  sb_printf(o, "]%s}\n", j->format == FMT_JSON ? "\n" : "");
}

static void tag_one(job *j, doc *d) {
  if (d->error) {
    d->failed = 1;
    return;
  }
  cyberner_error *err = NULL;
  cyberner_result *r = cyberner_tag(j->model, d->text, d->len, j->opts, &err);
  if (!r) {
    char msg[600];
    if (cyberner_error_offset(err) >= 0)
      snprintf(msg, sizeof msg, "byte %lld: %s", (long long)cyberner_error_offset(err), cyberner_error_message(err));
    else
      snprintf(msg, sizeof msg, "%s", cyberner_error_message(err));
    d->error = xstrdup(msg);
    d->failed = 1;
    cyberner_error_free(err);
    return;
  }
  sbuf o = {0};
  format_doc(j, d, r, &o);
  d->out = o.p;
  cyberner_result_free(r);
}

static void *worker(void *arg) {
  job *j = arg;
  for (;;) {
    size_t i = atomic_fetch_add(&j->next, 1);
    if (i >= j->docs->n) return NULL;
    tag_one(j, &j->docs->d[i]);
  }
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Tag every document (in parallel), print in input order. */
static int run_docs(job *j) {
  doclist *l = j->docs;
  int failed = 0;
  bool progress = !j->quiet && isatty(2) && l->n > 8;
  size_t total_bytes = 0;
  for (size_t i = 0; i < l->n; i++) total_bytes += l->d[i].len;
  double t0 = now_s();
  size_t batch = (size_t)j->jobs * 64, printed = 0, done_bytes = 0;
  for (size_t b = 0; b < l->n; b += batch) {
    size_t e = b + batch < l->n ? b + batch : l->n;
    doclist sub = {l->d + b, e - b, e - b};
    job jj = *j;
    jj.docs = &sub;
    atomic_store(&jj.next, 0);
    int nt = j->jobs > 1 ? j->jobs : 1;
    pthread_t th[256];
    int started = 0;
    for (int t = 1; t < nt && t < 256; t++)
      if (pthread_create(&th[started], NULL, worker, &jj) == 0) started++;
    worker(&jj);
    for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
    for (size_t i = b; i < e; i++) {
      doc *d = &l->d[i];
      if (d->failed) {
        fprintf(stderr, "cyberner: %s: %s\n", d->where, d->error);
        failed = 1;
      } else if (d->out) {
        fputs(d->out, stdout);
      }
      done_bytes += d->len;
      printed++;
      free(d->out);
      free(d->text);
      d->out = d->text = NULL;
    }
    if (progress) {
      double el = now_s() - t0;
      double rate = el > 0 ? (double)printed / el : 0, mbs = el > 0 ? (double)done_bytes / el / 1e6 : 0;
      double left = mbs > 0 ? (double)(total_bytes - done_bytes) / 1e6 / mbs : 0;
      fprintf(stderr, "\r%zu/%zu documents  %.0f docs/s  %.1f MB/s  %.0fs left   ", printed, l->n, rate, mbs, left);
    }
  }
  if (progress) fputc('\n', stderr);
  fflush(stdout);
  return failed;
}

static int parse_date(const char *s, int *y, int *m, int *d) {
  char tail;
  return sscanf(s, "%4d-%2d-%2d%c", y, m, d, &tail) == 3 ? 0 : -1;
}

static int parse_labels(const char *s, uint32_t *mask) {
  char buf[512];
  snprintf(buf, sizeof buf, "%s", s);
  *mask = 0;
  for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
    int l = cyberner_label_from_name(tok);
    if (l < 0) return -1;
    *mask |= 1u << l;
  }
  return 0;
}

static int cmd_tag(int argc, char **argv, int lang_only) {
  job j = {0};
  j.jobs = 1;
  j.lang_only = lang_only;
  j.format = lang_only ? FMT_TEXT : FMT_JSONL;
  j.opts = cyberner_options_new();
  const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
  size_t ninputs = 0;
  if (!j.opts || !inputs) return 1;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDV                                                         \
  do {                                                                \
    if (!v) {                                                         \
      fprintf(stderr, "cyberner: %s needs a value\n", a);             \
      return 2;                                                       \
    }                                                                 \
    i++;                                                              \
  } while (0)
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      if (lang_only)
        fputs("usage: cyberner lang [--input-format text|jsonl] [--format text|jsonl] [FILE...]\n"
              "One line per document: its language (fr, en or und) and the confidence.\n",
              stdout);
      else
        usage_tag(stdout);
      return 0;
    } else if (strcmp(a, "--input-format") == 0) {
      NEEDV;
      if (strcmp(v, "jsonl") == 0) j.jsonl_in = 1;
      else if (strcmp(v, "text") == 0) j.jsonl_in = 0;
      else return fprintf(stderr, "cyberner: --input-format is text or jsonl, not '%s'\n", v), 2;
    } else if (strcmp(a, "--format") == 0) {
      NEEDV;
      if (strcmp(v, "jsonl") == 0) j.format = FMT_JSONL;
      else if (strcmp(v, "json") == 0) j.format = FMT_JSON;
      else if (strcmp(v, "text") == 0) j.format = FMT_TEXT;
      else return fprintf(stderr, "cyberner: --format is jsonl, json or text, not '%s'\n", v), 2;
    } else if (strcmp(a, "--lang") == 0) {
      NEEDV;
      int l = cyberner_lang_from_name(v);
      if (l != CYBERNER_LANG_AUTO && l != CYBERNER_LANG_FR && l != CYBERNER_LANG_EN)
        return fprintf(stderr, "cyberner: --lang is auto, fr or en, not '%s'\n", v), 2;
      cyberner_options_set_lang(j.opts, l);
    } else if (strcmp(a, "--ref-date") == 0) {
      NEEDV;
      int y, m, d;
      if (parse_date(v, &y, &m, &d) || cyberner_options_set_ref_date(j.opts, y, m, d))
        return fprintf(stderr, "cyberner: --ref-date wants a real date as YYYY-MM-DD, not '%s'\n", v), 2;
    } else if (strcmp(a, "--labels") == 0) {
      NEEDV;
      uint32_t mask;
      if (parse_labels(v, &mask))
        return fprintf(stderr, "cyberner: --labels: unknown label in '%s'\n", v), 2;
      cyberner_options_set_labels(j.opts, mask);
    } else if (strcmp(a, "--min-score") == 0) {
      NEEDV;
      char *end;
      double x = strtod(v, &end);
      if (*end || cyberner_options_set_min_score(j.opts, x))
        return fprintf(stderr, "cyberner: --min-score wants a number from 0 to 1, not '%s'\n", v), 2;
    } else if (strcmp(a, "--dict") == 0) {
      NEEDV;
      j.extra = v;
    } else if (strcmp(a, "--base-dict") == 0) {
      NEEDV;
      j.dict = v;
    } else if (strcmp(a, "--strict-utf8") == 0) {
      cyberner_options_set_strict_utf8(j.opts, 1);
    } else if (strcmp(a, "--jobs") == 0 || strcmp(a, "-j") == 0) {
      NEEDV;
      j.jobs = atoi(v);
      if (j.jobs < 1 || j.jobs > 256) return fprintf(stderr, "cyberner: --jobs wants 1 to 256\n"), 2;
    } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
      j.quiet = 1;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "cyberner: unknown option '%s' (see --help)\n", a);
      return 2;
    } else {
      inputs[ninputs++] = a;
    }
#undef NEEDV
  }
  if (!ninputs) inputs[ninputs++] = "-";
  cyberner_error *err = NULL;
  cyberner_model *m = cyberner_model_new(j.dict, j.extra, &err);
  if (!m) {
    fprintf(stderr, "cyberner: cannot build the model: %s\n", cyberner_error_message(err));
    cyberner_error_free(err);
    return 1;
  }
  j.model = m;
  doclist docs = {0};
  for (size_t i = 0; i < ninputs; i++) {
    struct stat st;
    if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)) add_dir(&docs, inputs[i]);
    else if (j.jsonl_in) add_jsonl_file(&docs, inputs[i]);
    else add_text_file(&docs, inputs[i]);
  }
  j.docs = &docs;
  int failed = run_docs(&j);
  for (size_t i = 0; i < docs.n; i++) {
    free(docs.d[i].id_json);
    free(docs.d[i].where);
    free(docs.d[i].error);
    free(docs.d[i].text);
    free(docs.d[i].out);
  }
  free(docs.d);
  free(inputs);
  cyberner_model_free(m);
  cyberner_options_free(j.opts);
  return failed ? 1 : 0;
}

static int cmd_dict(int argc, char **argv) {
  if (argc < 1 || strcmp(argv[0], "--help") == 0 || (strcmp(argv[0], "check") && strcmp(argv[0], "stats"))) {
    fputs("usage: cyberner dict check [DIR]   validate (file:line for each problem), exit 1 on errors\n"
          "       cyberner dict stats [DIR]   entries per label\n"
          "DIR defaults to the dictionaries built into the library.\n",
          argc >= 1 && strcmp(argv[0], "--help") == 0 ? stdout : stderr);
    return argc >= 1 && strcmp(argv[0], "--help") == 0 ? 0 : 2;
  }
  bool check = strcmp(argv[0], "check") == 0;
  const char *dir = argc > 1 ? argv[1] : NULL;
  cyberner_error *err = NULL;
  cyberner_dict_report *r = cyberner_dict_check(dir, &err);
  if (!r) {
    fprintf(stderr, "cyberner: %s\n", cyberner_error_message(err));
    cyberner_error_free(err);
    return 1;
  }
  size_t warnings = 0;
  for (size_t i = 0; i < cyberner_dict_report_count(r); i++) {
    if (!cyberner_dict_report_is_error(r, i)) warnings++;
    if (check) printf("%s: %s\n", cyberner_dict_report_is_error(r, i) ? "error" : "warning", cyberner_dict_report_message(r, i));
  }
  printf("%s%s\n", dir ? dir : "built-in dictionaries", check ? "" : ":");
  size_t total = 0;
  for (int l = 0; l < CYBERNER_LABEL_COUNT; l++) {
    size_t n = cyberner_dict_report_entry_count(r, l);
    total += n;
    if (n) printf("  %-14s %zu\n", cyberner_label_name(l), n);
  }
  printf("  %-14s %zu\n", "total", total);
  size_t errors = cyberner_dict_report_error_count(r);
  if (check) printf("%zu error(s), %zu warning(s)\n", errors, warnings);
  cyberner_dict_report_free(r);
  return check && errors ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage_main(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
    printf("cyberner %s\n", cyberner_version());
    return 0;
  }
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    usage_main(stdout);
    return 0;
  }
  if (strcmp(cmd, "tag") == 0) return cmd_tag(argc - 2, argv + 2, 0);
  if (strcmp(cmd, "lang") == 0) return cmd_tag(argc - 2, argv + 2, 1);
  if (strcmp(cmd, "dict") == 0) return cmd_dict(argc - 2, argv + 2);
  fprintf(stderr, "cyberner: unknown command '%s'\n", cmd);
  usage_main(stderr);
  return 2;
}
