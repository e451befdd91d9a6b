/* Dictionary folders: reading the files, parsing and validating gazetteer
 * lines. Nothing here depends on ICU; aliases are compiled in gazetteer.c. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

/* Generated at build time from dict/ (tools/embed_dict.py). */
typedef struct {
  const char *name;
  const char *data;
  size_t len;
} cyb__embedded_file;
extern const cyb__embedded_file cyb__embedded_dict[];
extern const size_t cyb__embedded_dict_count;

#define CYB_DICT_FORMAT "cyberner-dict 1"

/* short= value: lower-case words without accents, or several such forms,
 * each maybe with its language, joined by commas (en:parliament,fr:parlement:
 * one body's short form in each language, rules.c cyb__rules_learn). */
static bool valid_short_forms(const char *v, size_t vl) {
  for (size_t a = 0; a <= vl;) {
    size_t z = a;
    while (z < vl && v[z] != ',') z++;
    size_t s = a + 3 <= z && (memcmp(v + a, "en:", 3) == 0 || memcmp(v + a, "fr:", 3) == 0) ? a + 3 : a;
    if (z == s || z - s >= 48 || v[s] == ' ' || v[z - 1] == ' ') return false;
    for (size_t k = s; k < z; k++)
      if (!((v[k] >= 'a' && v[k] <= 'z') || v[k] == ' ')) return false;
    a = z + 1;
  }
  return true;
}

static int files_add(cyb__files *fs, const char *name, const char *display, const char *data,
                     size_t len, char *owned) {
  if (cyb__grow((void **)&fs->f, &fs->cap, fs->n + 1, sizeof *fs->f)) return CYBERNER_ENOMEM;
  cyb__file *f = &fs->f[fs->n];
  f->name = cyb__strndup(name, strlen(name));
  f->display = cyb__strndup(display, strlen(display));
  if (!f->name || !f->display) {
    free(f->name);
    free(f->display);
    return CYBERNER_ENOMEM;
  }
  f->data = data;
  f->len = len;
  f->owned = owned;
  fs->n++;
  return 0;
}

int cyb__files_embedded(cyb__files *out, cyberner_error **err) {
  for (size_t i = 0; i < cyb__embedded_dict_count; i++) {
    const cyb__embedded_file *e = &cyb__embedded_dict[i];
    char display[512];
    snprintf(display, sizeof display, "dict/%s", e->name);
    if (files_add(out, e->name, display, e->data, e->len, NULL))
      return cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory");
  }
  return 0;
}

static int read_file(const char *path, char **data, size_t *len) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return -1;
  cyb__buf b = {0};
  char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0) {
    if (cyb__buf_append(&b, chunk, k)) {
      fclose(fp);
      cyb__buf_free(&b);
      return CYBERNER_ENOMEM;
    }
  }
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    cyb__buf_free(&b);
    return -1;
  }
  if (!b.data && cyb__buf_append(&b, "", 0)) return CYBERNER_ENOMEM;
  *data = b.data;
  *len = b.len;
  return 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Read the files of dir/sub ending in suffix, in name order. */
static int read_subdir(const char *dir, const char *sub, const char *suffix, cyb__files *out,
                       cyberner_error **err) {
  char path[4096];
  snprintf(path, sizeof path, "%s%s%s", dir, *sub ? "/" : "", sub);
  DIR *d = opendir(path);
  if (!d) {
    if (!*sub) return cyb__fail(err, CYBERNER_EIO, path, 0, -1, "cannot open folder: %s", strerror(errno));
    return 0; /* optional sub-folder */
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  int rc = 0;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.' || !has_suffix(de->d_name, suffix)) continue;
    if (cyb__grow((void **)&names, &cap, n + 1, sizeof *names) ||
        !(names[n] = cyb__strndup(de->d_name, strlen(de->d_name)))) {
      rc = CYBERNER_ENOMEM;
      break;
    }
    n++;
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, cmp_str);
  for (size_t i = 0; i < n && rc == 0; i++) {
    char full[4096], rel[1024];
    int fl = snprintf(full, sizeof full, "%s/%s", path, names[i]);
    int rl = snprintf(rel, sizeof rel, "%s%s%s", sub, *sub ? "/" : "", names[i]);
    if (fl < 0 || rl < 0 || (size_t)fl >= sizeof full || (size_t)rl >= sizeof rel) {
      rc = cyb__fail(err, CYBERNER_EIO, path, 0, -1, "file name too long: %.80s...", names[i]);
      break;
    }
    struct stat st;
    if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) continue;
    char *data = NULL;
    size_t len = 0;
    int r = read_file(full, &data, &len);
    if (r == CYBERNER_ENOMEM) {
      rc = cyb__fail(err, CYBERNER_ENOMEM, full, 0, -1, "out of memory reading the file");
    } else if (r) {
      rc = cyb__fail(err, CYBERNER_EIO, full, 0, -1, "cannot read: %s", strerror(errno));
    } else if (files_add(out, rel, full, data, len, data)) {
      free(data);
      rc = cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory");
    }
  }
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return rc;
}

