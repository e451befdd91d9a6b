/* cyberner: the command-line tool over libcyberner.
 *
 *   cyberner tag [options] [FILE|DIR|-...]  entities of each document
 *   cyberner lang [options] [FILE|DIR|-...] language of each document
 *   cyberner dict check|stats [DIR]         validate / count a dictionary folder
 *   cyberner --version | --help
 *
 * Documents are read first, tagged on --jobs threads sharing one model, and
 * written in input order by the main thread. Each output format is one
 * function (format_jsonl, format_json, format_conll, format_brat,
 * format_html, format_text, format_lang); the page or array around the
 * documents (HTML head, JSON brackets) is written by begin_output/end_output.
 *
 * Exit status: 0 success, 1 some input could not be read or tagged (the
 * others are still written), 2 bad usage. See tools/cyberner.1. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
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

/* Parse one JSONL document: id (string or number, kept as raw JSON) and text.
 * Returns 0, -1 for bad JSON (with *bad_at its byte offset in the line) or -2
 * when there is no "text" string. */
static int parse_doc(const char *line, size_t n, sbuf *id_json, sbuf *text, size_t *bad_at) {
  jrd r = {line, n, 0};
  bool have_text = false;
  int rc = -1;
  sbuf key = {0};
  jws(&r);
  if (r.i >= n || line[r.i] != '{') goto out;
  r.i++;
  for (;;) {
    jws(&r);
    if (r.i < n && line[r.i] == '}') break;
    key.n = 0;
    sb_add(&key, "", 0);
    if (jstring(&r, &key)) goto out;
    jws(&r);
    if (r.i >= n || line[r.i] != ':') goto out;
    r.i++;
    jws(&r);
    if (strcmp(key.p, "text") == 0) {
      text->n = 0;
      sb_add(text, "", 0);
      if (jstring(&r, text)) goto out;
      have_text = true;
    } else if (strcmp(key.p, "id") == 0) {
      size_t b = r.i;
      if (jvalue(&r, 0)) goto out;
      id_json->n = 0;
      sb_add(id_json, line + b, r.i - b);
    } else if (jvalue(&r, 0)) {
      goto out;
    }
    jws(&r);
    if (r.i < n && line[r.i] == ',') {
      r.i++;
      continue;
    }
    if (r.i < n && line[r.i] == '}') break;
    goto out;
  }
  rc = have_text ? 0 : -2;
out:
  free(key.p);
  *bad_at = r.i;
  return rc;
}

static void die_oom(void) {
  fputs("cyberner: out of memory\n", stderr);
  exit(1);
}

static char *xstrdup(const char *s) {
  char *p = strdup(s);
  if (!p) die_oom();
  return p;
}

/* ---- documents ----------------------------------------------------------- */

typedef struct {
  char *id_json; /* JSON value of the id */
  char *name;    /* file name stem for --out-dir */
  char *text;
  size_t len;
  char *where;   /* "FILE" or "FILE:LINE" for messages */
  char *error;   /* a reading or tagging error: reported and skipped */
  char *out;     /* formatted output */
} doc;

typedef struct {
  doc *d;
  size_t n, cap;
} doclist;

static doc *doc_add(doclist *l, const char *where, const char *name) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    doc *p = realloc(l->d, l->cap * sizeof *p);
    if (!p) die_oom();
    l->d = p;
  }
  doc *d = &l->d[l->n++];
  memset(d, 0, sizeof *d);
  d->where = xstrdup(where);
  d->name = xstrdup(name);
  return d;
}

static void doc_fail(doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void doc_fail(doc *d, const char *fmt, ...) {
  sbuf b = {0};
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  sb_grow(&b, (size_t)k);
  va_start(ap, fmt);
  vsnprintf(b.p, (size_t)k + 1, fmt, ap);
  va_end(ap);
  free(d->error);
  d->error = b.p;
}

static char *json_id(const char *s) {
  sbuf b = {0};
  sb_json(&b, s, strlen(s));
  return b.p;
}

static bool has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

/* name without a trailing ".txt", for --out-dir. */
static char *stem(const char *name) {
  char *s = xstrdup(name);
  if (has_suffix(s, ".txt") && strlen(s) > 4) s[strlen(s) - 4] = '\0';
  return s;
}

static const char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

static int read_all(FILE *fp, char **data, size_t *len) {
  sbuf b = {0};
  char chunk[1 << 16];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0) sb_add(&b, chunk, k);
  if (ferror(fp)) {
    int e = errno;
    free(b.p);
    errno = e;
    return -1;
  }
  sb_grow(&b, 0);
  b.p[b.n] = '\0';
  *data = b.p;
  *len = b.n;
  return 0;
}

/* Read a whole file ("-": standard input). On failure returns -1 with errno. */
static int read_file(const char *path, char **data, size_t *len) {
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *fp = is_stdin ? stdin : fopen(path, "rb");
  if (!fp) return -1;
  int rc = read_all(fp, data, len);
  int e = errno;
  if (!is_stdin) fclose(fp);
  errno = e;
  return rc;
}

/* A plain-text document; name is the stem used by --out-dir. */
static void add_text_file(doclist *l, const char *path, const char *name) {
  char *data = NULL;
  size_t len = 0;
  int rc = read_file(path, &data, &len);
  int e = errno;
  char *st = strcmp(path, "-") == 0 ? xstrdup("stdin") : stem(name);
  doc *d = doc_add(l, strcmp(path, "-") == 0 ? "<stdin>" : path, st);
  free(st);
  d->id_json = json_id(path);
  if (rc) doc_fail(d, "cannot read: %s", strerror(e));
  d->text = data;
  d->len = len;
}

/* The id as plain text: a JSON string decoded, anything else as written. */
static char *id_plain(const char *id_json) {
  sbuf raw = {0};
  jrd r = {id_json, strlen(id_json), 0};
  if (id_json[0] != '"' || jstring(&r, &raw)) raw.n = 0, sb_str(&raw, id_json);
  sb_add(&raw, "", 0);
  return raw.p;
}