int cyb__files_read_dir(const char *dir, cyb__files *out, cyberner_error **err) {
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    return cyb__fail(err, CYBERNER_EIO, dir, 0, -1, "not a readable folder");
  int rc;
  if ((rc = read_subdir(dir, "", ".tsv", out, err))) return rc;
  if ((rc = read_subdir(dir, "", "VERSION", out, err))) return rc;
  if ((rc = read_subdir(dir, "rules", ".txt", out, err))) return rc;
  if ((rc = read_subdir(dir, "names", ".txt", out, err))) return rc;
  if ((rc = read_subdir(dir, "langid", ".tsv", out, err))) return rc;
  return 0;
}

const cyb__file *cyb__files_find(const cyb__files *fs, const char *name) {
  for (size_t i = 0; i < fs->n; i++)
    if (strcmp(fs->f[i].name, name) == 0) return &fs->f[i];
  return NULL;
}

const cyb__file *cyb__files_pick(const cyb__files *base, const cyb__files *extra, const char *name) {
  const cyb__file *f = extra ? cyb__files_find(extra, name) : NULL;
  return f ? f : cyb__files_find(base, name);
}

void cyb__files_free(cyb__files *fs) {
  for (size_t i = 0; i < fs->n; i++) {
    free(fs->f[i].name);
    free(fs->f[i].display);
    free(fs->f[i].owned);
  }
  free(fs->f);
  memset(fs, 0, sizeof *fs);
}

int cyb__check_version(const cyb__files *fs, cyb__diag *diag) {
  const cyb__file *v = cyb__files_find(fs, "VERSION");
  if (!v) return 0; /* an extra folder may leave it out */
  size_t n = v->len;
  while (n && (v->data[n - 1] == '\n' || v->data[n - 1] == '\r' || v->data[n - 1] == ' ')) n--;
  if (n != strlen(CYB_DICT_FORMAT) || memcmp(v->data, CYB_DICT_FORMAT, n) != 0) {
    cyb__diag_add(diag, 1, v->display, 1, "unsupported dictionary format '%.*s' (this library reads '%s')",
                  (int)(n > 60 ? 60 : n), v->data, CYB_DICT_FORMAT);
    return CYBERNER_EVERSION;
  }
  return 0;
}

/* ---- gazetteer lines --------------------------------------------------- */

static const uint8_t GAZ_LABELS[] = {CYBERNER_COUNTRY, CYBERNER_LOCATION, CYBERNER_NATIONALITY,
                                     CYBERNER_AGENCY, CYBERNER_ORGANIZATION, CYBERNER_PERSON,
                                     CYBERNER_EVENT, CYBERNER_THREAT_ACTOR};

static bool gazetteer_label(int label) {
  if (label == CYB_NOT_ENTITY) return true;
  for (size_t i = 0; i < sizeof GAZ_LABELS; i++)
    if (GAZ_LABELS[i] == label) return true;
  return false;
}

static bool valid_id(int label, const char *s, size_t n) {
  if (n == 0 || n > 128) return false;
  if (label == CYBERNER_COUNTRY || label == CYBERNER_NATIONALITY)
    return n == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '-' || c == ':' || c == '.' || c == '_'));
    if (!ok) return false;
  }
  return true;
}

/* "JP", "FR+JP": ISO codes joined by '+'. */
static bool valid_country_list(const char *s, size_t n) {
  if (n < 2) return false;
  for (size_t i = 0; i < n; i += 3) {
    if (i + 2 > n || s[i] < 'A' || s[i] > 'Z' || s[i + 1] < 'A' || s[i + 1] > 'Z') return false;
    if (i + 2 < n && s[i + 2] != '+') return false;
  }
  return true;
}

static const char *intern_file(cyb__dictset *ds, const char *display) {
  for (size_t i = 0; i < ds->nfiles; i++)
    if (strcmp(ds->file_names[i], display) == 0) return ds->file_names[i];
  if (cyb__grow((void **)&ds->file_names, &ds->files_cap, ds->nfiles + 1, sizeof(char *))) return NULL;
  char *c = cyb__strndup(display, strlen(display));
  if (!c) return NULL;
  ds->file_names[ds->nfiles++] = c;
  return c;
}

typedef struct {
  const char *s;
  size_t n;
} span;

static size_t split(const char *s, size_t n, char sep, span *out, size_t max) {
  size_t k = 0, b = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || s[i] == sep) {
      if (k < max) out[k] = (span){s + b, i - b};
      k++;
      b = i + 1;
    }
  }
  return k;
}

static span trim(span x) {
  while (x.n && (x.s[0] == ' ')) x.s++, x.n--;
  while (x.n && (x.s[x.n - 1] == ' ' || x.s[x.n - 1] == '\r')) x.n--;
  return x;
}

/* Index of a live entry with this label and id, or -1. Linear probing over a
 * small hash built per load keeps this O(1). */
typedef struct {
  uint64_t *keys;
  uint32_t *vals;
  size_t cap;
} idmap;

static uint64_t id_key(int label, const char *id) {
  uint64_t h = cyb__hash(id, strlen(id));
  return (h * 31 + (uint64_t)label) | 1;
}

static int idmap_build(idmap *m, size_t n) {
  free(m->keys);
  free(m->vals);
  m->cap = 64;
  while (m->cap < n * 2 + 64) m->cap *= 2;
  m->keys = calloc(m->cap, sizeof *m->keys);
  m->vals = calloc(m->cap, sizeof *m->vals);
  return m->keys && m->vals ? 0 : CYBERNER_ENOMEM;
}

/* Slot of (label, id): the one holding it, or the empty one where it goes. */
static size_t idmap_slot(const idmap *m, const cyb__dictset *ds, int label, const char *id) {
  uint64_t k = id_key(label, id);
  size_t i = k & (m->cap - 1);
  for (; m->keys[i]; i = (i + 1) & (m->cap - 1)) {
    const cyb__entry *e = &ds->e[m->vals[i]];
    if (m->keys[i] == k && e->label == label && strcmp(e->id, id) == 0) break;
  }
  return i;
}

static long idmap_get(const idmap *m, const cyb__dictset *ds, int label, const char *id) {
  size_t i = idmap_slot(m, ds, label, id);
  return m->keys[i] ? (long)m->vals[i] : -1;
}

static void idmap_put(idmap *m, const cyb__dictset *ds, int label, const char *id, uint32_t v) {
  size_t i = idmap_slot(m, ds, label, id);
  m->keys[i] = id_key(label, id);
  m->vals[i] = v;
}

static int idmap_fill(idmap *m, const cyb__dictset *ds) {
  if (idmap_build(m, ds->n + 1024)) return CYBERNER_ENOMEM;
  for (size_t j = 0; j < ds->n; j++)
    if (!ds->e[j].dead) idmap_put(m, ds, ds->e[j].label, ds->e[j].id, (uint32_t)j);
  return 0;
}

static void entry_free(cyb__entry *e) {
  free(e->id);
  free(e->name);
  free(e->country);
  free(e->combining);
  free(e->aliases);
  free(e->within);
  free(e->committee);
  free(e->short_form);
}