/* A file name made from a JSONL id: letters, digits, '.', '-', '_' kept. */
static char *name_from_id(const char *id_json, size_t lineno) {
  sbuf raw = {0};
  raw.p = id_plain(id_json);
  raw.n = strlen(raw.p);
  sbuf b = {0};
  for (size_t i = 0; i < raw.n; i++) {
    char c = raw.p[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              (c == '.' && b.n > 0);
    sb_add(&b, ok ? &c : "_", 1);
  }
  free(raw.p);
  if (!b.n) sb_printf(&b, "doc-%zu", lineno);
  return b.p;
}

/* JSONL documents: one {"id": ..., "text": "..."} a line. */
static void add_jsonl_file(doclist *l, const char *path) {
  char *data = NULL;
  size_t len = 0;
  const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
  if (read_file(path, &data, &len)) {
    int e = errno;
    doc *d = doc_add(l, shown, "unreadable");
    d->id_json = json_id(path);
    doc_fail(d, "cannot read: %s", strerror(e));
    return;
  }
  size_t lineno = 0;
  for (size_t b = 0; b < len;) {
    size_t e = b;
    while (e < len && data[e] != '\n') e++;
    lineno++;
    size_t k = b;
    while (k < e && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r')) k++;
    if (k < e) {
      sbuf where = {0}, id = {0}, text = {0};
      sb_printf(&where, "%s:%zu", shown, lineno);
      size_t bad_at = 0;
      int rc = parse_doc(data + b, e - b, &id, &text, &bad_at);
      if (!id.p) sb_printf(&id, "%zu", lineno);
      char *name = name_from_id(id.p, lineno);
      doc *d = doc_add(l, where.p, name);
      free(name);
      free(where.p);
      d->id_json = id.p;
      if (rc == -1) {
        doc_fail(d, "byte %zu: not a valid JSON document", b + bad_at);
        free(text.p);
      } else if (rc == -2) {
        doc_fail(d, "byte %zu: no \"text\" string in this JSON object", b);
        free(text.p);
      } else {
        d->text = text.p ? text.p : xstrdup("");
        d->len = text.n;
      }
    }
    b = e + 1;
  }
  free(data);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* A folder, recursively, in name order: its *.txt files (*.jsonl files with
 * --input-format jsonl). skip is the length of the top folder's path plus
 * its slash, so names for --out-dir are relative to it. */
static void add_dir(doclist *l, const char *dir, size_t skip, bool jsonl) {
  DIR *dp = opendir(dir);
  if (!dp) {
    int e = errno;
    doc *d = doc_add(l, dir, "unreadable");
    d->id_json = json_id(dir);
    doc_fail(d, "cannot read the folder: %s", strerror(e));
    return;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(dp))) {
    if (de->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      names = realloc(names, cap * sizeof *names);
      if (!names) die_oom();
    }
    names[n++] = xstrdup(de->d_name);
  }
  closedir(dp);
  if (n) qsort(names, n, sizeof *names, cmp_names); /* names is NULL for an empty folder */
  bool slash = has_suffix(dir, "/");
  for (size_t i = 0; i < n; i++) {
    sbuf path = {0};
    sb_printf(&path, "%s%s%s", dir, slash ? "" : "/", names[i]);
    struct stat st;
    if (stat(path.p, &st) == 0 && S_ISDIR(st.st_mode)) add_dir(l, path.p, skip, jsonl);
    else if (jsonl && has_suffix(names[i], ".jsonl")) add_jsonl_file(l, path.p);
    else if (!jsonl && has_suffix(names[i], ".txt")) add_text_file(l, path.p, path.p + skip);
    free(path.p);
    free(names[i]);
  }
  free(names);
}

static void add_input(doclist *l, const char *path, bool jsonl) {
  struct stat st;
  if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    add_dir(l, path, strlen(path) + (has_suffix(path, "/") ? 0 : 1), jsonl);
  else if (jsonl) add_jsonl_file(l, path);
  else add_text_file(l, path, base_name(path));
}

/* Make --out-dir names unique: the second "x" becomes "x-2", and so on. */
static int cmp_doc_names(const void *a, const void *b) {
  const doc *x = *(doc *const *)a, *y = *(doc *const *)b;
  int c = strcmp(x->name, y->name);
  return c ? c : (x < y ? -1 : x > y);
}

static void unique_names(doclist *l) {
  doc **v = malloc((l->n ? l->n : 1) * sizeof *v);
  if (!v) die_oom();
  for (size_t i = 0; i < l->n; i++) v[i] = &l->d[i];
  qsort(v, l->n, sizeof *v, cmp_doc_names);
  for (size_t i = 0; i < l->n;) {
    size_t j = i + 1;
    while (j < l->n && strcmp(v[j]->name, v[i]->name) == 0) j++;
    for (size_t k = i + 1; k < j; k++) {
      sbuf b = {0};
      sb_printf(&b, "%s-%zu", v[i]->name, k - i + 1);
      free(v[k]->name);
      v[k]->name = b.p;
    }
    i = j;
  }
  free(v);
}

/* ---- the job ------------------------------------------------------------- */

enum { FMT_JSONL, FMT_JSON, FMT_CONLL, FMT_BRAT, FMT_HTML, FMT_TEXT };
static const char *const format_names[] = {"jsonl", "json", "conll", "brat", "html", "text"};

typedef struct {
  const char *dict, *extra, *out_dir;
  int format, jobs;
  bool jsonl_in, quiet, lang_only;
  bool several;              /* more than one document in the input */
  cyberner_options *opts;
  const cyberner_model *model;
} job;

/* ---- text helpers for the formats ---------------------------------------- */

/* The code point at s[0..n) and its length; an invalid byte reads as U+FFFD
 * of length 1. */
static unsigned decode(const char *s, size_t n, size_t *len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t k = utf8_len(u, n);
  if (!k) return *len = 1, 0xFFFD;
  *len = k;
  if (k == 1) return u[0];
  unsigned v = u[0] & (0xFF >> (k + 1));
  for (size_t i = 1; i < k; i++) v = (v << 6) | (u[i] & 0x3F);
  return v;
}

/* Copy s[0..n), each invalid byte replaced by U+FFFD. */
static void sb_clean(sbuf *o, const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t k = utf8_len((const unsigned char *)s + i, n - i);
    if (k) {
      size_t j = i + k;
      while (j < n && (k = utf8_len((const unsigned char *)s + j, n - j))) j += k;
      sb_add(o, s + i, j - i);
      i = j;
    } else {
      sb_str(o, "\xEF\xBF\xBD");
      i++;
    }
  }
}

/* HTML text or attribute value. */
static void sb_html(sbuf *o, const char *s, size_t n) {
  size_t i = 0, run = 0;
  for (; i < n; i++) {
    const char *rep = NULL;
    switch (s[i]) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '"': rep = "&quot;"; break;
      case '\'': rep = "&#39;"; break;
      case '\0': rep = "\xEF\xBF\xBD"; break;
      default: break;
    }
    if (!rep) continue;
    sb_clean(o, s + run, i - run);
    sb_str(o, rep);
    run = i + 1;
  }
  sb_clean(o, s + run, n - run);
}