/* An attribute's text value, replacing an earlier one of the line. */
static void set_value(char **field, const char *v, size_t vl) {
  free(*field);
  *field = cyb__strndup(v, vl);
}

/* An attribute's value the line cannot have: reported at file:line, the
 * entry dropped (the line's error), 0 for the caller to return. */
static int bad_value(cyb__diag *diag, const char *file, size_t lineno, const char *what, const char *v, size_t vl,
                     const char *expected, cyb__entry *e) {
  cyb__diag_add(diag, 1, file, lineno, "bad %s '%.*s': expected %s", what, (int)(vl > 40 ? 40 : vl), v, expected);
  entry_free(e);
  return 0;
}

/* Parse one line into ds; problems go to diag. Returns ENOMEM or 0. */
static int parse_line(cyb__dictset *ds, const char *file, size_t lineno, const char *s, size_t n,
                      cyb__diag *diag, idmap *ids, size_t first_of_this_load) {
  span col[8];
  size_t ncol = split(s, n, '\t', col, 8);
  if (ncol < 3 || ncol > 5) {
    cyb__diag_add(diag, 1, file, lineno,
                  "expected 3 to 5 tab-separated columns (id, label, name, aliases, attributes), found %zu", ncol);
    return 0;
  }
  for (size_t i = 0; i < ncol; i++) col[i] = trim(col[i]);
  char labelname[32];
  snprintf(labelname, sizeof labelname, "%.*s", (int)(col[1].n > 31 ? 31 : col[1].n), col[1].s);
  int label = strcmp(labelname, "NOT_ENTITY") == 0 ? CYB_NOT_ENTITY : cyberner_label_from_name(labelname);
  if (label < 0 || !gazetteer_label(label)) {
    cyb__diag_add(diag, 1, file, lineno, "unknown label '%.*s'", (int)(col[1].n > 40 ? 40 : col[1].n), col[1].s);
    return 0;
  }
  if (!valid_id(label, col[0].s, col[0].n)) {
    cyb__diag_add(diag, 1, file, lineno,
                  label == CYBERNER_COUNTRY || label == CYBERNER_NATIONALITY
                      ? "bad id '%.*s': %s ids are ISO 3166-1 alpha-2 codes in upper case"
                      : "bad id '%.*s': %s ids use a-z, 0-9 and - (see dict/README.md)",
                  (int)(col[0].n > 40 ? 40 : col[0].n), col[0].s, labelname);
    return 0;
  }
  if (col[2].n == 0) {
    cyb__diag_add(diag, 1, file, lineno, "empty name");
    return 0;
  }
  /* aliases: none may be empty */
  if (ncol >= 4 && col[3].n) {
    span al[1];
    size_t na = split(col[3].s, col[3].n, '|', al, 0);
    size_t b = 0, k = 0;
    for (size_t i = 0; i <= col[3].n; i++) {
      if (i == col[3].n || col[3].s[i] == '|') {
        span a = trim((span){col[3].s + b, i - b});
        const char *p = a.s;
        size_t m = a.n;
        if (m >= 3 && (memcmp(p, "fr:", 3) == 0 || memcmp(p, "en:", 3) == 0)) p += 3, m -= 3;
        if (m && *p == '=') p++, m--;
        k++;
        if (m == 0) {
          cyb__diag_add(diag, 1, file, lineno, "empty alias (number %zu of %zu)", k, na);
          return 0;
        }
        b = i + 1;
      }
    }
  }
  cyb__entry e = {0};
  e.label = (uint8_t)label;
  e.line = (uint32_t)lineno;
  e.file = intern_file(ds, file);
  e.id = cyb__strndup(col[0].s, col[0].n);
  e.name = cyb__strndup(col[2].s, col[2].n);
  e.aliases = cyb__strndup(ncol >= 4 ? col[3].s : "", ncol >= 4 ? col[3].n : 0);
  if (!e.file || !e.id || !e.name || !e.aliases) {
    entry_free(&e);
    return CYBERNER_ENOMEM;
  }
  if (ncol == 5 && col[4].n) {
    span kv[64];
    size_t nkv = split(col[4].s, col[4].n, ';', kv, 64);
    for (size_t i = 0; i < nkv && i < 64; i++) {
      span x = trim(kv[i]);
      if (!x.n) continue;
      const char *eq = memchr(x.s, '=', x.n);
      if (!eq || eq == x.s) {
        cyb__diag_add(diag, 1, file, lineno, "bad attribute '%.*s': expected key=value", (int)(x.n > 40 ? 40 : x.n), x.s);
        entry_free(&e);
        return 0;
      }
      size_t kl = (size_t)(eq - x.s);
      const char *v = eq + 1;
      size_t vl = x.n - kl - 1;
      if (kl == 7 && memcmp(x.s, "country", 7) == 0) {
        if (!valid_country_list(v, vl))
          return bad_value(diag, file, lineno, "country", v, vl, "ISO codes like JP or FR+JP", &e);
        set_value(&e.country, v, vl);
      } else if (kl == 9 && memcmp(x.s, "combining", 9) == 0) {
        set_value(&e.combining, v, vl);
      } else if (kl == 6 && memcmp(x.s, "within", 6) == 0) {
        set_value(&e.within, v, vl);
      } else if (kl == 5 && memcmp(x.s, "short", 5) == 0) {
        if (!valid_short_forms(v, vl))
          return bad_value(diag, file, lineno, "short form", v, vl, "lower-case words without accents", &e);
        set_value(&e.short_form, v, vl);
      } else if (kl == 9 && memcmp(x.s, "committee", 9) == 0) {
        set_value(&e.committee, v, vl);
      } else if (kl == 7 && memcmp(x.s, "default", 7) == 0) {
        e.shared_default = vl == 1 && v[0] == '1';
      } else if (kl == 4 && memcmp(x.s, "kind", 4) == 0) {
        static const struct {
          const char *kind;
          uint8_t place;
        } PLACE_KINDS[] = {{"city", CYB_PLACE_TOWN},          {"capital", CYB_PLACE_TOWN},
                           {"town", CYB_PLACE_TOWN},          {"village", CYB_PLACE_TOWN},
                           {"municipality", CYB_PLACE_TOWN},  {"state", CYB_PLACE_SUBDIVISION},
                           {"province", CYB_PLACE_SUBDIVISION}, {"territory", CYB_PLACE_SUBDIVISION},
                           {"canton", CYB_PLACE_SUBDIVISION}, {"prefecture", CYB_PLACE_SUBDIVISION}};
        for (size_t k = 0; k < sizeof PLACE_KINDS / sizeof *PLACE_KINDS; k++)
          if (vl == strlen(PLACE_KINDS[k].kind) && memcmp(v, PLACE_KINDS[k].kind, vl) == 0)
            e.place_kind = PLACE_KINDS[k].place;
      }
    }
  }
  if (label == CYBERNER_COUNTRY || label == CYBERNER_NATIONALITY) {
    free(e.country);
    e.country = cyb__strndup(e.id, strlen(e.id));
  }
  long prev = idmap_get(ids, ds, label, e.id);
  if (prev >= 0) {
    if ((size_t)prev >= first_of_this_load) {
      cyb__diag_add(diag, 1, file, lineno, "duplicate id '%s' for %s (first at %s:%u)", e.id, labelname,
                    ds->e[prev].file, ds->e[prev].line);
      entry_free(&e);
      return 0;
    }
    ds->e[prev].dead = 1; /* a later folder replaces the entry */
  }
  if (cyb__grow((void **)&ds->e, &ds->cap, ds->n + 1, sizeof *ds->e)) {
    entry_free(&e);
    return CYBERNER_ENOMEM;
  }
  ds->e[ds->n] = e;
  ds->n++;
  idmap_put(ids, ds, label, ds->e[ds->n - 1].id, (uint32_t)(ds->n - 1));
  return 0;
}

int cyb__dictset_load(cyb__dictset *ds, const cyb__files *fs, cyb__diag *diag) {
  size_t first = ds->n;
  idmap ids = {0};
  int rc = idmap_fill(&ids, ds);
  for (size_t fi = 0; fi < fs->n && rc == 0; fi++) {
    const cyb__file *f = &fs->f[fi];
    if (strchr(f->name, '/') || !has_suffix(f->name, ".tsv")) continue;
    size_t lineno = 0, b = 0;
    for (size_t i = 0; i <= f->len && rc == 0; i++) {
      if (i < f->len && f->data[i] != '\n') continue;
      lineno++;
      const char *s = f->data + b;
      size_t n = i - b;
      b = i + 1;
      if (n && s[n - 1] == '\r') n--;
      if (i == f->len && n == 0) break;
      size_t bad = cyb__utf8_check(s, n);
      if (bad < n) {
        cyb__diag_add(diag, 1, f->display, lineno, "invalid UTF-8 at byte %zu of the line", bad + 1);
        continue;
      }
      size_t k = 0;
      while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
      if (k == n || s[k] == '#') continue;
      if (ds->n * 2 + 16 > ids.cap && idmap_fill(&ids, ds)) { /* keep the map sparse */
        rc = CYBERNER_ENOMEM;
        break;
      }
      rc = parse_line(ds, f->display, lineno, s, n, diag, &ids, first);
    }
  }
  /* within= names a body of the same label that the folders hold */
  if (rc == 0 && !(rc = idmap_fill(&ids, ds)))
    for (size_t i = first; i < ds->n; i++)
      if (!ds->e[i].dead && ds->e[i].within && idmap_get(&ids, ds, ds->e[i].label, ds->e[i].within) < 0)
        cyb__diag_add(diag, 1, ds->e[i].file, ds->e[i].line, "within=%s: no %s entry has that id", ds->e[i].within,
                      cyberner_label_name(ds->e[i].label));
  /* committee= names an organization or agency: its entry, looked up again
   * for the entries of earlier folders too (this one may replace it) */
  for (size_t i = 0; rc == 0 && i < ds->n; i++) {
    cyb__entry *e = &ds->e[i];
    if (e->dead || !e->committee) continue;
    long o = idmap_get(&ids, ds, CYBERNER_ORGANIZATION, e->committee);
    if (o < 0) o = idmap_get(&ids, ds, CYBERNER_AGENCY, e->committee);
    e->committee_entry = (int32_t)o;
    if (i < first) continue;
    if (o < 0)
      cyb__diag_add(diag, 1, e->file, e->line, "committee=%s: no ORGANIZATION or AGENCY entry has that id",
                    e->committee);
    else if (e->label != CYBERNER_EVENT)
      cyb__diag_add(diag, 1, e->file, e->line, "committee=%s: only an EVENT has a committee", e->committee);
  }
  free(ids.keys);
  free(ids.vals);
  return rc;
}