static void sb_html_str(sbuf *o, const char *s) { sb_html(o, s, strlen(s)); }

static bool is_space(unsigned c) {
  return c <= 0x20 || c == 0x7F || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static bool is_punct(unsigned c) {
  if (c < 0x80) return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
                       (c >= 0x7B && c <= 0x7E);
  return c == 0xA1 || c == 0xAB || c == 0xB7 || c == 0xBB || c == 0xBF || (c >= 0x2010 && c <= 0x2027) ||
         (c >= 0x2030 && c <= 0x205E) || c == 0x3001 || c == 0x3002;
}

static const char *label_of(const cyberner_result *r, size_t i) {
  return cyberner_label_name(cyberner_entity_label(r, i));
}

/* ---- jsonl and json ------------------------------------------------------ */

/* Line break and indentation in pretty mode, nothing otherwise. */
static void jnl(sbuf *o, bool pretty, int depth) {
  if (!pretty) return;
  sb_add(o, "\n", 1);
  for (int i = 0; i < depth; i++) sb_add(o, "  ", 2);
}

static void jsep(sbuf *o, bool pretty, int depth) {
  sb_add(o, ",", 1);
  if (pretty) jnl(o, pretty, depth);
  else sb_add(o, " ", 1);
}

/* One document in the shape of ENTITIES.md, with no final line break.
 * pretty: one key a line, one entity a line, indented from depth. */
static void write_json_doc(const doc *d, const cyberner_result *r, sbuf *o, bool pretty, int depth) {
  sb_add(o, "{", 1);
  jnl(o, pretty, depth + 1);
  sb_printf(o, "\"id\": %s", d->id_json);
  jsep(o, pretty, depth + 1);
  sb_printf(o, "\"lang\": \"%s\"", cyberner_lang_name(cyberner_result_lang(r)));
  jsep(o, pretty, depth + 1);
  sb_printf(o, "\"lang_confidence\": %.4f", cyberner_result_lang_confidence(r));
  jsep(o, pretty, depth + 1);
  sb_str(o, "\"text\": ");
  sb_json(o, d->text, d->len);
  jsep(o, pretty, depth + 1);
  sb_str(o, "\"entities\": [");
  size_t n = cyberner_result_count(r);
  for (size_t i = 0; i < n; i++) {
    size_t s = cyberner_entity_start(r, i), e = cyberner_entity_end(r, i);
    if (i) jsep(o, pretty, depth + 2);
    else jnl(o, pretty, depth + 2);
    sb_printf(o, "{\"start\": %zu, \"end\": %zu, \"label\": \"%s\", \"text\": ", s, e, label_of(r, i));
    sb_json(o, d->text + s, e - s);
    const char *id = cyberner_entity_id(r, i), *v = cyberner_entity_value(r, i);
    if (id) sb_str(o, ", \"id\": "), sb_json(o, id, strlen(id));
    if (v) sb_str(o, ", \"value\": "), sb_json(o, v, strlen(v));
    sb_printf(o, ", \"score\": %.3f, \"source\": ", cyberner_entity_score(r, i));
    sb_json(o, cyberner_entity_source(r, i), strlen(cyberner_entity_source(r, i)));
    sb_printf(o, ", \"lang\": \"%s\"}", cyberner_lang_name(cyberner_entity_lang(r, i)));
  }
  if (n) jnl(o, pretty, depth + 1);
  sb_add(o, "]", 1);
  jsep(o, pretty, depth + 1);
  sb_str(o, "\"sentences\": [");
  size_t ns = cyberner_result_sentence_count(r);
  for (size_t i = 0; i < ns; i++) {
    if (i) jsep(o, pretty, depth + 2);
    else jnl(o, pretty, depth + 2);
    sb_printf(o, "{\"start\": %zu, \"end\": %zu, \"lang\": \"%s\"}", cyberner_sentence_start(r, i),
              cyberner_sentence_end(r, i), cyberner_lang_name(cyberner_sentence_lang(r, i)));
  }
  if (ns) jnl(o, pretty, depth + 1);
  sb_add(o, "]", 1);
  jnl(o, pretty, depth);
  sb_add(o, "}", 1);
}

/* jsonl: one document a line. */
static void format_jsonl(const job *j, const doc *d, const cyberner_result *r, sbuf *o) {
  write_json_doc(d, r, o, false, 0);
  sb_add(o, "\n", 1);
}

/* json: one pretty object; inside an array (see begin_output) when the input
 * has several documents. */
static void format_json(const job *j, const doc *d, const cyberner_result *r, sbuf *o) {
  if (j->several) sb_str(o, "  ");
  write_json_doc(d, r, o, true, j->several ? 1 : 0);
}

/* ---- conll ----------------------------------------------------------------- */

typedef struct {
  const cyberner_result *r;
  const char *text;
  sbuf *o;
  size_t ent, nent;     /* first entity that may hold the next token */
  size_t sent, nsent;   /* sentence of the last token */
  bool any;             /* a token was written */
} conll_state;

/* Index of the entity holding byte at, or SIZE_MAX. Calls come in text order. */
static size_t conll_entity_at(conll_state *c, size_t at) {
  while (c->ent < c->nent && cyberner_entity_end(c->r, c->ent) <= at) c->ent++;
  if (c->ent < c->nent && cyberner_entity_start(c->r, c->ent) <= at) return c->ent;
  return SIZE_MAX;
}

/* One line "TOKEN<TAB>TAG"; a blank line first when a new sentence starts. */
static void conll_token(conll_state *c, size_t a, size_t b) {
  size_t s = c->sent;
  while (s + 1 < c->nsent && cyberner_sentence_start(c->r, s + 1) <= a) s++;
  if (c->any && s != c->sent) sb_add(c->o, "\n", 1);
  c->sent = s;
  c->any = true;
  sb_clean(c->o, c->text + a, b - a);
  size_t e = conll_entity_at(c, a);
  if (e == SIZE_MAX) sb_str(c->o, "\tO\n");
  else sb_printf(c->o, "\t%s-%s\n", cyberner_entity_start(c->r, e) == a ? "B" : "I", label_of(c->r, e));
}

/* A run of text with no space and no forced boundary. Outside entities,
 * punctuation at its edges becomes tokens of its own: "(12.06.18)" gives
 * "(", "12.06.18", ")". A run of punctuation only stays one token. */
static void conll_piece(conll_state *c, size_t a, size_t b) {
  if (conll_entity_at(c, a) != SIZE_MAX) {
    conll_token(c, a, b);
    return;
  }
  size_t lead = a, k;
  while (lead < b && is_punct(decode(c->text + lead, b - lead, &k))) lead += k;
  if (lead == b) {
    conll_token(c, a, b);
    return;
  }
  size_t tail = b; /* start of the trailing punctuation */
  for (size_t i = lead; i < b; i += k)
    if (!is_punct(decode(c->text + i, b - i, &k))) tail = i + k;
  for (size_t i = a; i < lead; i += k) decode(c->text + i, lead - i, &k), conll_token(c, i, i + k);
  conll_token(c, lead, tail);
  for (size_t i = tail; i < b; i += k) decode(c->text + i, b - i, &k), conll_token(c, i, i + k);
}

/* conll: one token a line with its IOB2 tag, a blank line between sentences.
 * Tokens split on white space, on punctuation at word edges, and at every
 * entity and sentence boundary, so B-/I- tags cover exactly the entities. */
static void format_conll(const job *j, const doc *d, const cyberner_result *r, sbuf *o) {
  size_t n = d->len;
  char *cut = calloc(n + 1, 1); /* cut[i]: a token must start at byte i */
  if (!cut) die_oom();
  for (size_t i = 0; i < cyberner_result_count(r); i++)
    cut[cyberner_entity_start(r, i)] = cut[cyberner_entity_end(r, i)] = 1;
  for (size_t i = 0; i < cyberner_result_sentence_count(r); i++) cut[cyberner_sentence_start(r, i)] = 1;
  if (j->several) sb_str(o, "-DOCSTART-\tO\n\n");
  conll_state c = {r, d->text, o, 0, cyberner_result_count(r), 0, cyberner_result_sentence_count(r), false};
  size_t k;
  for (size_t i = 0; i < n;) {
    if (is_space(decode(d->text + i, n - i, &k))) {
      i += k;
      continue;
    }
    size_t e = i + k;
    while (e < n && !cut[e] && !is_space(decode(d->text + e, n - e, &k))) e += k;
    conll_piece(&c, i, e);
    i = e;
  }
  if (c.any) sb_add(o, "\n", 1);
  free(cut);
}

/* ---- brat ------------------------------------------------------------------ */

/* Characters (code points; an invalid byte counts as one) in s[a..b). */
static size_t count_chars(const char *s, size_t a, size_t b) {
  size_t n = 0, k;
  for (size_t i = a; i < b; i += k) decode(s + i, b - i, &k), n++;
  return n;
}

/* brat standoff: "T1<TAB>LABEL START END<TAB>text" per entity, and
 * "#1<TAB>AnnotatorNotes T1<TAB>id=...;value=..." when it has an id or a
 * value. Offsets count characters, as brat does. An entity across a line
 * break gets one fragment per line ("START END;START END"). With several
 * documents on standard output each block starts with "# ID". */
static void format_brat(const job *j, const doc *d, const cyberner_result *r, sbuf *o) {
  if (j->several && !j->out_dir) {
    sb_str(o, "# ");
    size_t n0 = o->n;
    char *id = id_plain(d->id_json);
    sb_clean(o, id, strlen(id));
    free(id);
    for (size_t i = n0; i < o->n; i++)
      if (o->p[i] == '\n' || o->p[i] == '\r' || o->p[i] == '\t') o->p[i] = ' ';
    sb_add(o, "\n", 1);
  }
  size_t at_byte = 0, at_char = 0, notes = 0;
  for (size_t i = 0; i < cyberner_result_count(r); i++) {
    size_t s = cyberner_entity_start(r, i), e = cyberner_entity_end(r, i);
    sb_printf(o, "T%zu\t%s ", i + 1, label_of(r, i));
    sbuf txt = {0};
    bool first = true;
    for (size_t a = s; a < e;) { /* one fragment per line */
      size_t b = a;
      while (b < e && d->text[b] != '\n' && d->text[b] != '\r') b++;
      if (b > a) {
        at_char += count_chars(d->text, at_byte, a);
        size_t len = count_chars(d->text, a, b);
        sb_printf(o, "%s%zu %zu", first ? "" : ";", at_char, at_char + len);
        if (!first) sb_add(&txt, " ", 1);
        sb_clean(&txt, d->text + a, b - a);
        first = false;
        at_char += len;
        at_byte = b;
      }
      a = b + (b < e);
    }
    for (size_t t = 0; t < txt.n; t++)
      if (txt.p[t] == '\t') txt.p[t] = ' ';
    sb_printf(o, "\t%s\n", txt.p ? txt.p : "");
    free(txt.p);
    const char *id = cyberner_entity_id(r, i), *v = cyberner_entity_value(r, i);
    if (id || v) {
      sb_printf(o, "#%zu\tAnnotatorNotes T%zu\t", ++notes, i + 1);
      if (id) sb_str(o, "id="), sb_clean(o, id, strlen(id));
      if (v) sb_str(o, id ? ";value=" : "value="), sb_clean(o, v, strlen(v));
      sb_add(o, "\n", 1);
    }
  }
}

/* ---- html ------------------------------------------------------------------ */

static const char *const label_colours[CYBERNER_LABEL_COUNT] = {
    "#7fc8f8", /* COUNTRY */
    "#9be89b", /* LOCATION */
    "#c9b6f2", /* NATIONALITY */
    "#ffd166", /* AGENCY */
    "#f6a96b", /* ORGANIZATION */
    "#ff9fb2", /* PERSON */
    "#dcdcaa", /* DATE */
    "#8ee3df", /* EVENT */
    "#ff7b72", /* THREAT_ACTOR */
    "#b0bec5", /* VULNERABILITY */
};

/* The page head: style (a colour per label) and the legend. */
static void html_begin(sbuf *o, size_t ndocs) {
  sb_str(o, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"generator\" content=\"cyberner ");
  sb_html_str(o, cyberner_version());
  sb_printf(o, "\">\n<title>cyberner: %zu document%s</title>\n<style>\n", ndocs, ndocs == 1 ? "" : "s");
  sb_str(o, "body { font: 16px/1.7 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; "
            "color: #222; }\n"
            "header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; "
            "padding: .5em 0; }\n"
            ".legend span { display: inline-block; margin: .15em .3em; padding: 0 .5em; border-radius: .3em; "
            "font-size: .8em; font-weight: 600; }\n"
            "section.doc { border-bottom: 1px solid #ddd; padding: 1em 0; }\n"
            "section.doc h2 { font-size: 1em; color: #555; margin: 0 0 .5em; word-break: break-all; }\n"
            ".text { white-space: pre-wrap; }\n"
            ".ent { padding: .1em .25em; border-radius: .3em; color: #111; }\n"
            ".ent::after { content: attr(data-label); font-size: .6em; font-weight: 700; margin-left: .35em; "
            "vertical-align: middle; opacity: .65; }\n");
  for (int l = 0; l < CYBERNER_LABEL_COUNT; l++)
    sb_printf(o, "[data-label=\"%s\"] { background: %s; }\n", cyberner_label_name(l), label_colours[l]);
  sb_str(o, "</style>\n</head>\n<body>\n<header>\n<div class=\"legend\">");
  for (int l = 0; l < CYBERNER_LABEL_COUNT; l++)
    sb_printf(o, "<span class=\"swatch\" data-label=\"%s\">%s</span>", cyberner_label_name(l), cyberner_label_name(l));
  sb_str(o, "</div>\n</header>\n<main>\n");
  if (!ndocs) sb_str(o, "<p>No documents.</p>\n");
}

static void html_end(sbuf *o) { sb_str(o, "</main>\n</body>\n</html>\n"); }

/* html: one <section> per document; each entity a <mark class="ent"> with
 * data-label, data-id and data-value (empty when unknown) and a title
 * shown on hover. The page around it comes from html_begin/html_end. */
static void format_html(const job *j, const doc *d, const cyberner_result *r, sbuf *o) {
  char *doc_id = id_plain(d->id_json);
  sb_str(o, "<section class=\"doc\" data-id=\"");
  sb_html_str(o, doc_id);
  free(doc_id);
  sb_printf(o, "\" lang=\"%s\">\n<h2>", cyberner_lang_name(cyberner_result_lang(r)));
  sb_html_str(o, d->where);
  size_t n = cyberner_result_count(r);
  sb_printf(o, " <small>(%s, %zu entit%s)</small></h2>\n<div class=\"text\">",
            cyberner_lang_name(cyberner_result_lang(r)), n, n == 1 ? "y" : "ies");
  size_t at = 0;
  for (size_t i = 0; i < n; i++) {
    size_t s = cyberner_entity_start(r, i), e = cyberner_entity_end(r, i);
    const char *id = cyberner_entity_id(r, i), *v = cyberner_entity_value(r, i);
    sb_html(o, d->text + at, s - at);
    sb_printf(o, "<mark class=\"ent\" data-label=\"%s\" data-id=\"", label_of(r, i));
    sb_html_str(o, id ? id : "");
    sb_str(o, "\" data-value=\"");
    sb_html_str(o, v ? v : "");
    sb_printf(o, "\" title=\"%s", label_of(r, i));
    if (id) sb_str(o, "&#10;id: "), sb_html_str(o, id);
    if (v) sb_str(o, "&#10;value: "), sb_html_str(o, v);
    sb_str(o, "\">");
    sb_html(o, d->text + s, e - s);
    sb_str(o, "</mark>");
    at = e;
  }
  sb_html(o, d->text + at, d->len - at);
  sb_str(o, "</div>\n</section>\n");
}

/* ---- text ------------------------------------------------------------------ */

/* text: the document with inline markup, [ANSSI](AGENCY:anssi), and
 * [12 juin 2018](DATE=2018-06-12) for values. */
static void format_text(const job *j, const doc *d, const cyberner_result *r, sbuf *o) {
  size_t at = 0;
  for (size_t i = 0; i < cyberner_result_count(r); i++) {
    size_t s = cyberner_entity_start(r, i), e = cyberner_entity_end(r, i);
    sb_add(o, d->text + at, s - at);
    sb_add(o, "[", 1);
    sb_add(o, d->text + s, e - s);
    sb_printf(o, "](%s", label_of(r, i));
    const char *id = cyberner_entity_id(r, i), *v = cyberner_entity_value(r, i);
    if (id) sb_printf(o, ":%s", id);
    if (v) sb_printf(o, "=%s", v);
    sb_add(o, ")", 1);
    at = e;
  }
  sb_add(o, d->text + at, d->len - at);
  if (!d->len || d->text[d->len - 1] != '\n') sb_add(o, "\n", 1);
}

/* ---- lang ------------------------------------------------------------------ */

/* cyberner lang: {"id", "lang", "confidence"} (jsonl, json) or
 * "FILE<TAB>LANG<TAB>CONFIDENCE" (text). */
static void format_lang(const job *j, const doc *d, const cyberner_result *r, sbuf *o) {
  const char *lang = cyberner_lang_name(cyberner_result_lang(r));
  double conf = cyberner_result_lang_confidence(r);
  if (j->format == FMT_TEXT) {
    sb_printf(o, "%s\t%s\t%.4f\n", d->where, lang, conf);
    return;
  }
  bool array = j->format == FMT_JSON && j->several;
  sb_printf(o, "%s{\"id\": %s, \"lang\": \"%s\", \"confidence\": %.4f}%s", array ? "  " : "", d->id_json, lang, conf,
            j->format == FMT_JSONL ? "\n" : "");
}

typedef void (*format_fn)(const job *, const doc *, const cyberner_result *, sbuf *);

static format_fn formatter(const job *j) {
  if (j->lang_only) return format_lang;
  static const format_fn fns[] = {format_jsonl, format_json, format_conll, format_brat, format_html, format_text};
  return fns[j->format];
}

/* ---- writing, in input order ----------------------------------------------- */

typedef struct {
  const job *j;
  size_t written;  /* documents written so far */
  int failed;
  bool bar;        /* a progress bar is on standard error: clear its line first */
} writer;

static void clear_bar(const writer *w, bool for_stdout) {
  if (w->bar && (!for_stdout || isatty(1))) fputs("\r\033[K", stderr);
}

/* Before the first document: the HTML head, the JSON array's bracket. */
static void begin_output(writer *w, size_t ndocs) {
  const job *j = w->j;
  if (j->format == FMT_HTML && !j->lang_only) {
    sbuf o = {0};
    html_begin(&o, ndocs);
    fputs(o.p, stdout);
    free(o.p);
  } else if (j->format == FMT_JSON && j->several) {
    fputs("[", stdout);
  }
}

static void end_output(writer *w) {
  const job *j = w->j;
  if (j->format == FMT_HTML && !j->lang_only) {
    sbuf o = {0};
    html_end(&o);
    fputs(o.p, stdout);
    free(o.p);
  } else if (j->format == FMT_JSON && j->several) {
    fputs(w->written ? "\n]\n" : "]\n", stdout);
  } else if (j->format == FMT_JSON && w->written) {
    fputs("\n", stdout);
  }
}

/* Create dir and its parents (mkdir -p). */
static int make_dirs(const char *dir) {
  char *p = xstrdup(dir);
  for (char *s = p + 1; *s; s++) {
    if (*s != '/') continue;
    *s = '\0';
    if (mkdir(p, 0777) && errno != EEXIST) return free(p), -1;
    *s = '/';
  }
  int rc = mkdir(p, 0777) && errno != EEXIST ? -1 : 0;
  free(p);
  return rc;
}

static int write_file(const char *path, const char *data, size_t n) {
  FILE *fp = fopen(path, "wb");
  if (!fp) return -1;
  size_t k = fwrite(data, 1, n, fp);
  int rc = fclose(fp);
  return k == n && rc == 0 ? 0 : -1;
}

/* --out-dir: DIR/NAME.txt (the text brat's offsets count) and DIR/NAME.ann. */
static int write_brat_pair(const job *j, doc *d) {
  sbuf txt = {0}, path = {0};
  sb_clean(&txt, d->text, d->len);
  sb_printf(&path, "%s/%s", j->out_dir, d->name);
  char *slash = strrchr(path.p, '/');
  *slash = '\0';
  int rc = make_dirs(path.p);
  *slash = '/';
  size_t n = path.n;
  if (!rc) sb_str(&path, ".txt"), rc = write_file(path.p, txt.p ? txt.p : "", txt.n);
  if (!rc) path.n = n, sb_str(&path, ".ann"), rc = write_file(path.p, d->out ? d->out : "", d->out ? strlen(d->out) : 0);
  if (rc) doc_fail(d, "cannot write %s: %s", path.p, strerror(errno));
  free(txt.p);
  free(path.p);
  return rc;
}

static void write_doc(writer *w, doc *d) {
  const job *j = w->j;
  if (!d->error && j->out_dir) write_brat_pair(j, d);
  if (d->error) {
    clear_bar(w, false);
    fprintf(stderr, "cyberner: %s: %s\n", d->where, d->error);
    w->failed = 1;
    return;
  }
  if (!j->out_dir) {
    clear_bar(w, true);
    if (j->format == FMT_JSON && j->several) fputs(w->written ? ",\n" : "\n", stdout);
    if (d->out) fputs(d->out, stdout);
  }
  w->written++;
}

/* ---- progress bar ------------------------------------------------------------ */

typedef struct {
  bool on;
  double t0, last;
  size_t docs, bytes;               /* totals */
  atomic_size_t done_docs, done_bytes;
} progress;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fmt_duration(char *buf, size_t n, double s) {
  long t = s < 0 ? 0 : (long)(s + 0.5);
  if (t >= 3600) snprintf(buf, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else snprintf(buf, n, "%ld:%02ld", t / 60, t % 60);
}

/* "[#######-------]  45%  450/1000 docs  120 docs/s  3.4 MB/s  ETA 0:05". */
static void progress_draw(progress *p, bool final) {
  double t = now_s();
  if (!final && t - p->last < 0.1) return;
  p->last = t;
  size_t docs = atomic_load(&p->done_docs), bytes = atomic_load(&p->done_bytes);
  double el = t - p->t0 > 1e-6 ? t - p->t0 : 1e-6;
  double frac = p->bytes ? (double)bytes / (double)p->bytes : p->docs ? (double)docs / (double)p->docs : 1;
  if (frac > 1) frac = 1;
  double dps = (double)docs / el, mbs = (double)bytes / el / 1e6;
  double left = frac > 0 ? el * (1 - frac) / frac : 0;
  char eta[32];
  fmt_duration(eta, sizeof eta, final ? el : left);
  struct winsize ws;
  int cols = ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
  char stats[160];
  snprintf(stats, sizeof stats, " %3.0f%%  %zu/%zu docs  %.0f docs/s  %.1f MB/s  %s %s", frac * 100, docs,
                    p->docs, dps, mbs, final ? "in" : "ETA", eta);
  int width = cols - 66; /* room for the statistics, so the bar keeps its width */
  if (width > 40) width = 40;
  char bar[48];
  int filled = 0;
  if (width >= 10) {
    filled = (int)(frac * width);
    memset(bar, '#', (size_t)filled);
    memset(bar + filled, '-', (size_t)(width - filled));
    bar[width] = '\0';
    fprintf(stderr, "\r[%s]%s\033[K", bar, stats);
  } else {
    fprintf(stderr, "\r%s\033[K", stats);
  }
  if (final) fputc('\n', stderr);
  fflush(stderr);
}

/* ---- tagging ------------------------------------------------------------------ */

static void tag_one(const job *j, cyberner_tagger *t, doc *d) {
  if (d->error) return;
  cyberner_error *err = NULL;
  cyberner_result *r = t ? cyberner_tagger_tag(t, d->text, d->len, j->opts, &err)
                         : cyberner_tag(j->model, d->text, d->len, j->opts, &err);
  if (!r) {
    /* the message names its place: "input byte 1043: invalid UTF-8 ..." */
    doc_fail(d, "%s", cyberner_error_message(err));
    cyberner_error_free(err);
    return;
  }
  sbuf o = {0};
  formatter(j)(j, d, r, &o);
  d->out = o.p ? o.p : xstrdup("");
  cyberner_result_free(r);
}

typedef struct {
  const job *j;
  doc *d;
  size_t n;
  atomic_size_t next;
  progress *prog;
} batch;

/* Take documents from the batch until none is left; the main thread (draw)
 * also redraws the progress bar. */
static void work(batch *b, bool draw) {
  /* one tagger per thread keeps the scratch between documents (without
   * one, for lack of memory, each call makes its own) */
  cyberner_tagger *t = cyberner_tagger_new(b->j->model, NULL);
  for (;;) {
    size_t i = atomic_fetch_add(&b->next, 1);
    if (i >= b->n) break;
    tag_one(b->j, t, &b->d[i]);
    atomic_fetch_add(&b->prog->done_docs, 1);
    atomic_fetch_add(&b->prog->done_bytes, b->d[i].len);
    if (draw && b->prog->on) progress_draw(b->prog, false);
  }
  cyberner_tagger_free(t);
}

static void *worker(void *arg) {
  work(arg, false);
  return NULL;
}

/* Tag every document on j->jobs threads, a batch at a time so that memory
 * for outputs stays bounded, and write them in input order. Returns 1 when
 * a document failed. */
static int run_docs(const job *j, doclist *l) {
  progress prog = {0};
  prog.on = !j->quiet && isatty(2) && l->n > 4;
  prog.docs = l->n;
  for (size_t i = 0; i < l->n; i++) prog.bytes += l->d[i].len;
  prog.t0 = now_s();
  writer w = {j, 0, 0, prog.on};
  begin_output(&w, l->n);
  size_t per_batch = (size_t)j->jobs * 64;
  pthread_t th[256];
  for (size_t b0 = 0; b0 < l->n; b0 += per_batch) {
    size_t e = b0 + per_batch < l->n ? b0 + per_batch : l->n;
    batch b = {j, l->d + b0, e - b0, 0, &prog};
    int started = 0;
    for (int t = 1; t < j->jobs && (size_t)t < b.n; t++)
      if (pthread_create(&th[started], NULL, worker, &b) == 0) started++;
    work(&b, true);
    for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
    for (size_t i = b0; i < e; i++) {
      write_doc(&w, &l->d[i]);
      free(l->d[i].out);
      free(l->d[i].text);
      l->d[i].out = l->d[i].text = NULL;
    }
  }
  end_output(&w);
  if (prog.on) progress_draw(&prog, true);
  fflush(stdout);
  return w.failed;
}

/* ---- command line ------------------------------------------------------------ */

static void usage_main(FILE *f) {
  fputs("usage: cyberner <command> [options]\n"
        "Named entities in French and English cyber-policy text.\n\n"
        "  tag [FILE|DIR|-]...   find and link entities (cyberner tag --help)\n"
        "  lang [FILE|DIR|-]...  language of each document (cyberner lang --help)\n"
        "  dict check [DIR]      validate a dictionary folder (default: built-in)\n"
        "  dict stats [DIR]      count entries per label\n"
        "  --version             print the version\n"
        "  --help                this help\n\n"
        "See cyberner(1) for details.\n",
        f);
}

static void usage_tag(FILE *f) {
  fputs("usage: cyberner tag [options] [FILE|DIR|-]...\n"
        "Tag each document (a file, each *.txt of a folder recursively, or standard\n"
        "input when no file is given) and write its entities.\n\n"
        "  --input-format text|jsonl  jsonl: one {\"id\": ..., \"text\": ...} document a line\n"
        "                             (folders: their *.jsonl files)\n"
        "  --format FORMAT            jsonl (default): one JSON document a line\n"
        "                             json:  pretty JSON (an array for several documents)\n"
        "                             conll: TOKEN<TAB>IOB2-TAG, blank line between sentences\n"
        "                             brat:  standoff .ann lines (T1, #1 AnnotatorNotes)\n"
        "                             html:  one self-contained page, entities highlighted\n"
        "                             text:  inline markup [ANSSI](AGENCY:anssi)\n"
        "  --out-dir DIR              brat only: write DIR/NAME.txt and DIR/NAME.ann pairs\n"
        "  --lang auto|fr|en          force the language (default auto)\n"
        "  --ref-date YYYY-MM-DD      resolve relative dates (lundi, août dernier)\n"
        "  --labels A,B,...           keep only these labels\n"
        "  --min-score X              drop entities scored below X (0..1)\n"
        "  --dict DIR                 an extra dictionary folder on top of the default one\n"
        "  --base-dict DIR            use DIR instead of the built-in dictionaries\n"
        "  --strict-utf8              fail a document on invalid UTF-8 (default: replace)\n"
        "  -j, --jobs N               tag on N threads sharing one model (output stays in order)\n"
        "  -q, --quiet                no progress bar on standard error\n"
        "  -h, --help                 this help\n\n"
        "Exit status: 0 ok, 1 a document could not be read or tagged (the others are\n"
        "still written), 2 bad usage.\n",
        f);
}

static void usage_lang(FILE *f) {
  fputs("usage: cyberner lang [options] [FILE|DIR|-]...\n"
        "Write the language of each document (fr, en or und) and its confidence.\n\n"
        "  --input-format text|jsonl  jsonl: one {\"id\": ..., \"text\": ...} document a line\n"
        "  --format text|jsonl|json   text (default): FILE<TAB>LANG<TAB>CONFIDENCE\n"
        "                             jsonl: {\"id\": ..., \"lang\": ..., \"confidence\": ...} a line\n"
        "                             json:  the same objects in one array\n"
        "  --base-dict DIR, --dict DIR, --strict-utf8, --jobs N, --quiet: as for tag\n"
        "  -h, --help                 this help\n\n"
        "Exit status: 0 ok, 1 a document could not be read, 2 bad usage.\n",
        f);
}

static void usage_dict(FILE *f) {
  fputs("usage: cyberner dict check [DIR]   validate; each problem as file:line; exit 1 on errors\n"
        "       cyberner dict stats [DIR]   entries per label\n"
        "DIR defaults to the dictionaries built into the library.\n",
        f);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("cyberner: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputs(" (see --help)\n", stderr);
  va_end(ap);
  return 2;
}

static int parse_date(const char *s, int *y, int *m, int *d) {
  char tail;
  return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", y, m, d, &tail) == 3 ? 0 : -1;
}

static int parse_labels(const char *s, uint32_t *mask) {
  char *buf = xstrdup(s), *save = NULL;
  *mask = 0;
  int rc = 0;
  for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    int l = cyberner_label_from_name(tok);
    if (l < 0) {
      rc = -1;
      break;
    }
    *mask |= 1u << l;
  }
  free(buf);
  return rc || !*mask ? -1 : 0;
}

static int parse_format(const char *v, bool lang_only) {
  for (int f = 0; f < (int)(sizeof format_names / sizeof *format_names); f++)
    if (strcmp(v, format_names[f]) == 0) {
      if (lang_only && f != FMT_JSONL && f != FMT_JSON && f != FMT_TEXT) return -1;
      return f;
    }
  return -1;
}

/* Options of tag and lang into j; inputs collected. Returns -1 to go on,
 * or an exit status. */
static int parse_tag_args(int argc, char **argv, job *j, const char **inputs, size_t *ninputs) {
  bool only_files = false;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (only_files || a[0] != '-' || !a[1]) {
      inputs[(*ninputs)++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_files = true;
      continue;
    }
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      (j->lang_only ? usage_lang : usage_tag)(stdout);
      return 0;
    }
    if (strcmp(a, "--strict-utf8") == 0) {
      cyberner_options_set_strict_utf8(j->opts, 1);
      continue;
    }
    if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
      j->quiet = true;
      continue;
    }
    /* the options below take a value: "--opt VALUE" or "--opt=VALUE" */
    char name[64];
    const char *v = NULL, *eq = strchr(a, '=');
    if (eq && a[1] == '-' && (size_t)(eq - a) < sizeof name) {
      memcpy(name, a, (size_t)(eq - a));
      name[eq - a] = '\0';
      v = eq + 1;
    } else {
      snprintf(name, sizeof name, "%s", a);
      if (i + 1 < argc) v = argv[++i];
    }
    bool known = strcmp(name, "--input-format") == 0 || strcmp(name, "--format") == 0 || strcmp(name, "--lang") == 0 ||
                 strcmp(name, "--ref-date") == 0 || strcmp(name, "--labels") == 0 ||
                 strcmp(name, "--min-score") == 0 || strcmp(name, "--dict") == 0 ||
                 strcmp(name, "--base-dict") == 0 || strcmp(name, "--jobs") == 0 || strcmp(name, "-j") == 0 ||
                 strcmp(name, "--out-dir") == 0;
    if (!known) return usage_error("unknown option '%s'", a);
    if (!v) return usage_error("%s needs a value", name);
    if (strcmp(name, "--input-format") == 0) {
      if (strcmp(v, "jsonl") && strcmp(v, "text")) return usage_error("--input-format is text or jsonl, not '%s'", v);
      j->jsonl_in = strcmp(v, "jsonl") == 0;
    } else if (strcmp(name, "--format") == 0) {
      j->format = parse_format(v, j->lang_only);
      if (j->format < 0)
        return usage_error("--format is %s, not '%s'",
                           j->lang_only ? "text, jsonl or json" : "jsonl, json, conll, brat, html or text", v);
    } else if (strcmp(name, "--lang") == 0) {
      int l = cyberner_lang_from_name(v);
      if (l != CYBERNER_LANG_AUTO && l != CYBERNER_LANG_FR && l != CYBERNER_LANG_EN)
        return usage_error("--lang is auto, fr or en, not '%s'", v);
      cyberner_options_set_lang(j->opts, l);
    } else if (strcmp(name, "--ref-date") == 0) {
      int y, m, d;
      if (parse_date(v, &y, &m, &d) || cyberner_options_set_ref_date(j->opts, y, m, d))
        return usage_error("--ref-date wants a real date as YYYY-MM-DD, not '%s'", v);
    } else if (strcmp(name, "--labels") == 0) {
      uint32_t mask;
      if (parse_labels(v, &mask)) return usage_error("--labels: unknown label in '%s'", v);
      cyberner_options_set_labels(j->opts, mask);
    } else if (strcmp(name, "--min-score") == 0) {
      char *end;
      double x = strtod(v, &end);
      if (!*v || *end || cyberner_options_set_min_score(j->opts, x))
        return usage_error("--min-score wants a number from 0 to 1, not '%s'", v);
    } else if (strcmp(name, "--dict") == 0) {
      j->extra = v;
    } else if (strcmp(name, "--base-dict") == 0) {
      j->dict = v;
    } else if (strcmp(name, "--jobs") == 0 || strcmp(name, "-j") == 0) {
      char *end;
      long n = strtol(v, &end, 10);
      if (!*v || *end || n < 1 || n > 256) return usage_error("--jobs wants a number from 1 to 256, not '%s'", v);
      j->jobs = (int)n;
    } else if (strcmp(name, "--out-dir") == 0) {
      j->out_dir = v;
    }
  }
  if (j->out_dir && (j->lang_only || j->format != FMT_BRAT)) return usage_error("--out-dir goes with --format brat");
  return -1;
}