void cyb__dictset_free(cyb__dictset *ds) {
  for (size_t i = 0; i < ds->n; i++) entry_free(&ds->e[i]);
  free(ds->e);
  for (size_t i = 0; i < ds->nfiles; i++) free(ds->file_names[i]);
  free(ds->file_names);
  memset(ds, 0, sizeof *ds);
}

int cyb__file_each_line(const cyb__file *f, cyb__line_fn fn, void *ctx) {
  size_t lineno = 0;
  for (size_t b = 0; b < f->len;) {
    size_t e = b;
    while (e < f->len && f->data[e] != '\n') e++;
    lineno++;
    char line[1024];
    size_t n = e - b < sizeof line - 1 ? e - b : sizeof line - 1;
    memcpy(line, f->data + b, n);
    while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t')) n--;
    line[n] = '\0';
    b = e + 1;
    size_t k = 0;
    while (k < n && (line[k] == ' ' || line[k] == '\t')) k++;
    if (k == n || line[k] == '#') continue;
    int rc = fn(ctx, f, line + k, n - k, lineno);
    if (rc) return rc;
  }
  return 0;
}

bool cyb__columns(char *line, char **col, int want) {
  char *p = line;
  for (int k = 0; k < want - 1; k++) {
    char *tab = strchr(p, '\t');
    if (!tab) return false;
    col[k] = p;
    *tab = '\0';
    p = tab + 1;
  }
  col[want - 1] = p;
  return !strchr(p, '\t');
}