static void free_docs(doclist *l) {
  for (size_t i = 0; i < l->n; i++) {
    doc *d = &l->d[i];
    free(d->id_json);
    free(d->name);
    free(d->where);
    free(d->error);
    free(d->text);
    free(d->out);
  }
  free(l->d);
}

/* cyberner tag / cyberner lang. */
static int cmd_tag(int argc, char **argv, bool lang_only) {
  job j = {0};
  j.jobs = 1;
  j.lang_only = lang_only;
  j.format = lang_only ? FMT_TEXT : FMT_JSONL;
  j.opts = cyberner_options_new();
  const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
  if (!j.opts || !inputs) die_oom();
  size_t ninputs = 0;
  int rc = parse_tag_args(argc, argv, &j, inputs, &ninputs);
  if (rc >= 0) {
    free(inputs);
    cyberner_options_free(j.opts);
    return rc;
  }
  if (!ninputs) inputs[ninputs++] = "-";
  if (j.out_dir && make_dirs(j.out_dir)) {
    fprintf(stderr, "cyberner: cannot create %s: %s\n", j.out_dir, strerror(errno));
    free(inputs);
    cyberner_options_free(j.opts);
    return 1;
  }
  cyberner_error *err = NULL;
  cyberner_model *m = cyberner_model_new(j.dict, j.extra, &err);
  if (!m) {
    fprintf(stderr, "cyberner: cannot build the model: %s\n", cyberner_error_message(err));
    cyberner_error_free(err);
    free(inputs);
    cyberner_options_free(j.opts);
    return 1;
  }
  j.model = m;
  doclist docs = {0};
  for (size_t i = 0; i < ninputs; i++) add_input(&docs, inputs[i], j.jsonl_in);
  j.several = docs.n != 1;
  if (j.out_dir) unique_names(&docs);
  int failed = run_docs(&j, &docs);
  free_docs(&docs);
  free(inputs);
  cyberner_model_free(m);
  cyberner_options_free(j.opts);
  return failed ? 1 : 0;
}

/* cyberner dict check|stats [DIR]. */
static int cmd_dict(int argc, char **argv) {
  if (argc < 1) return usage_dict(stderr), 2;
  if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) return usage_dict(stdout), 0;
  if (strcmp(argv[0], "check") && strcmp(argv[0], "stats"))
    return usage_error("dict: unknown command '%s', want check or stats", argv[0]);
  bool check = strcmp(argv[0], "check") == 0;
  const char *dir = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return usage_dict(stdout), 0;
    if (argv[i][0] == '-' && argv[i][1]) return usage_error("unknown option '%s'", argv[i]);
    if (dir) return usage_error("dict %s takes one folder", argv[0]);
    dir = argv[i];
  }
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
    if (check)
      printf("%s: %s\n", cyberner_dict_report_is_error(r, i) ? "error" : "warning", cyberner_dict_report_message(r, i));
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
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 || strcmp(cmd, "version") == 0) {
    printf("cyberner %s\n", cyberner_version());
    return 0;
  }
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    usage_main(stdout);
    return 0;
  }
  if (strcmp(cmd, "tag") == 0) return cmd_tag(argc - 2, argv + 2, false);
  if (strcmp(cmd, "lang") == 0) return cmd_tag(argc - 2, argv + 2, true);
  if (strcmp(cmd, "dict") == 0) return cmd_dict(argc - 2, argv + 2);
  fprintf(stderr, "cyberner: unknown command '%s'\n", cmd);
  usage_main(stderr);
  return 2;
}
