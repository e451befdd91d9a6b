/* Gazetteer matching: every alias is normalized and tokenized exactly like
 * the text, its tokens are interned in a vocabulary, and the token-id
 * sequences form a trie whose edges live in one hash table keyed by
 * (parent node, token id). Matching costs one vocabulary probe per text
 * token plus one edge probe per step, whatever the number of aliases. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>

#include "internal.h"

#define MAX_ALIAS_TOKENS 48
#define COMPOUND_PARTS 6 /* at most, in UK-NL-FR or SEOUL/WASHINGTON */

typedef struct {
  uint32_t entry;
  uint32_t node;
  uint32_t mask; /* offset in the mask pool (case-sensitive aliases) */
  uint16_t masklen;
  uint8_t lang;  /* 0 any, CYBERNER_LANG_FR, CYBERNER_LANG_EN */
  uint8_t cs;    /* case-sensitive */
  uint8_t cap;   /* the alias starts with a capital: so must the text */
  uint8_t word;  /* written with '=': a common word, not when a capitalized word follows (Royal Mail) */
  uint8_t body_cap; /* a state body written with a capital: text in lower case is a description after
                       un/une/a/an, and in English unless a country or nationality says whose
                       ("the national police") */
  uint8_t title_end; /* a state body of two words or more whose last word has a capital (Romanian
                        Police): in English, "Romanian police" describes, it does not name */
  uint8_t lower_name; /* an AGENCY whose own name has no capital (armasuisse): lower case by itself */
  uint8_t en_cap; /* a NATIONALITY written with a capital (Polish): matched in lower case for French
                     text, but English writes its adjectives with one ("to polish phishing lures") */
} galias;

typedef struct {
  uint32_t alias_begin, alias_n;
} gnode;

/* Vocabulary slots are 8 bytes (a 32-bit tag of the hash and the id) so
 * that the table stays in cache whatever the dictionary size; the text of
 * each word is checked through its id. */
typedef struct {
  uint32_t tag; /* (hash >> 32) | 1; 0 = empty slot */
  uint32_t vid;
} vslot;

typedef struct {
  uint32_t off, len; /* in vstr */
} vword;

typedef struct {
  uint64_t key; /* (parent << 32 | vid) + 1; 0 = empty */
  uint32_t child;
} eslot;

struct cyb__gazetteer {
  cyb__entry *e;
  size_t ne;
  char **file_names; /* the entries' file fields point here */
  size_t nfiles;
  size_t count[CYB_NLABELS];
  size_t ambiguities;
  /* vocabulary */
  vslot *vs;
  size_t vcap, nvocab;
  vword *vw; /* per vid */
  size_t vw_cap;
  cyb__buf vstr;
  int32_t *combining; /* per vid: NATIONALITY entry whose combining form it is, or -1 */
  int32_t country_by_code[26 * 26]; /* COUNTRY entry of each ISO code, or -1 */
  int32_t *city_of; /* per entry: the city named after that country or region (Luxembourg City,
                       Quebec City), or -1 */
  int8_t *single;     /* per vid: label of a single-token alias, or -1 */
  /* trie */
  gnode *nodes;
  size_t nnodes, nodes_cap;
  eslot *es;
  size_t ecap, nedges;
  uint32_t *root; /* per vid (of the aliases' words): child of the root, UINT32_MAX when none;
                     an array, not the edge table, for the first step from every token */
  size_t nroot;
  uint8_t *inner; /* per vid (same range): 1 when the word is the second or a later word of
                     some alias; the others end a match without a probe of the edge table */
  uint8_t *word_kind; /* per vid: CYB_WORD_* the rules marked at compilation (summit: meeting, chef: role) */
  size_t nword_kind;
  uint32_t ransomware; /* vid of "ransomware": the kind of a threat actor's name, not part of it */
  uint32_t state_word; /* vid of "state": "Washington State" after a town (state_after_town) */
  galias *al;
  size_t nal, al_cap;
  unsigned char *masks;
  size_t nmasks, masks_cap;
  cyb__series *series; /* meetings named after two parties, by the key of their series words */
  size_t nseries;
  /* the AGENCY entries of one country each, by its slot (agency_first[slot]
   * to agency_first[slot + 1] in agency_entry), with their names
   * normalized: agency_names + agency_name_off[i], each name ending in a
   * NUL, the last one followed by another (cyb__gazetteer_agency_opening) */
  uint32_t agency_first[26 * 26 + 1];
  uint32_t *agency_entry, *agency_name_off;
  cyb__buf agency_names;
};

/* ---- candidates -------------------------------------------------------- */

cyb__cand *cyb__cand_push(cyb__cands *cs, uint32_t ns, uint32_t ne, uint32_t tb, uint32_t te, int label,
                          int source, float score) {
  if (cyb__grow((void **)&cs->c, &cs->cap, cs->n + 1, sizeof *cs->c)) return NULL;
  cyb__cand *c = &cs->c[cs->n++];
  memset(c, 0, sizeof *c);
  c->ns = ns;
  c->ne = ne;
  c->tb = tb;
  c->te = te;
  c->label = (uint8_t)label;
  c->source = (uint8_t)source;
  c->entry = -1;
  c->id = -1;
  c->value = -1;
  c->score = score;
  return c;
}

int32_t cyb__cand_string(cyb__cands *cs, const char *s, size_t n) {
  size_t off = cs->strings.len;
  if (off > INT32_MAX - n - 1) return -1;
  /* the string and its NUL in one step (room for the buffer's own NUL after them too) */
  if (cyb__buf_reserve(&cs->strings, n + 1)) return -1;
  if (n) memcpy(cs->strings.data + off, s, n);
  cs->strings.data[off + n] = '\0';
  cs->strings.len = off + n + 1;
  cs->strings.data[cs->strings.len] = '\0';
  return (int32_t)off;
}

void cyb__cands_free(cyb__cands *cs) {
  free(cs->c);
  free(cs->alts);
  cyb__buf_free(&cs->strings);
  memset(cs, 0, sizeof *cs);
}

/* ---- vocabulary -------------------------------------------------------- */

static uint32_t vtag(uint64_t h) { return (uint32_t)(h >> 32) | 1u; }

static uint32_t vocab_find_h(const cyb__gazetteer *g, uint64_t h, const char *s, size_t n) {
  if (!g->vcap) return CYB_NO_VID;
  uint32_t tag = vtag(h);
  for (size_t i = (tag >> 1) & (g->vcap - 1);; i = (i + 1) & (g->vcap - 1)) {
    const vslot *v = &g->vs[i];
    if (!v->tag) return CYB_NO_VID;
    if (v->tag != tag) continue;
    const vword *w = &g->vw[v->vid];
    if (w->len == n && cyb__bytes_eq(g->vstr.data + w->off, s, n)) return v->vid;
  }
}

static uint32_t vocab_find(const cyb__gazetteer *g, const char *s, size_t n) {
  return vocab_find_h(g, cyb__hash(s, n) | 1, s, n);
}

static int vocab_grow(cyb__gazetteer *g) {
  size_t cap = g->vcap ? g->vcap * 2 : 4096;
  vslot *vs = calloc(cap, sizeof *vs);
  if (!vs) return CYBERNER_ENOMEM;
  for (size_t i = 0; i < g->vcap; i++) {
    if (!g->vs[i].tag) continue;
    size_t j = (g->vs[i].tag >> 1) & (cap - 1);
    while (vs[j].tag) j = (j + 1) & (cap - 1);
    vs[j] = g->vs[i];
  }
  free(g->vs);
  g->vs = vs;
  g->vcap = cap;
  return 0;
}

static uint32_t vocab_intern(cyb__gazetteer *g, const char *s, size_t n) {
  uint32_t v = vocab_find(g, s, n);
  if (v != CYB_NO_VID) return v;
  if ((g->nvocab + 1) * 2 > g->vcap && vocab_grow(g)) return CYB_NO_VID;
  uint32_t tag = vtag(cyb__hash(s, n) | 1);
  size_t i = (tag >> 1) & (g->vcap - 1);
  while (g->vs[i].tag) i = (i + 1) & (g->vcap - 1);
  size_t off = g->vstr.len;
  if (cyb__buf_append(&g->vstr, s, n) || cyb__grow((void **)&g->vw, &g->vw_cap, g->nvocab + 1, sizeof *g->vw))
    return CYB_NO_VID;
  g->vw[g->nvocab] = (vword){(uint32_t)off, (uint32_t)n};
  g->vs[i] = (vslot){tag, (uint32_t)g->nvocab};
  return (uint32_t)g->nvocab++;
}

uint32_t cyb__gazetteer_intern(cyb__gazetteer *g, const char *s, size_t n) {
  size_t before = g->nvocab;
  uint32_t v = vocab_intern(g, s, n);
  if (v == CYB_NO_VID || g->nvocab == before) return v;
  /* the per-word tables follow the vocabulary */
  int32_t *comb = realloc(g->combining, sizeof *comb * g->nvocab);
  if (comb) g->combining = comb;
  int8_t *single = realloc(g->single, sizeof *single * g->nvocab);
  if (single) g->single = single;
  if (!comb || !single) return CYB_NO_VID;
  g->combining[v] = -1;
  g->single[v] = -1;
  return v;
}

size_t cyb__gazetteer_vocab_size(const cyb__gazetteer *g) { return g->nvocab; }

int cyb__gazetteer_mark_word(cyb__gazetteer *g, uint32_t vid, unsigned kind) {
  if (vid >= g->nword_kind) {
    size_t cap = g->nword_kind;
    if (cyb__grow((void **)&g->word_kind, &cap, (size_t)vid + 1, 1)) return CYBERNER_ENOMEM;
    memset(g->word_kind + g->nword_kind, 0, cap - g->nword_kind);
    g->nword_kind = cap;
  }
  g->word_kind[vid] |= (uint8_t)kind;
  return 0;
}

static bool word_is(const cyb__gazetteer *g, uint32_t vid, unsigned kind) {
  return vid < g->nword_kind && (g->word_kind[vid] & kind);
}

uint32_t cyb__gazetteer_vid(const cyb__gazetteer *g, const char *s, size_t n) {
  return vocab_find(g, s, n);
}

/* ---- trie edges -------------------------------------------------------- */

static uint64_t edge_key(uint32_t parent, uint32_t vid) {
  return (((uint64_t)parent << 32) | vid) + 1;
}

/* First slot of an edge in a table of cap slots. The parent (the key's high
 * half) is mixed into the low bits too: the edges of a common inner word
 * (de, of, la), one per parent, must not crowd into a few runs of slots
 * that every failed lookup of that word then walks. */
static size_t edge_slot(uint64_t k, size_t cap) {
  uint64_t h = k * 0x9E3779B97F4A7C15ull;
  return (size_t)(h ^ (h >> 32)) & (cap - 1);
}

static uint32_t edge_find(const cyb__gazetteer *g, uint32_t parent, uint32_t vid) {
  uint64_t k = edge_key(parent, vid);
  for (size_t i = edge_slot(k, g->ecap);; i = (i + 1) & (g->ecap - 1)) {
    if (!g->es[i].key) return UINT32_MAX;
    if (g->es[i].key == k) return g->es[i].child;
  }
}

static int edge_grow(cyb__gazetteer *g) {
  size_t cap = g->ecap ? g->ecap * 2 : 8192;
  eslot *es = calloc(cap, sizeof *es);
  if (!es) return CYBERNER_ENOMEM;
  for (size_t i = 0; i < g->ecap; i++) {
    if (!g->es[i].key) continue;
    size_t j = edge_slot(g->es[i].key, cap);
    while (es[j].key) j = (j + 1) & (cap - 1);
    es[j] = g->es[i];
  }
  free(g->es);
  g->es = es;
  g->ecap = cap;
  return 0;
}

static uint32_t new_node(cyb__gazetteer *g) {
  if (cyb__grow((void **)&g->nodes, &g->nodes_cap, g->nnodes + 1, sizeof *g->nodes)) return UINT32_MAX;
  g->nodes[g->nnodes] = (gnode){0, 0};
  return (uint32_t)g->nnodes++;
}

static uint32_t edge_add(cyb__gazetteer *g, uint32_t parent, uint32_t vid) {
  uint32_t c = edge_find(g, parent, vid);
  if (c != UINT32_MAX) return c;
  if ((g->nedges + 1) * 2 > g->ecap && edge_grow(g)) return UINT32_MAX;
  c = new_node(g);
  if (c == UINT32_MAX) return c;
  uint64_t k = edge_key(parent, vid);
  size_t i = edge_slot(k, g->ecap);
  while (g->es[i].key) i = (i + 1) & (g->ecap - 1);
  g->es[i] = (eslot){k, c};
  g->nedges++;
  return c;
}

/* ---- compilation ------------------------------------------------------- */

typedef struct {
  cyb__norm nm;
  cyb__tokens tt;
} scratch;

/* Is the entry's own name written without a capital (armasuisse)? Such a
 * name is lower case by itself, not a description. */
static bool lower_case_name(const cyb__entry *e) {
  size_t n = strlen(e->name);
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t k = cyb__utf8_decode((const unsigned char *)e->name + i, n - i, &cp);
    if (u_isupper((UChar32)cp)) return false;
    i += k ? k : 1;
  }
  return true;
}

/* Case-sensitive by rule: no lower-case letter and at least two capitals. */
static bool auto_case_sensitive(const char *s, size_t n) {
  size_t upper = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t k = cyb__utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (!k) k = 1;
    if (u_islower((UChar32)cp)) return false;
    if (u_isupper((UChar32)cp)) upper++;
    i += k;
  }
  return upper >= 2;
}

/* derived: a spelling the compiler made from an alias (British, '&',
 * Cyber Security), dropped silently where the alias itself would be
 * reported (too many words): the user never wrote it. */
static int add_alias(cyb__gazetteer *g, const cyb__fold *f, scratch *sc, uint32_t entry, const char *s,
                     size_t n, bool derived, cyb__diag *diag) {
  const cyb__entry *e = &g->e[entry];
  uint8_t lang = 0, cs = 0;
  if (n >= 3 && memcmp(s, "fr:", 3) == 0) lang = CYBERNER_LANG_FR, s += 3, n -= 3;
  else if (n >= 3 && memcmp(s, "en:", 3) == 0) lang = CYBERNER_LANG_EN, s += 3, n -= 3;
  uint8_t word = 0;
  if (n && *s == '=') cs = 1, word = 1, s++, n--;
  while (n && *s == ' ') s++, n--;
  while (n && s[n - 1] == ' ') n--;
  if (!n) return 0; /* reported by the loader */
  if (auto_case_sensitive(s, n)) cs = 1;
  if (cyb__normalize(f, s, n, &sc->nm) || cyb__tokenize(&sc->nm, &sc->tt)) return CYBERNER_ENOMEM;
  if (sc->tt.ntok == 0 || sc->tt.ntok > MAX_ALIAS_TOKENS) {
    if (derived) return 0;
    cyb__diag_add(diag, 1, e->file, e->line, "alias '%.*s' has %s", (int)(n > 60 ? 60 : n), s,
                  sc->tt.ntok ? "too many words" : "no word");
    return 0;
  }
  uint32_t node = 0;
  for (size_t k = 0; k < sc->tt.ntok; k++) {
    const cyb__token *t = &sc->tt.tok[k];
    uint32_t vid = vocab_intern(g, sc->nm.text + t->start, t->end - t->start);
    if (vid == CYB_NO_VID) return CYBERNER_ENOMEM;
    node = edge_add(g, node, vid);
    if (node == UINT32_MAX) return CYBERNER_ENOMEM;
  }
  /* A capitalized proper name is not matched by lower-case text ("new
   * England"), except for state bodies, written either way in French
   * (ministère des Armées, bureau présidentiel) */
  bool upper = sc->nm.upper[sc->tt.tok[0].start];
  uint8_t cap = upper && e->label != CYBERNER_AGENCY && e->label != CYBERNER_NATIONALITY;
  uint8_t body_cap = upper && e->label == CYBERNER_AGENCY;
  uint8_t title_end = e->label == CYBERNER_AGENCY && sc->tt.ntok >= 2 &&
                      sc->nm.upper[sc->tt.tok[sc->tt.ntok - 1].start];
  uint8_t lower_name = e->label == CYBERNER_AGENCY && lower_case_name(e);
  uint8_t en_cap = upper && e->label == CYBERNER_NATIONALITY;
  galias a = {entry, node, 0, 0, lang, cs, cap, word, body_cap, title_end, lower_name, en_cap};
  if (cs) {
    size_t need = 0;
    for (size_t k = 0; k < sc->tt.ntok; k++) need += sc->tt.tok[k].end - sc->tt.tok[k].start;
    if (need > UINT16_MAX) need = UINT16_MAX;
    if (cyb__grow((void **)&g->masks, &g->masks_cap, g->nmasks + need, 1)) return CYBERNER_ENOMEM;
    a.mask = (uint32_t)g->nmasks;
    a.masklen = (uint16_t)need;
    for (size_t k = 0; k < sc->tt.ntok && g->nmasks - a.mask < need; k++)
      for (uint32_t b = sc->tt.tok[k].start; b < sc->tt.tok[k].end && g->nmasks - a.mask < need; b++)
        g->masks[g->nmasks++] = sc->nm.upper[b] ? 1 : 0;
  }
  if (cyb__grow((void **)&g->al, &g->al_cap, g->nal + 1, sizeof *g->al)) return CYBERNER_ENOMEM;
  g->al[g->nal++] = a;
  return 0;
}

/* The alias with '&' for each "and"/"et" between two capitalized words,
 * as bodies write their own names ("Cybersecurity & Infrastructure
 * Security Agency"); its length, 0 when there is none. Capitals are tested
 * in ASCII only: "et Échanges" keeps its "et". */
static size_t ampersand_spelling(const char *s, size_t n, char *out) {
  size_t o = 0;
  bool changed = false;
  for (size_t i = 0; i < n;) {
    size_t w = (i + 5 <= n && !memcmp(s + i, " and ", 5)) ? 5 : (i + 4 <= n && !memcmp(s + i, " et ", 4)) ? 4 : 0;
    size_t p = i; /* the first byte of the word before */
    while (w && p > 0 && s[p - 1] != ' ') p--;
    if (w && i > 0 && i + w < n && s[i + w] >= 'A' && s[i + w] <= 'Z' && s[p] >= 'A' && s[p] <= 'Z') {
      memcpy(out + o, " & ", 3);
      o += 3;
      i += w;
      changed = true;
      continue;
    }
    out[o++] = s[i++];
  }
  return changed ? o : 0;
}

/* The alias with "Cyber Security" for "Cybersecurity" or the other way
 * round, inside a longer name (National Cyber Security Centre, National
 * Cybersecurity Centre: bodies and texts write both; not at either end, where
 * the short generic names are, Cyber Security Hub); its length, 0 when none. */
static size_t cyber_spelling(const char *s, size_t n, char *out) {
  for (size_t i = 1; i + 13 < n; i++) {
    if (s[i - 1] != ' ') continue;
    size_t w = i + 14 < n && !memcmp(s + i, "Cyber Security ", 15) ? 14 : !memcmp(s + i, "Cybersecurity ", 14) ? 13 : 0;
    if (!w) continue;
    const char *rep = w == 14 ? "Cybersecurity" : "Cyber Security";
    size_t rl = strlen(rep);
    if (n - w + rl > 512) return 0;
    memcpy(out, s, i);
    memcpy(out + i, rep, rl);
    memcpy(out + i + rl, s + i + w, n - i - w);
    return n - w + rl;
  }
  return 0;
}

/* An alias and the spellings texts also give it: British and Commonwealth
 * texts write -ization -isation ("Organisation for Security and
 * Co-operation in Europe", every one), and '&' for a conjunction. */
static int add_alias_spellings(cyb__gazetteer *g, const cyb__fold *f, scratch *sc, uint32_t entry, const char *s,
                               size_t n, cyb__diag *diag) {
  int rc = add_alias(g, f, sc, entry, s, n, false, diag);
  if (rc || n > 512) return rc;
  char v[513], amp[513];
  bool changed = false;
  memcpy(v, s, n);
  for (size_t i = 1; i + 6 <= n; i++)
    if ((v[i] == 'z' || v[i] == 'Z') && (v[i - 1] | 32) == 'i' && !strncasecmp(v + i + 1, "ation", 5)) {
      v[i] = v[i] == 'z' ? 's' : 'S';
      changed = true;
    }
  if (changed && (rc = add_alias(g, f, sc, entry, v, n, true, diag))) return rc;
  size_t an = ampersand_spelling(s, n, amp);
  if (an && (rc = add_alias(g, f, sc, entry, amp, an, true, diag))) return rc;
  if (changed && (an = ampersand_spelling(v, n, amp))) rc = add_alias(g, f, sc, entry, amp, an, true, diag);
  /* of the alias as written only: its British or '&' spellings with the
   * other Cyber Security would be rare and double the aliases again */
  if (!rc && (an = cyber_spelling(s, n, amp))) rc = add_alias(g, f, sc, entry, amp, an, true, diag);
  return rc;
}

static int cmp_alias(const void *pa, const void *pb) {
  const galias *a = pa, *b = pb;
  if (a->node != b->node) return a->node < b->node ? -1 : 1;
  if (a->entry != b->entry) return a->entry < b->entry ? -1 : 1;
  if (a->lang != b->lang) return a->lang < b->lang ? -1 : 1;
  if (a->cap != b->cap) return (int)a->cap - (int)b->cap;
  if (a->word != b->word) return (int)a->word - (int)b->word;
  if (a->en_cap != b->en_cap) return (int)a->en_cap - (int)b->en_cap;
  return (int)a->cs - (int)b->cs;
}

/* A combining form seen while compiling: applied once the vocabulary is complete. */
typedef struct {
  uint32_t vid, entry;
} combining_form;

typedef struct {
  combining_form *f;
  size_t n, cap;
} combining_forms;

/* Combining forms ("franco|franko") of a nationality entry: interned now. */
static int add_combining(cyb__gazetteer *g, const cyb__fold *f, scratch *sc, uint32_t entry, combining_forms *cf) {
  const char *p = g->e[entry].combining;
  while (p && *p) {
    const char *q = strchr(p, '|');
    size_t n = q ? (size_t)(q - p) : strlen(p);
    if (n) {
      if (cyb__normalize(f, p, n, &sc->nm)) return CYBERNER_ENOMEM;
      uint32_t vid = vocab_intern(g, sc->nm.text, sc->nm.len);
      if (vid == CYB_NO_VID || cyb__grow((void **)&cf->f, &cf->cap, cf->n + 1, sizeof *cf->f)) return CYBERNER_ENOMEM;
      cf->f[cf->n++] = (combining_form){vid, entry};
    }
    p = q ? q + 1 : NULL;
  }
  return 0;
}

/* The per-word tables, sized to the final vocabulary. */
static int set_word_tables(cyb__gazetteer *g, const combining_forms *cf) {
  g->combining = malloc(sizeof *g->combining * (g->nvocab + 1));
  g->single = malloc(sizeof *g->single * (g->nvocab + 1));
  if (!g->combining || !g->single) return CYBERNER_ENOMEM;
  for (size_t i = 0; i < g->nvocab; i++) g->combining[i] = -1, g->single[i] = -1;
  for (size_t i = 0; i < cf->n; i++) g->combining[cf->f[i].vid] = (int32_t)cf->f[i].entry;
  return 0;
}

static int build_series(cyb__gazetteer *g, const cyb__fold *f, scratch *sc);
static int build_agency_names(cyb__gazetteer *g, const cyb__fold *f, scratch *sc);

cyb__gazetteer *cyb__gazetteer_new(const cyb__fold *f, cyb__dictset *ds, cyb__diag *diag,
                                   bool list_ambiguities, cyberner_error **err) {
  cyb__gazetteer *g = calloc(1, sizeof *g);
  scratch sc = {0};
  combining_forms cf = {0};
  if (!g) goto oom;
  g->e = ds->e;
  g->ne = ds->n;
  g->file_names = ds->file_names;
  g->nfiles = ds->nfiles;
  memset(ds, 0, sizeof *ds);
  if (new_node(g) == UINT32_MAX || edge_grow(g) || vocab_grow(g)) goto oom;
  for (uint32_t i = 0; i < g->ne; i++) {
    cyb__entry *e = &g->e[i];
    if (e->dead) continue;
    g->count[e->label]++;
    if (add_alias_spellings(g, f, &sc, i, e->name, strlen(e->name), diag)) goto oom;
    const char *p = e->aliases;
    while (p && *p) {
      const char *q = strchr(p, '|');
      size_t n = q ? (size_t)(q - p) : strlen(p);
      if (add_alias_spellings(g, f, &sc, i, p, n, diag)) goto oom;
      if (!q) break;
      p = q + 1;
    }
    if (e->combining && add_combining(g, f, &sc, i, &cf)) goto oom;
  }
  /* group aliases by node, drop exact repeats */
  if (g->nal) qsort(g->al, g->nal, sizeof *g->al, cmp_alias);
  size_t w = 0;
  for (size_t r = 0; r < g->nal; r++) {
    if (w && cmp_alias(&g->al[w - 1], &g->al[r]) == 0 && !g->al[r].cs) continue;
    g->al[w++] = g->al[r];
  }
  g->nal = w;
  for (size_t r = 0; r < g->nal;) {
    size_t s = r;
    uint32_t node = g->al[r].node;
    int first_label = g->e[g->al[r].entry].label;
    size_t other = SIZE_MAX;
    while (r < g->nal && g->al[r].node == node) {
      if (other == SIZE_MAX && g->e[g->al[r].entry].label != first_label) other = r;
      r++;
    }
    g->nodes[node].alias_begin = (uint32_t)s;
    g->nodes[node].alias_n = (uint32_t)(r - s);
    if (other != SIZE_MAX) {
      g->ambiguities++;
      if (list_ambiguities) {
        const cyb__entry *a = &g->e[g->al[s].entry], *b = &g->e[g->al[other].entry];
        cyb__diag_add(diag, 0, b->file, b->line,
                      "alias shared with %s '%s' (%s:%u); policy: the label first in the resolution order wins "
                      "(NOT_ENTITY, COUNTRY, NATIONALITY, AGENCY, ORGANIZATION, EVENT, THREAT_ACTOR, PERSON, LOCATION)",
                      a->label == CYB_NOT_ENTITY ? "NOT_ENTITY" : cyberner_label_name(a->label), a->id, a->file, a->line);
      }
    }
  }
  if (set_word_tables(g, &cf)) goto oom;
  for (size_t i = 0; i < 26 * 26; i++) g->country_by_code[i] = -1;
  for (size_t i = 0; i < g->ne; i++)
    if (!g->e[i].dead && g->e[i].label == CYBERNER_COUNTRY && cyb__country_slot(g->e[i].id) >= 0)
      g->country_by_code[cyb__country_slot(g->e[i].id)] = (int32_t)i;
  /* cities named after their country or region: "<name> City", "<name>-Ville" */
  if (!(g->city_of = malloc(sizeof *g->city_of * (g->ne ? g->ne : 1)))) goto oom;
  for (size_t i = 0; i < g->ne; i++) g->city_of[i] = -1;
  for (size_t i = 0; i < g->ne; i++) {
    const cyb__entry *l = &g->e[i];
    if (l->dead || l->label != CYBERNER_LOCATION) continue;
    size_t n = strlen(l->name);
    size_t base = n > 5 && (!strcmp(l->name + n - 5, " City") || !strcmp(l->name + n - 5, "-Ville")) ? n - 5 : 0;
    for (size_t j = 0; base && j < g->ne; j++) {
      const cyb__entry *o = &g->e[j];
      if (j != i && !o->dead && (o->label == CYBERNER_COUNTRY || o->label == CYBERNER_LOCATION) && o->country &&
          l->country && !strcmp(o->country, l->country) && strlen(o->name) == base && !strncmp(o->name, l->name, base))
        g->city_of[j] = (int32_t)i;
    }
  }
  g->ransomware = vocab_find(g, "ransomware", 10);
  g->state_word = vocab_find(g, "state", 5);
  /* single-token aliases: evidence for the rules */
  if (!(g->root = malloc(sizeof *g->root * (g->nvocab ? g->nvocab : 1)))) goto oom;
  g->nroot = g->nvocab;
  if (!(g->inner = calloc(g->nvocab ? g->nvocab : 1, 1))) goto oom;
  for (size_t i = 0; i < g->ecap; i++)
    if (g->es[i].key && (g->es[i].key - 1) >> 32) g->inner[(uint32_t)(g->es[i].key - 1)] = 1;
  for (size_t v = 0; v < g->nvocab; v++) {
    uint32_t c = g->root[v] = edge_find(g, 0, (uint32_t)v);
    if (c == UINT32_MAX || !g->nodes[c].alias_n) continue;
    g->single[v] = (int8_t)g->e[g->al[g->nodes[c].alias_begin].entry].label;
  }
  if (build_series(g, f, &sc) || build_agency_names(g, f, &sc)) goto oom;
  cyb__norm_free(&sc.nm);
  cyb__tokens_free(&sc.tt);
  free(cf.f);
  return g;
oom:
  cyb__norm_free(&sc.nm);
  cyb__tokens_free(&sc.tt);
  free(cf.f);
  cyb__gazetteer_free(g);
  cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory compiling the gazetteer");
  return NULL;
}

void cyb__gazetteer_free(cyb__gazetteer *g) {
  if (!g) return;
  cyb__dictset tmp = {.e = g->e, .n = g->ne, .file_names = g->file_names, .nfiles = g->nfiles};
  cyb__dictset_free(&tmp);
  free(g->vs);
  free(g->vw);
  cyb__buf_free(&g->vstr);
  free(g->combining);
  free(g->single);
  free(g->nodes);
  free(g->es);
  free(g->root);
  free(g->inner);
  free(g->word_kind);
  free(g->city_of);
  free(g->al);
  free(g->masks);
  free(g->series);
  free(g->agency_entry);
  free(g->agency_name_off);
  cyb__buf_free(&g->agency_names);
  free(g);
}

size_t cyb__gazetteer_count(const cyb__gazetteer *g, int label) {
  return label >= 0 && label < CYB_NLABELS ? g->count[label] : 0;
}
size_t cyb__gazetteer_ambiguities(const cyb__gazetteer *g) { return g->ambiguities; }
size_t cyb__gazetteer_size(const cyb__gazetteer *g) { return g->ne; }
const cyb__entry *cyb__gazetteer_entry(const cyb__gazetteer *g, uint32_t i) { return &g->e[i]; }

const char *cyb__entry_next_name(const cyb__entry *e, const char **p, size_t *len) {
  const char *a = *p, *q = a == e->name ? NULL : strchr(a, '|');
  size_t n = q ? (size_t)(q - a) : strlen(a);
  *p = a == e->name ? e->aliases : q ? q + 1 : NULL;
  if (*p && !**p) *p = NULL;
  if (n >= 3 && (!memcmp(a, "fr:", 3) || !memcmp(a, "en:", 3))) a += 3, n -= 3;
  if (n && *a == '=') a++, n--;
  *len = n;
  return a;
}

int cyb__gazetteer_single_label(const cyb__gazetteer *g, uint32_t vid) {
  return vid < g->nvocab ? g->single[vid] : -1;
}

/* ---- matching ---------------------------------------------------------- */

void cyb__gazetteer_lookup(const cyb__gazetteer *g, const cyb__norm *nm, cyb__tokens *tt, cyb__vmemo *memo) {
  for (size_t k = 0; k < tt->ntok; k++) {
    cyb__token *t = &tt->tok[k];
    const char *s = nm->text + t->start;
    size_t n = t->end - t->start;
    if (n == 1 && memo) {
      unsigned char b = (unsigned char)s[0];
      if (!memo->byte_known[b]) {
        memo->byte_hash[b] = cyb__hash(s, 1) | 1;
        memo->byte_vid[b] = vocab_find_h(g, memo->byte_hash[b], s, 1);
        memo->byte_known[b] = 1;
      }
      t->hash = memo->byte_hash[b];
      t->vid = memo->byte_vid[b];
      continue;
    }
    t->hash = cyb__hash(s, n) | 1;
    if (!memo || n > CYB_VMEMO_WORD) {
      t->vid = vocab_find_h(g, t->hash, s, n);
      continue;
    }
    cyb__vmemo_slot *m = &memo->slot[t->hash & (CYB_VMEMO_SLOTS - 1)];
    if (m->hash == t->hash && m->len == n && cyb__bytes_eq(m->s, s, n)) {
      t->vid = m->vid;
      continue;
    }
    t->vid = vocab_find_h(g, t->hash, s, n);
    m->hash = t->hash;
    m->vid = t->vid;
    m->len = (uint8_t)n;
    memcpy(m->s, s, n);
  }
}

static bool span_has_capital(const cyb__norm *nm, const cyb__tokens *tt, size_t tb, size_t te) {
  for (uint32_t b = tt->tok[tb].start; b < tt->tok[te - 1].end; b++)
    if (nm->upper[b]) return true;
  return false;
}

/* Is the word (vocabulary id) a country's or a nationality's name alone
 * (Russia, Romanian)? */
static bool country_word(const cyb__gazetteer *g, uint32_t vid) {
  int label = cyb__gazetteer_single_label(g, vid);
  return label == CYBERNER_COUNTRY || label == CYBERNER_NATIONALITY;
}

/* A country, a nationality or a possessive right before tb: whose body a
 * lower-case description names (Russian military intelligence service,
 * Russia's foreign intelligence service). */
static bool owner_before(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t tb) {
  if (tb == 0) return false;
  const cyb__token *p = &tt->tok[tb - 1];
  if (p->end - p->start == 2 && memcmp(nm->text + p->start, "'s", 2) == 0) return true;
  return country_word(g, p->vid);
}

/* "Trump's homeland security adviser": after the possessive of someone who
 * is no country or place, a lower-case body followed by a role in lower
 * case is the role's portfolio, not a body ("Russia's foreign intelligence
 * service" is one). */
static bool possessed_portfolio(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t tb,
                                size_t te) {
  if (tb < 2 || te >= tt->ntok || !cyb__token_is(nm, tt, tb - 1, "'s")) return false;
  const cyb__token *r = &tt->tok[te];
  if ((r->flags & CYB_TOK_CAP) || !word_is(g, r->vid, CYB_WORD_ROLE)) return false;
  uint32_t owner = tt->tok[tb - 2].vid;
  return !country_word(g, owner) && cyb__gazetteer_single_label(g, owner) != CYBERNER_LOCATION;
}

/* un, une, a, an right before tb: "créer une agence nationale de
 * cybersécurité" speaks of some body, not of one by its name; so does a role
 * after comme, en tant que, as ("désigné comme autorité nationale de
 * cybersécurité"). */
static bool indefinite_before(const cyb__norm *nm, const cyb__tokens *tt, size_t tb) {
  if (tb == 0) return false;
  size_t p = tb - 1;
  return cyb__token_is(nm, tt, p, "un") || cyb__token_is(nm, tt, p, "une") || cyb__token_is(nm, tt, p, "an") ||
         cyb__token_is(nm, tt, p, "a") || cyb__token_is(nm, tt, p, "comme") || cyb__token_is(nm, tt, p, "as") ||
         (p >= 2 && cyb__token_is(nm, tt, p, "que") && cyb__token_is(nm, tt, p - 1, "tant") && cyb__token_is(nm, tt, p - 2, "en"));
}

/* An acronym defined in parentheses right after the name, "(C4)", "(ANSSI)":
 * the text names the body it describes, even after un/une ("Un centre de
 * coordination des crises cyber (C4), placé auprès du SGDSN"). */
static bool acronym_defined_after(const cyb__norm *nm, const cyb__tokens *tt, size_t te) {
  if (te + 2 >= tt->ntok || !cyb__token_is(nm, tt, te, "(") || !cyb__token_is(nm, tt, te + 2, ")")) return false;
  for (size_t k = te; k <= te + 2; k++)
    if (tt->tok[k].flags & CYB_TOK_SENT_START) return false; /* another sentence's */
  const cyb__token *t = &tt->tok[te + 1];
  return (t->flags & CYB_TOK_ALPHA) && nm->upper[t->start] && t->end - t->start >= 2 && t->end - t->start <= 16 &&
         ((t->flags & CYB_TOK_ALLCAPS) || (t->flags & CYB_TOK_DIGIT));
}

/* "créer un CERT national": after an indefinite article, an acronym that
 * names nothing by itself (a kind of body: CERT, CSIRT) with only lower-case
 * words after it describes some body, as the lower-case "une agence
 * nationale" does; a known acronym (un FBI) or a capitalized word (une
 * Agence nationale) still names one. */
static bool kind_acronym_described(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t tb,
                                   size_t te) {
  const cyb__token *t = &tt->tok[tb];
  return te >= tb + 2 && (t->flags & CYB_TOK_ALLCAPS) && cyb__gazetteer_single_label(g, t->vid) < 0 &&
         !span_has_capital(nm, tt, tb + 1, te) && indefinite_before(nm, tt, tb) && !acronym_defined_after(nm, tt, te);
}

/* "titulaire d'un DEA", "son DEA en informatique": in French, a state
 * body's acronym right after un/une is some thing of that name (a diploma,
 * the GDP: "un PIB", a body like it: "un FBI européen"), never the body
 * itself (a company's may be its product: "une BMW Série 7"); after a
 * possessive, so is one that de/en and a lower-case word follow (a
 * diploma's subject), while "leur NSA" is still theirs. */
static bool acronym_as_common_noun(const cyb__norm *nm, const cyb__tokens *tt, size_t tb, size_t te, int lang) {
  if (lang != CYBERNER_LANG_FR || te != tb + 1 || tb == 0 || !(tt->tok[tb].flags & CYB_TOK_ALLCAPS)) return false;
  if (cyb__token_is(nm, tt, tb - 1, "un") || cyb__token_is(nm, tt, tb - 1, "une")) return true;
  static const char *const possessive[] = {"son", "sa", "mon", "ma", "ton", "ta"};
  bool poss = false;
  for (size_t i = 0; i < sizeof possessive / sizeof *possessive && !poss; i++)
    poss = cyb__token_is(nm, tt, tb - 1, possessive[i]);
  return poss && te + 1 < tt->ntok &&
         (cyb__token_is(nm, tt, te, "de") || cyb__token_is(nm, tt, te, "d'") || cyb__token_is(nm, tt, te, "en")) &&
         (tt->tok[te + 1].flags & CYB_TOK_ALPHA) && !(tt->tok[te + 1].flags & CYB_TOK_CAP);
}

/* A meeting word written in lower case inside [tb, te): the text describes
 * a meeting (the NATO summit in The Hague, le sommet de l'OTAN) rather than
 * names it (ENTITIES.md rule 10). */
static bool lowercase_meeting_word(const cyb__gazetteer *g, const cyb__tokens *tt, size_t tb, size_t te) {
  /* a numbered group's meeting (the G20 summit, the G7 summit) is named so,
   * by no other name: the dictionary's alias names it */
  if (te == tb + 2 && (tt->tok[tb].flags & CYB_TOK_CAP) && (tt->tok[tb].flags & CYB_TOK_DIGIT)) return false;
  for (size_t k = tb; k < te; k++) {
    const cyb__token *t = &tt->tok[k];
    if ((t->flags & CYB_TOK_ALPHA) && !(t->flags & CYB_TOK_CAP) && word_is(g, t->vid, CYB_WORD_MEETING))
      return true;
  }
  return false;
}

/* Tokens [tb, te) open a dateline: first on their line, in capitals, then
 * a comma, an opening parenthesis or a dash (LUXEMBOURG, 5 mars 2025 -). */
static bool at_dateline(const cyb__norm *nm, const cyb__tokens *tt, size_t tb, size_t te) {
  if (te >= tt->ntok || !(tt->tok[tb].flags & (CYB_TOK_NEWLINE_BEFORE)) || !(tt->tok[tb].flags & CYB_TOK_ALLCAPS))
    return false;
  char next = nm->text[tt->tok[te].start];
  return tt->tok[te].end - tt->tok[te].start == 1 && (next == ',' || next == '(' || next == '-');
}

/* French "à" right before tb: "à Québec", "à Luxembourg" name the city (the
 * province or the country takes "au", "en": au Québec, au Luxembourg). In
 * French text an "a" there is "à" (the verb "a" does not come before a
 * place's name). */
static bool city_preposition(const cyb__norm *nm, const cyb__tokens *tt, size_t tb, int lang) {
  return lang == CYBERNER_LANG_FR && tb > 0 && cyb__token_is(nm, tt, tb - 1, "a");
}

/* "Romanian police", "Dutch police": a nationality or country, then a last
 * word in lower case where the body's name has a capital, is English for
 * "the police of Romania", a description (the nationality is tagged on its
 * own). "Foreign ministry spokesperson ..." at a sentence start still names. */
static bool lowercase_end(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t tb, size_t te) {
  const cyb__token *last = &tt->tok[te - 1];
  return te - tb >= 2 && country_word(g, tt->tok[tb].vid) && (last->flags & CYB_TOK_ALPHA) && !nm->upper[last->start];
}

/* A capitalized role starts at token k, maybe after one qualifier (Leader,
 * Minority Leader): a body's one-word name before it is the body the role
 * belongs to ("Senate Minority Leader Chuck Schumer"), not a word of a
 * longer capitalized name. */
static bool role_after(const cyb__gazetteer *g, const cyb__tokens *tt, size_t k) {
  if (word_is(g, tt->tok[k].vid, CYB_WORD_ROLE)) return true;
  return k + 1 < tt->ntok && (tt->tok[k + 1].flags & CYB_TOK_CAP) && word_is(g, tt->tok[k + 1].vid, CYB_WORD_ROLE);
}

/* "l'ambassadeur suisse Jürg Lauber": a nationality right after a role
 * qualifies it, and the capitalized word after it is the person's name, not
 * the rest of a longer name (Suisse Romande). */
static bool nationality_of_role(const cyb__gazetteer *g, const galias *a, const cyb__tokens *tt, size_t tb) {
  return g->e[a->entry].label == CYBERNER_NATIONALITY && tb > 0 && !(tt->tok[tb - 1].flags & CYB_TOK_CAP) &&
         word_is(g, tt->tok[tb - 1].vid, CYB_WORD_ROLE);
}

/* "le suisse MSC", "le danois Maersk": a nationality right after a definite
 * article stands for "the Swiss company" and gives the name after it its
 * country; it does not open a longer name. */
static bool nationality_as_noun(const cyb__gazetteer *g, const galias *a, const cyb__norm *nm, const cyb__tokens *tt,
                                size_t tb) {
  return g->e[a->entry].label == CYBERNER_NATIONALITY && tb > 0 && !nm->upper[tt->tok[tb].start] &&
         (cyb__token_is(nm, tt, tb - 1, "le") || cyb__token_is(nm, tt, tb - 1, "la") || cyb__token_is(nm, tt, tb - 1, "l'"));
}

static bool masculine_article(const cyb__norm *nm, const cyb__tokens *tt, size_t k) {
  return cyb__token_is(nm, tt, k, "le") || cyb__token_is(nm, tt, k, "un") || cyb__token_is(nm, tt, k, "du") || cyb__token_is(nm, tt, k, "au");
}

/* "au jeune Suisse", "un autre Suisse": an adjective that goes before a
 * person noun, between the masculine article and the word (a country takes
 * no such adjective: la Suisse) */
static bool masculine_adjective_after_article(const cyb__norm *nm, const cyb__tokens *tt, size_t k) {
  static const char *const adjectives[] = {"jeune", "vieux", "autre"};
  for (size_t i = 0; k > 0 && i < sizeof adjectives / sizeof *adjectives; i++)
    if (cyb__token_is(nm, tt, k, adjectives[i])) return masculine_article(nm, tt, k - 1);
  return false;
}

/* "le Suisse Jürg Lauber", "un Suisse": in French a capitalized word that
 * names a country and its people, after a masculine article (le, un, du,
 * au), is a person of that country (the country is feminine: la Suisse),
 * so its nationality alias written in lower case matches there too. */
static bool nationality_as_person(const cyb__gazetteer *g, uint32_t entry, const cyb__norm *nm,
                                  const cyb__tokens *tt, size_t tb, size_t te, int lang) {
  if (g->e[entry].label != CYBERNER_NATIONALITY || lang != CYBERNER_LANG_FR || te != tb + 1 || tb == 0 ||
      !(tt->tok[tb].flags & CYB_TOK_CAP) || (tt->tok[tb].flags & CYB_TOK_ALLCAPS))
    return false;
  return masculine_article(nm, tt, tb - 1) || masculine_adjective_after_article(nm, tt, tb - 1);
}

/* "the Apache Log4j library", "Cisco IOS XE": a capitalized word that mixes
 * letters and digits (Log4j, Win32, X11) is a product or version named
 * after its maker, not the next word of a longer name (Royal Mail), so a
 * common-word alias before it still names the maker. */
static bool product_name_at(const cyb__tokens *tt, size_t k) {
  uint16_t f = tt->tok[k].flags;
  return (f & CYB_TOK_ALPHA) && (f & CYB_TOK_DIGIT) && !(f & CYB_TOK_ALLCAPS);
}


/* "France's minister for Europe and foreign affairs": a role the
 * dictionaries hide (a NOT_ENTITY opening with a role word of titles.txt)
 * is written in lower case too, and still hides the place inside it
 * (ENTITIES.md rule 6). */
static bool role_in_lower_case(const cyb__gazetteer *g, const galias *a, const cyb__tokens *tt, size_t tb) {
  return g->e[a->entry].label == CYB_NOT_ENTITY && word_is(g, tt->tok[tb].vid, CYB_WORD_ROLE);
}

/* "the National Security Office of the presidential office": an AGENCY
 * alias the dictionary writes in lower case (presidential office, on five
 * countries' entries) is, in English text, a description like a capitalized
 * alias found in lower case (alias_ok), unless a country, a nationality or
 * a possessive says whose body it is; not a one-word brand (fedpol) nor a
 * name lower case by itself (armasuisse). */
static bool lower_description(const cyb__gazetteer *g, const galias *a, const cyb__norm *nm, const cyb__tokens *tt,
                              size_t tb, size_t te, int lang) {
  return lang == CYBERNER_LANG_EN && te >= tb + 2 && g->e[a->entry].label == CYBERNER_AGENCY && !a->body_cap &&
         !a->lower_name && !span_has_capital(nm, tt, tb, te) && !owner_before(g, nm, tt, tb);
}

/* A common-word name of several words opening with "The" (a newspaper: The
 * National, The News) at tokens [tb, te) is the start of a longer name
 * when a capitalized word follows that is no role itself, in a title-case
 * headline too: "The National Security Adviser", "The National Bank of
 * Poland" (a role right after it is its own: The Record Director Jane Doe). */
static bool the_title_before_capital(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t tb,
                                     size_t te) {
  return te > tb + 1 && cyb__token_is(nm, tt, tb, "the") && !word_is(g, tt->tok[te].vid, CYB_WORD_ROLE);
}

/* titlecase: the sentence is a headline in Title Case, where a capitalized
 * word after a common-word alias proves nothing (Treasury Sanctions ...). */
static bool alias_ok(const cyb__gazetteer *g, const galias *a, const cyb__norm *nm, const cyb__tokens *tt,
                     size_t tb, size_t te, int lang, bool titlecase) {
  if (a->lang && lang && a->lang != lang) return false;
  if (nationality_as_person(g, a->entry, nm, tt, tb, te, lang)) return true;
  if (a->cap && !nm->upper[tt->tok[tb].start] && !role_in_lower_case(g, a, tt, tb)) return false;
  if (a->en_cap && lang == CYBERNER_LANG_EN && !nm->upper[tt->tok[tb].start]) return false;
  if (a->body_cap && !span_has_capital(nm, tt, tb, te) &&
      ((lang == CYBERNER_LANG_EN && !owner_before(g, nm, tt, tb)) ||
       (indefinite_before(nm, tt, tb) && !acronym_defined_after(nm, tt, te)) ||
       possessed_portfolio(g, nm, tt, tb, te)))
    return false;
  if (a->title_end && lang == CYBERNER_LANG_EN && lowercase_end(g, nm, tt, tb, te)) return false;
  if (lower_description(g, a, nm, tt, tb, te, lang)) return false;
  if (kind_acronym_described(g, nm, tt, tb, te)) return false;
  if (g->e[a->entry].label == CYBERNER_AGENCY && acronym_as_common_noun(nm, tt, tb, te, lang)) return false;
  if (g->e[a->entry].label == CYBERNER_EVENT && lowercase_meeting_word(g, tt, tb, te)) return false;
  /* a body in lower case after a bare de / d' qualifies a noun: "un outil
   * de renseignement militaire" (with an article it names one: "du
   * renseignement militaire", "de la police nationale"; after a role too:
   * "chef d'état-major des armées"); not a name lower case by itself
   * ("au sein d'armasuisse") */
  if (g->e[a->entry].label == CYBERNER_AGENCY && tb > 0 && lang != CYBERNER_LANG_EN &&
      (cyb__token_is(nm, tt, tb - 1, "de") || cyb__token_is(nm, tt, tb - 1, "d'")) && !span_has_capital(nm, tt, tb, te) &&
      !(tb >= 2 && word_is(g, tt->tok[tb - 2].vid, CYB_WORD_ROLE)) && !a->lower_name)
    return false;
  if (a->word && te < tt->ntok && (tt->tok[te].flags & CYB_TOK_CAP) && (tt->tok[te].flags & CYB_TOK_ALPHA) &&
      !(tt->tok[te].flags & (CYB_TOK_NEWLINE_BEFORE | CYB_TOK_SENT_START)) &&
      (the_title_before_capital(g, nm, tt, tb, te) ||
       (!titlecase && !role_after(g, tt, te) && !nationality_of_role(g, a, tt, tb) &&
        !nationality_as_noun(g, a, nm, tt, tb) && !product_name_at(tt, te))))
    return false;
  if (!a->cs) return true;
  /* a place in a dateline is in capitals, whatever the case its alias
   * needs elsewhere (NICE, 12 mars -) */
  if (g->e[a->entry].label == CYBERNER_LOCATION && (tt->tok[tb].flags & CYB_TOK_ALLCAPS) && at_dateline(nm, tt, tb, te))
    return true;
  size_t m = 0;
  for (size_t k = tb; k < te; k++)
    for (uint32_t b = tt->tok[k].start; b < tt->tok[k].end; b++, m++)
      if (m >= a->masklen || (nm->upper[b] != 0) != (g->masks[a->mask + m] != 0)) return false;
  return m == a->masklen;
}

/* Is one of candidate t's entries in the country of code? */
static bool entry_in(const cyb__gazetteer *g, const cyb__cands *out, const cyb__cand *t, const char *code) {
  for (uint32_t i = 0; i < t->nalt; i++)
    if (code && cyb__country_in(g->e[out->alts[t->alt + i]].country, code)) return true;
  return false;
}

/* What a dictionary place right before the comma at token tb - 1 must be
 * (place_before_comma). */
enum { PLACE_ANY, PLACE_WITH_ALTS, PLACE_TOWN };

/* The dictionary LOCATION of that kind ending right before the comma at
 * token tb - 1, among the last candidates pushed (the gazetteer goes left
 * to right), or NULL: "Portland, Maine", "Redmond, Washington". */
static const cyb__cand *place_before_comma(const cyb__gazetteer *g, const cyb__cands *out, size_t tb, int kind) {
  for (size_t i = out->n, seen = 0; i > 0 && seen < 8; i--, seen++) {
    const cyb__cand *t = &out->c[i - 1];
    if (t->te != tb - 1 || t->label != CYBERNER_LOCATION || t->source != CYB_SRC_DICT) continue;
    if ((kind == PLACE_WITH_ALTS && !t->nalt) ||
        (kind == PLACE_TOWN && (t->entry < 0 || g->e[t->entry].place_kind != CYB_PLACE_TOWN)))
      continue;
    return t;
  }
  return NULL;
}

/* "the Alpharetta, Georgia-based firm", "Portland, Maine": a town the
 * dictionaries know, a comma, then a name shared by a country and a place
 * of the town's own country (a US state) names that place, since the
 * country reading would put the town in a country it is not in (Tbilisi,
 * Georgia keeps the country). Alternatives [base, n) of the name at tb:
 * the place's entry, or -1. The town is among the last candidates pushed
 * (the gazetteer goes left to right). */
static int32_t place_after_town(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt,
                                const cyb__cands *out, size_t base, size_t n, size_t tb) {
  if (tb < 2 || !cyb__token_is(nm, tt, tb - 1, ",")) return -1;
  const cyb__cand *town = place_before_comma(g, out, tb, PLACE_ANY);
  if (!town) return -1;
  int32_t place = -1;
  for (size_t r = base; r < n; r++) {
    const cyb__entry *e = &g->e[out->alts[r]];
    if (e->label == CYBERNER_COUNTRY && entry_in(g, out, town, e->country)) return -1;
    if (e->label == CYBERNER_LOCATION && e->country && strlen(e->country) == 2 && entry_in(g, out, town, e->country))
      place = (int32_t)out->alts[r];
  }
  return place;
}

/* "Redmond, Washington-based Microsoft", "Seattle, Washington", "Brooklyn,
 * New York": a town the dictionaries know, a comma, then a city's name
 * that with "State" after it names a state of the town's own country
 * (Washington State) names that state: the town is in it, not in the city.
 * Not in a list (Boston, Washington and Chicago), which goes on after it.
 * The state's entry, or -1; node: the name's trie node. */
static int32_t state_after_town(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt,
                                const cyb__cands *out, uint32_t node, size_t tb, size_t te) {
  static const char *const LIST_GOES_ON[] = {"and", "et", "or", "ou", "&", "/"};
  if (tb < 2 || !cyb__token_is(nm, tt, tb - 1, ",")) return -1;
  for (size_t i = 0; i < sizeof LIST_GOES_ON / sizeof *LIST_GOES_ON; i++)
    if (cyb__token_is(nm, tt, te, LIST_GOES_ON[i])) return -1;
  if (cyb__token_is(nm, tt, te, ",") && te + 1 < tt->ntok && (tt->tok[te + 1].flags & CYB_TOK_CAP)) return -1;
  const cyb__cand *town = place_before_comma(g, out, tb, PLACE_TOWN);
  uint32_t sn = town && g->state_word != CYB_NO_VID ? edge_find(g, node, g->state_word) : UINT32_MAX;
  const char *cc = town ? g->e[town->entry].country : NULL;
  for (uint32_t i = 0; sn != UINT32_MAX && cc && i < g->nodes[sn].alias_n; i++) {
    const cyb__entry *e = &g->e[g->al[g->nodes[sn].alias_begin + i].entry];
    if (e->label == CYBERNER_LOCATION && e->place_kind == CYB_PLACE_SUBDIVISION && e->country &&
        !strcmp(e->country, cc))
      return (int32_t)g->al[g->nodes[sn].alias_begin + i].entry;
  }
  return -1;
}

/* "Brussels, Munich, Vilnius, Luxembourg, Warsaw and León": in a list, right
 * after a town of another country and a comma, and before a comma, and/et/
 * or/ou or the end of the sentence, a country named like its city
 * (city_of) is that city. Not "Cancún, Mexico" (the town is in the
 * country), nor "Asia, Singapore" (a place of no one country). */
static bool city_in_list(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, const cyb__cands *out,
                         uint32_t country, size_t tb, size_t te) {
  if (tb < 2 || !cyb__token_is(nm, tt, tb - 1, ",") || g->city_of[country] < 0 || !g->e[country].country) return false;
  if (te < tt->ntok && !(tt->tok[te].flags & CYB_TOK_SENT_START) && !cyb__token_is(nm, tt, te, ",") &&
      !cyb__token_is(nm, tt, te, "and") && !cyb__token_is(nm, tt, te, "et") && !cyb__token_is(nm, tt, te, "or") &&
      !cyb__token_is(nm, tt, te, "ou") && !cyb__token_is(nm, tt, te, ".") && !cyb__token_is(nm, tt, te, "?") &&
      !cyb__token_is(nm, tt, te, "!") && !cyb__token_is(nm, tt, te, ";"))
    return false;
  const cyb__cand *t = place_before_comma(g, out, tb, PLACE_WITH_ALTS);
  const char *cc = t ? g->e[out->alts[t->alt]].country : NULL;
  return cc && strlen(cc) == 2 && !entry_in(g, out, t, g->e[country].country);
}

/* Label order when one alias has entries of several labels. */
static int label_order(int label) {
  static const int order[CYB_NLABELS] = {
      [CYB_NOT_ENTITY] = -1,
      [CYBERNER_COUNTRY] = 0, [CYBERNER_NATIONALITY] = 1, [CYBERNER_AGENCY] = 2,
      [CYBERNER_ORGANIZATION] = 3, [CYBERNER_EVENT] = 4, [CYBERNER_THREAT_ACTOR] = 5,
      [CYBERNER_PERSON] = 6, [CYBERNER_LOCATION] = 7, [CYBERNER_DATE] = 8,
      [CYBERNER_VULNERABILITY] = 9};
  return order[label];
}

/* "le Trésor public": a one-word body name followed by the adjective public
 * names the public treasury (or prosecution) of whatever French-speaking
 * state the text is about, so the name takes the adjective and no entry. */
static bool public_after(const cyb__norm *nm, const cyb__tokens *tt, size_t tb, size_t te) {
  if (te != tb + 1 || te >= tt->ntok || !(tt->tok[tb].flags & CYB_TOK_CAP)) return false;
  const cyb__token *t = &tt->tok[te];
  return !(t->flags & (CYB_TOK_CAP | CYB_TOK_SENT_START)) &&
         (cyb__tok_is(nm, t, "public") || cyb__tok_is(nm, t, "publique"));
}

/* "in a Georgia state court", "the state of Georgia": a name of a country
 * and of a state or province (State of Georgia), that the word "state" in
 * lower case follows or that "state of" opens, names the state: English
 * calls the country's bodies Georgian. The state's entry among the
 * alternatives [from, to), or -1. */
static int32_t state_by_word(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt,
                             const cyb__cands *out, size_t from, size_t to, size_t tb, size_t te) {
  bool after = cyb__token_is(nm, tt, te, "state") && !nm->upper[tt->tok[te].start];
  bool before = tb >= 2 && cyb__token_is(nm, tt, tb - 1, "of") && cyb__token_is(nm, tt, tb - 2, "state") &&
                !nm->upper[tt->tok[tb - 2].start];
  for (size_t r = from; (after || before) && r < to; r++)
    if (g->e[out->alts[r]].label == CYBERNER_LOCATION && g->e[out->alts[r]].place_kind == CYB_PLACE_SUBDIVISION)
      return (int32_t)out->alts[r];
  return -1;
}

/* Emit a candidate for the valid aliases of node over tokens [tb, te): each
 * alias is checked once; the entries of the best label become its
 * alternatives. */
static int emit(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, uint32_t node,
                size_t tb, size_t te, int lang, bool titlecase, cyb__cands *out) {
  const gnode *nd = &g->nodes[node];
  size_t base = out->nalts;
  int best = -1;
  for (uint32_t i = 0; i < nd->alias_n; i++) {
    const galias *a = &g->al[nd->alias_begin + i];
    if (!alias_ok(g, a, nm, tt, tb, te, lang, titlecase)) continue;
    if (cyb__grow((void **)&out->alts, &out->alts_cap, out->nalts + 1, sizeof *out->alts)) return CYBERNER_ENOMEM;
    out->alts[out->nalts++] = a->entry;
    int l = g->e[a->entry].label;
    if (best < 0 || label_order(l) < label_order(best)) best = l;
  }
  /* un Suisse: the person, though the country's alias is valid too */
  for (size_t r = base; best == CYBERNER_COUNTRY && r < out->nalts; r++)
    if (nationality_as_person(g, out->alts[r], nm, tt, tb, te, lang)) best = CYBERNER_NATIONALITY;
  int32_t place = best == CYBERNER_COUNTRY ? place_after_town(g, nm, tt, out, base, out->nalts, tb) : -1;
  if (place < 0 && best == CYBERNER_COUNTRY) place = state_by_word(g, nm, tt, out, base, out->nalts, tb, te);
  if (place < 0 && best == CYBERNER_LOCATION) place = state_after_town(g, nm, tt, out, node, tb, te);
  if (place >= 0) best = CYBERNER_LOCATION, out->alts[base] = (uint32_t)place, out->nalts = base + 1;
  size_t w = base; /* keep the best label's entries, each once (aliases are sorted by entry) */
  for (size_t r = base; r < out->nalts; r++) {
    uint32_t e = out->alts[r];
    if (g->e[e].label != best || (w > base && out->alts[w - 1] == e)) continue;
    out->alts[w++] = e;
  }
  out->nalts = w;
  if (best < 0) return 0;
  /* a dateline names a city: LUXEMBOURG, 5 mars -> Luxembourg City;
   * QUÉBEC, 4 mars -> Quebec City; so does French "à" (À Québec) */
  if ((best == CYBERNER_COUNTRY || best == CYBERNER_LOCATION) && w - base == 1 &&
      (at_dateline(nm, tt, tb, te) || city_preposition(nm, tt, tb, lang)) && g->city_of[out->alts[base]] >= 0) {
    best = CYBERNER_LOCATION;
    out->alts[base] = (uint32_t)g->city_of[out->alts[base]];
  }
  if (best == CYBERNER_COUNTRY && w - base == 1 && city_in_list(g, nm, tt, out, out->alts[base], tb, te)) {
    best = CYBERNER_LOCATION;
    out->alts[base] = (uint32_t)g->city_of[out->alts[base]];
  }
  /* "the Medusa ransomware": the alias names the group, the span is its
   * name without the kind */
  if (best == CYBERNER_THREAT_ACTOR && te - tb >= 2 && tt->tok[te - 1].vid == g->ransomware) te--;
  bool any_state = best == CYBERNER_AGENCY && public_after(nm, tt, tb, te);
  if (any_state) te++, out->nalts = w = base;
  cyb__cand *c = cyb__cand_push(out, tt->tok[tb].start, tt->tok[te - 1].end, (uint32_t)tb, (uint32_t)te,
                                best, CYB_SRC_DICT, 1.0f);
  if (!c) return CYBERNER_ENOMEM;
  c->alt = (uint32_t)base;
  c->nalt = (uint32_t)(w - base);
  c->entry = c->nalt == 1 ? (int32_t)out->alts[base] : -1;
  return 0;
}

/* Single-token lookups of the parts of a hyphen compound. */
static int part_node(const cyb__gazetteer *g, const char *s, size_t n, uint32_t *vid) {
  *vid = vocab_find(g, s, n);
  if (*vid == CYB_NO_VID) return -1;
  uint32_t c = edge_find(g, 0, *vid);
  return c == UINT32_MAX ? -1 : (int)c;
}

/* First entry of a label among the aliases of a node (case ignored). */
static int32_t node_entry(const cyb__gazetteer *g, int node, int label) {
  if (node < 0) return -1;
  const gnode *nd = &g->nodes[node];
  for (uint32_t i = 0; i < nd->alias_n; i++)
    if (g->e[g->al[nd->alias_begin + i].entry].label == label) return (int32_t)g->al[nd->alias_begin + i].entry;
  return -1;
}

/* Does the text of a compound's part [b, e) have the case a case-sensitive
 * alias asks for (all of it, letter by letter)? Other aliases: yes. */
static bool part_case_ok(const cyb__gazetteer *g, const galias *a, const cyb__norm *nm, uint32_t b, uint32_t e) {
  if (!a->cs) return true;
  if (a->masklen != e - b) return false;
  for (uint32_t j = 0; j < a->masklen; j++)
    if ((nm->upper[b + j] != 0) != (g->masks[a->mask + j] != 0)) return false;
  return true;
}

/* The entry a compound's part [b, e) names at trie node node: a country or,
 * with places, a place or a body; -1 for none. */
static int32_t part_place(const cyb__gazetteer *g, const cyb__norm *nm, int node, uint32_t b, uint32_t e,
                          bool places) {
  if (node < 0) return -1;
  const gnode *nd = &g->nodes[node];
  for (uint32_t i = 0; i < nd->alias_n; i++) {
    const galias *a = &g->al[nd->alias_begin + i];
    int label = g->e[a->entry].label;
    if (label != CYBERNER_COUNTRY &&
        !(places && (label == CYBERNER_LOCATION || label == CYBERNER_AGENCY || label == CYBERNER_ORGANIZATION)))
      continue;
    if (a->cap && !nm->upper[b]) continue;
    if (!part_case_ok(g, a, nm, b, e)) continue;
    return (int32_t)a->entry;
  }
  return -1;
}

/* Every part [ps[p], pe[p]) of token k names a country (UK-NL, US-FR) or,
 * with places, a country, a place or a body (the dateline SEOUL/WASHINGTON,
 * the credit Belga/AFP): one candidate a part; none when a part is
 * something else. */
static int every_part_a_place(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t k,
                              const uint32_t *ps, const uint32_t *pe, size_t np, bool places, cyb__cands *out) {
  int32_t ce[COMPOUND_PARTS];
  if (np > COMPOUND_PARTS) return 0;
  for (size_t p = 0; p < np; p++) {
    uint32_t vid;
    int node = part_node(g, nm->text + ps[p], pe[p] - ps[p], &vid);
    ce[p] = -1;
    /* in a compound, an ISO code in capitals names its country: UK-NL, US-FR */
    if (pe[p] - ps[p] == 2 && nm->upper[ps[p]] && nm->upper[ps[p] + 1]) {
      char code[3] = {(char)(nm->text[ps[p]] - 32), (char)(nm->text[ps[p] + 1] - 32), 0};
      int slot = cyb__country_slot(code);
      if (slot >= 0 && g->country_by_code[slot] >= 0) {
        ce[p] = g->country_by_code[slot];
        continue;
      }
    }
    if ((ce[p] = part_place(g, nm, node, ps[p], pe[p], places)) < 0) return 0;
  }
  for (size_t p = 0; p < np; p++) {
    int label = g->e[ce[p]].label;
    cyb__cand *c = cyb__cand_push(out, ps[p], pe[p], (uint32_t)k, (uint32_t)k + 1, label, CYB_SRC_COMPOUND, 0.9f);
    if (!c) return CYBERNER_ENOMEM;
    c->entry = ce[p];
  }
  return 0;
}

/* The parts of token t between the separator sep: their count (at most
 * COMPOUND_PARTS, else 0) and their spans in ps/pe. */
static size_t split_parts(const cyb__norm *nm, const cyb__token *t, char sep, uint32_t *ps, uint32_t *pe) {
  size_t np = 0, b = t->start;
  for (uint32_t i = t->start; i <= t->end; i++) {
    if (i < t->end && nm->text[i] != sep) continue;
    if (np == COMPOUND_PARTS) return 0;
    ps[np] = (uint32_t)b;
    pe[np++] = i;
    b = i + 1;
  }
  return np;
}

/* WASHINGTON/THE HAGUE, LA HAYE/BRUXELLES: the slash splits a dateline of
 * multi-word places inside one token, so its first part may end a name that
 * begins with the words before the token and its last part may begin a name
 * that goes on with the words after it. Each inner part must be a place on
 * its own; the outer ones are looked up joined with their neighbours (the
 * longest place of the trie wins). One candidate a part; none unless all
 * parts are places. */
static int slashed_multiword(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t k,
                             const uint32_t *ps, const uint32_t *pe, size_t np, cyb__cands *out) {
  int32_t ce[COMPOUND_PARTS];
  uint32_t tb0 = (uint32_t)k, te1 = (uint32_t)k + 1; /* token spans of the first and the last part */
  for (size_t p = 0; p < np; p++) {
    uint32_t vid;
    int node = part_node(g, nm->text + ps[p], pe[p] - ps[p], &vid);
    ce[p] = part_place(g, nm, node, ps[p], pe[p], true);
    if (p == 0) { /* the words before the token, then the part: LA + HAYE */
      for (size_t back = 1; back < MAX_ALIAS_TOKENS && back <= k; back++) {
        size_t j = k - back;
        if (!(tt->tok[j].flags & CYB_TOK_CAP) || (tt->tok[j + 1].flags & CYB_TOK_SENT_START)) break; /* not across sentences */
        uint32_t n = UINT32_MAX;
        bool ok = true;
        for (size_t i = j; i < k && ok; i++) {
          uint32_t v = tt->tok[i].vid;
          ok = v != CYB_NO_VID && v < g->nroot && (i == j || g->inner[v]);
          if (ok) ok = (n = i > j ? edge_find(g, n, v) : g->root[v]) != UINT32_MAX;
        }
        if (ok) ok = vid != CYB_NO_VID && vid < g->nroot && g->inner[vid] && (n = edge_find(g, n, vid)) != UINT32_MAX;
        if (!ok) n = UINT32_MAX;
        int32_t e = n == UINT32_MAX ? -1 : part_place(g, nm, (int)n, tt->tok[j].start, pe[0], true);
        if (e >= 0) {
          ce[0] = e;
          tb0 = (uint32_t)j;
        }
      }
    } else if (p + 1 == np && vid != CYB_NO_VID && vid < g->nroot) { /* the part, then the words after: THE + HAGUE */
      uint32_t n = g->root[vid];
      for (size_t j = k + 1; n != UINT32_MAX && j < tt->ntok && j - k < MAX_ALIAS_TOKENS; j++) {
        uint32_t v = tt->tok[j].vid;
        if (v == CYB_NO_VID || v >= g->nroot || !g->inner[v] || !(tt->tok[j].flags & CYB_TOK_CAP) ||
            (tt->tok[j].flags & CYB_TOK_SENT_START))
          break;
        if ((n = edge_find(g, n, v)) == UINT32_MAX) break;
        int32_t e = part_place(g, nm, (int)n, ps[p], tt->tok[j].end, true);
        if (e >= 0) {
          ce[p] = e;
          te1 = (uint32_t)j + 1;
        }
      }
    }
    if (ce[p] < 0) return 0;
  }
  if (tb0 == k && te1 == k + 1) return 0; /* every_part_a_place() has seen it */
  for (size_t p = 0; p < np; p++) {
    uint32_t b = p == 0 ? tt->tok[tb0].start : ps[p], e = p + 1 == np ? tt->tok[te1 - 1].end : pe[p];
    uint32_t tb = p == 0 ? tb0 : (uint32_t)k, te = p + 1 == np ? te1 : (uint32_t)k + 1;
    cyb__cand *c = cyb__cand_push(out, b, e, tb, te, g->e[ce[p]].label, CYB_SRC_COMPOUND, 0.9f);
    if (!c) return CYBERNER_ENOMEM;
    c->entry = ce[p];
  }
  return 0;
}

/* SEOUL/WASHINGTON, Paris/Bruxelles, Belga/AFP: names joined by a slash,
 * each capitalized and each a country, a place or a body of the
 * dictionaries. */
static int match_slashed(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t k,
                         cyb__cands *out) {
  uint32_t ps[COMPOUND_PARTS], pe[COMPOUND_PARTS];
  if (k + 1 < tt->ntok && (tt->tok[k + 1].flags & CYB_TOK_NUMBER)) return 0; /* a standard: ISO/IEC 27001 */
  size_t np = split_parts(nm, &tt->tok[k], '/', ps, pe);
  for (size_t p = 0; p < np; p++)
    if (pe[p] == ps[p] || !nm->upper[ps[p]]) return 0;
  if (np < 2) return 0;
  size_t n0 = out->n;
  int rc = every_part_a_place(g, nm, tt, k, ps, pe, np, true, out);
  return rc || out->n > n0 ? rc : slashed_multiword(g, nm, tt, k, ps, pe, np, out);
}

/* Part p of a two-part compound names entry e (a bloc, a region): when
 * the other part is a country, both are tagged. */
static int with_country(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t k,
                        const uint32_t *ps, const uint32_t *pe, size_t p, int32_t e, cyb__cands *out) {
  size_t q = 1 - p, n1 = out->n; /* the other part, if a country, is pushed here */
  if (every_part_a_place(g, nm, tt, k, ps + q, pe + q, 1, false, out)) return CYBERNER_ENOMEM;
  if (out->n == n1) return 0;
  cyb__cand *c = cyb__cand_push(out, ps[p], pe[p], (uint32_t)k, (uint32_t)k + 1, g->e[e].label, CYB_SRC_COMPOUND, 0.9f);
  if (!c) return CYBERNER_ENOMEM;
  c->entry = e;
  return 0;
}

/* EU-Japan, NATO-Ukraine, US-ASEAN: a union or an alliance is a party like
 * a country; one part an organization's acronym written in capitals (an
 * alias of the dictionaries, with its case), the other a country: both are
 * tagged. A name in lower case or a company in Title Case (Toyota-Japan) is
 * not taken. */
static int bloc_and_country(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t k,
                            const uint32_t *ps, const uint32_t *pe, cyb__cands *out) {
  for (size_t p = 0; p < 2; p++) {
    size_t q = 1 - p;
    uint32_t n = pe[p] - ps[p];
    if (n < 2 || n > 6) continue;
    bool caps = true;
    for (uint32_t i = ps[p]; i < pe[p] && caps; i++) caps = nm->upper[i] && nm->text[i] >= 'a' && nm->text[i] <= 'z';
    if (!caps || !nm->upper[ps[q]]) continue;
    uint32_t vid;
    int node = part_node(g, nm->text + ps[p], n, &vid);
    int32_t e = -1;
    for (uint32_t i = 0; node >= 0 && i < g->nodes[node].alias_n && e < 0; i++) {
      const galias *a = &g->al[g->nodes[node].alias_begin + i];
      if (g->e[a->entry].label == CYBERNER_ORGANIZATION && a->cs && part_case_ok(g, a, nm, ps[p], pe[p]))
        e = (int32_t)a->entry;
    }
    if (e >= 0) return with_country(g, nm, tt, k, ps, pe, p, e, out);
  }
  return 0;
}

/* The LOCATION a capitalized part [b, e) of a compound names: with region,
 * one of no one country (a continent, a sea), else one of a country (a
 * city); -1 for none. */
static int32_t part_location(const cyb__gazetteer *g, const cyb__norm *nm, uint32_t b, uint32_t e, bool region) {
  uint32_t vid;
  int node = nm->upper[b] ? part_node(g, nm->text + b, e - b, &vid) : -1;
  for (uint32_t i = 0; node >= 0 && i < g->nodes[node].alias_n; i++) {
    const galias *a = &g->al[g->nodes[node].alias_begin + i];
    const cyb__entry *r = &g->e[a->entry];
    if (r->label == CYBERNER_LOCATION && !r->country == region && part_case_ok(g, a, nm, b, e))
      return (int32_t)a->entry;
  }
  return -1;
}

/* Brésil-Europe, China-Africa: a region of several countries (a LOCATION
 * of no one country: a continent, a sea) is a party of a country's
 * relations like a country; with a capital, both parts are tagged. A
 * country's city (Israel-Gaza) is not taken. */
static int country_and_region(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t k,
                              const uint32_t *ps, const uint32_t *pe, cyb__cands *out) {
  for (size_t p = 0; p < 2; p++) {
    int32_t e = part_location(g, nm, ps[p], pe[p], true);
    if (e >= 0) return with_country(g, nm, tt, k, ps, pe, p, e, out);
  }
  return 0;
}

/* Séoul-Washington, Paris-Berlin, Paris-Delhi-Canberra: cities of
 * different countries joined by hyphens are so many places (their
 * governments, a route, an axis); two of one country may name a third
 * place (Aix-Marseille), so a chain with two cities of one country is left
 * alone. */
static int city_chain(const cyb__gazetteer *g, const cyb__norm *nm, size_t k, const uint32_t *ps, const uint32_t *pe,
                      size_t np, cyb__cands *out) {
  int32_t ce[COMPOUND_PARTS];
  if (np > COMPOUND_PARTS) return 0;
  for (size_t p = 0; p < np; p++) {
    if ((ce[p] = part_location(g, nm, ps[p], pe[p], false)) < 0) return 0;
    for (size_t q = 0; q < p; q++)
      if (!strcmp(g->e[ce[q]].country, g->e[ce[p]].country)) return 0;
  }
  for (size_t p = 0; p < np; p++) {
    cyb__cand *c = cyb__cand_push(out, ps[p], pe[p], (uint32_t)k, (uint32_t)k + 1, CYBERNER_LOCATION,
                                  CYB_SRC_COMPOUND, 0.9f);
    if (!c) return CYBERNER_ENOMEM;
    c->entry = ce[p];
  }
  return 0;
}

/* franco-japonais → NATIONALITY FR+JP; UK-NL → COUNTRY UK, COUNTRY NL. */
static int match_compound(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t k,
                          bool titlecase, cyb__cands *out) {
  const cyb__token *t = &tt->tok[k];
  enum { MAXP = COMPOUND_PARTS };
  uint32_t ps[MAXP], pe[MAXP];
  size_t np = split_parts(nm, t, '-', ps, pe);
  if (np < 2) return 0;
  /* nationality compound: combining forms or nationalities, then a nationality */
  char ids[3 * MAXP + 1];
  size_t idl = 0;
  bool nat = true;
  for (size_t p = 0; p < np && nat; p++) {
    uint32_t vid;
    int node = part_node(g, nm->text + ps[p], pe[p] - ps[p], &vid);
    int32_t e = node_entry(g, node, CYBERNER_NATIONALITY);
    if (e < 0 && p + 1 < np && vid != CYB_NO_VID && g->combining[vid] >= 0) e = g->combining[vid];
    if (e < 0 && p + 1 == np && p > 0 && idl) e = node_entry(g, node, CYBERNER_COUNTRY); /* sino-philippines */
    if (e < 0) {
      nat = false;
      break;
    }
    const char *code = g->e[e].id;
    if (idl && strstr(ids, code)) continue;
    if (idl) ids[idl++] = '+';
    memcpy(ids + idl, code, 2);
    idl += 2;
    ids[idl] = '\0';
  }
  if (nat && idl > 2) {
    cyb__cand *c = cyb__cand_push(out, t->start, t->end, (uint32_t)k, (uint32_t)k + 1, CYBERNER_NATIONALITY,
                                  CYB_SRC_COMPOUND, 0.9f);
    if (!c || (c->id = cyb__cand_string(out, ids, idl)) < 0) return CYBERNER_ENOMEM;
    return 0;
  }
  /* Japan-based, Chinese-linked, Hezbollah-linked, IRGC-affiliated: the
   * name before a lower-case word is tagged alone; not a language
   * (Russian-speaking, ENTITIES.md rule 8) */
  static const char *const language_words[] = {"speaking", "speaker", "speakers", "language", "phone", "phones",
                                                "parlant", "speaking"};
  /* in a Title Case headline the second part has a capital too (US-Led), but
   * not in capitals (POST-WAR) and not a name itself (Romania-Hungary) */
  uint32_t vid2;
  bool headline_case = titlecase && !(t->flags & CYB_TOK_ALLCAPS) && part_node(g, nm->text + ps[1], pe[1] - ps[1], &vid2) < 0;
  if (np == 2 && (!nm->upper[ps[1]] || headline_case) && nm->upper[ps[0]]) {
    bool language = false;
    for (size_t i = 0; i < sizeof language_words / sizeof *language_words; i++)
      language |= pe[1] - ps[1] == strlen(language_words[i]) && !memcmp(nm->text + ps[1], language_words[i], pe[1] - ps[1]);
    uint32_t vid;
    int node = language ? -1 : part_node(g, nm->text + ps[0], pe[0] - ps[0], &vid);
    static const int labels[] = {CYBERNER_COUNTRY, CYBERNER_NATIONALITY, CYBERNER_AGENCY, CYBERNER_ORGANIZATION,
                                 CYBERNER_THREAT_ACTOR, CYBERNER_LOCATION}; /* ... Geneva-based */
    for (size_t i = 0; node >= 0 && i < sizeof labels / sizeof *labels; i++) {
      int32_t e = node_entry(g, node, labels[i]);
      if (e < 0) continue;
      const galias *a = NULL; /* a case-sensitive alias must match the case of the part */
      const gnode *nd = &g->nodes[node];
      for (uint32_t j = 0; j < nd->alias_n && !a; j++)
        if (g->al[nd->alias_begin + j].entry == (uint32_t)e) a = &g->al[nd->alias_begin + j];
      if (a && !part_case_ok(g, a, nm, ps[0], pe[0])) continue;
      cyb__cand *c = cyb__cand_push(out, ps[0], pe[0], (uint32_t)k, (uint32_t)k + 1, labels[i], CYB_SRC_COMPOUND,
                                    0.85f);
      if (!c) return CYBERNER_ENOMEM;
      int32_t state = labels[i] == CYBERNER_LOCATION ? state_after_town(g, nm, tt, out, (uint32_t)node, k, k + 1) : -1;
      c->entry = state >= 0 ? state : e;
      return 0;
    }
  }
  /* a US party letter before a state: (R-Idaho), (D-Calif.) */
  if (np == 2 && pe[0] - ps[0] == 1 && strchr("dri", nm->text[ps[0]]) && nm->upper[ps[0]] && nm->upper[ps[1]])
    return every_part_a_place(g, nm, tt, k, ps + 1, pe + 1, 1, true, out);
  /* countries used as modifiers: every part must be a country */
  size_t n0 = out->n;
  int rc = every_part_a_place(g, nm, tt, k, ps, pe, np, false, out);
  if (rc || out->n > n0) return rc;
  if (np == 2 && (rc = bloc_and_country(g, nm, tt, k, ps, pe, out))) return rc;
  if (np == 2 && out->n == n0 && (rc = country_and_region(g, nm, tt, k, ps, pe, out))) return rc;
  return out->n > n0 ? 0 : city_chain(g, nm, k, ps, pe, np, out);
}

/* "le ministre français de l'Europe et des Affaires étrangères": a role of
 * the dictionaries (an alias of NOT_ENTITY entries only) whose first word a
 * nationality follows in the text is read without the nationality: a
 * NOT_ENTITY over the words after it hides them (Europe), the nationality
 * stays tagged on its own (ENTITIES.md rules 4 and 6). The end of the role,
 * 0 when there is none at k. */
static size_t role_around_nationality(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt,
                                      const cyb__sentence *s, size_t k, bool titlecase, cyb__cands *out,
                                      int *rc) {
  uint32_t vid = tt->tok[k].vid;
  if (k + 2 >= s->tok_end || vid == CYB_NO_VID || vid >= g->nroot ||
      cyb__gazetteer_single_label(g, tt->tok[k + 1].vid) != CYBERNER_NATIONALITY)
    return 0;
  uint32_t node = g->root[vid], best = UINT32_MAX;
  size_t best_end = 0;
  for (size_t j = k + 2; node != UINT32_MAX && j < s->tok_end && j - k < MAX_ALIAS_TOKENS; j++) {
    uint32_t v = tt->tok[j].vid;
    if (v == CYB_NO_VID || v >= g->nroot || !g->inner[v]) break;
    node = edge_find(g, node, v);
    if (node == UINT32_MAX || !g->nodes[node].alias_n) continue;
    const gnode *nd = &g->nodes[node];
    bool roles = true, ok = false;
    for (uint32_t i = 0; i < nd->alias_n; i++) {
      const galias *a = &g->al[nd->alias_begin + i];
      roles &= g->e[a->entry].label == CYB_NOT_ENTITY;
      ok |= alias_ok(g, a, nm, tt, k, j + 1, s->lang, titlecase);
    }
    if (roles && ok) best = node, best_end = j + 1;
  }
  if (best == UINT32_MAX) return 0;
  if (cyb__grow((void **)&out->alts, &out->alts_cap, out->nalts + 1, sizeof *out->alts)) {
    *rc = CYBERNER_ENOMEM;
    return 0;
  }
  uint32_t entry = g->al[g->nodes[best].alias_begin].entry;
  cyb__cand *c = cyb__cand_push(out, tt->tok[k + 2].start, tt->tok[best_end - 1].end, (uint32_t)(k + 2),
                                (uint32_t)best_end, CYB_NOT_ENTITY, CYB_SRC_DICT, 1.0f);
  if (!c) {
    *rc = CYBERNER_ENOMEM;
    return 0;
  }
  c->alt = (uint32_t)out->nalts;
  out->alts[out->nalts++] = entry;
  c->nalt = 1;
  c->entry = (int32_t)entry;
  return best_end;
}

/* A token no alias starts at that glues names: a compound (US-India) or
 * a slashed pair in capitals (SEOUL/WASHINGTON) is read part by part. */
static int match_glued(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt, size_t k, bool titlecase,
                       cyb__cands *out) {
  uint16_t f = tt->tok[k].flags;
  if (f & CYB_TOK_HYPHEN) return match_compound(g, nm, tt, k, titlecase, out);
  if ((f & CYB_TOK_SLASH) && (f & CYB_TOK_CAP)) return match_slashed(g, nm, tt, k, out);
  return 0;
}

int cyb__gazetteer_match(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt,
                         const cyb__sentence *s, cyb__cands *out) {
  size_t covered = s->tok_begin;
  bool titlecase = s->titlecase;
  /* in locals: the stores of candidates through out could alias them, and
   * the compiler would load them again at every token */
  const cyb__token *tok = tt->tok;
  const uint32_t *root = g->root;
  const size_t nroot = g->nroot, tok_end = s->tok_end;
  for (size_t k = s->tok_begin; k < tok_end; k++) {
    uint32_t vid = tok[k].vid; /* CYB_NO_VID is past nroot */
    uint32_t node = vid < nroot ? root[vid] : UINT32_MAX, best = UINT32_MAX;
    if (node == UINT32_MAX) { /* most tokens start no alias (nor a role): only a compound is read there */
      if (k >= covered && match_glued(g, nm, tt, k, titlecase, out)) return CYBERNER_ENOMEM;
      continue;
    }
    size_t best_end = k;
    for (size_t j = k;;) {
      /* remember the longest end whose aliases are valid here */
      const gnode *nd = &g->nodes[node];
      for (uint32_t i = 0; i < nd->alias_n; i++) {
        if (alias_ok(g, &g->al[nd->alias_begin + i], nm, tt, k, j + 1, s->lang, titlecase)) {
          best = node;
          best_end = j + 1;
          break;
        }
      }
      if (++j >= tok_end || j - k >= MAX_ALIAS_TOKENS) break;
      vid = tok[j].vid;
      if (vid >= nroot || !g->inner[vid] || (node = edge_find(g, node, vid)) == UINT32_MAX) break;
    }
    int rc = 0;
    size_t role_end = best == UINT32_MAX ? role_around_nationality(g, nm, tt, s, k, titlecase, out, &rc) : 0;
    if (rc) return rc;
    if (role_end > covered) covered = role_end; /* (no compound read inside it below) */
    if (best != UINT32_MAX) {
      if (emit(g, nm, tt, best, k, best_end, s->lang, titlecase, out)) return CYBERNER_ENOMEM;
      if (best_end > covered) covered = best_end;
    } else if (k >= covered && match_glued(g, nm, tt, k, titlecase, out)) {
      return CYBERNER_ENOMEM;
    }
  }
  return 0;
}

/* ---- meetings named after their parties ---------------------------------- */

/* The party a part [b, e) of a compound names: a country (its name, or its
 * ISO code in capitals: US-India) or an organization (EU-Japan, ASEAN-Japan);
 * -1 for none. */
static int32_t party_of(const cyb__gazetteer *g, const cyb__norm *nm, uint32_t b, uint32_t e) {
  if (e - b == 2 && nm->upper[b] && nm->upper[b + 1]) {
    char code[3] = {(char)(nm->text[b] - 32), (char)(nm->text[b + 1] - 32), 0};
    int slot = cyb__country_slot(code);
    if (slot >= 0 && g->country_by_code[slot] >= 0) return g->country_by_code[slot];
  }
  uint32_t vid;
  int node = part_node(g, nm->text + b, e - b, &vid);
  int32_t p = part_place(g, nm, node, b, e, false);
  return p >= 0 ? p : node_entry(g, node, CYBERNER_ORGANIZATION);
}

static int by_series_key(const void *pa, const void *pb) {
  const cyb__series *a = pa, *b = pb;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  if (a->entry != b->entry) return a->entry < b->entry ? -1 : 1;
  if (a->party[0] != b->party[0]) return a->party[0] < b->party[0] ? -1 : 1;
  return a->party[1] < b->party[1] ? -1 : a->party[1] > b->party[1];
}

/* One alias of an EVENT entry: when its first or its last word is a
 * compound of two parties (EU-Japan Cyber Dialogue, Dialogue cyber
 * UE-Japon) and two words or more are left, those words are its series. */
static int add_series(cyb__gazetteer *g, const cyb__fold *f, scratch *sc, uint32_t entry, const char *s, size_t n,
                      size_t *cap) {
  if (n >= 3 && (!memcmp(s, "fr:", 3) || !memcmp(s, "en:", 3))) s += 3, n -= 3;
  if (n && *s == '=') s++, n--;
  if (!n) return 0;
  if (cyb__normalize(f, s, n, &sc->nm) || cyb__tokenize(&sc->nm, &sc->tt)) return CYBERNER_ENOMEM;
  size_t nt = sc->tt.ntok;
  if (nt < 3 || nt > CYB_SERIES_MAX_WORDS + 1) return 0;
  for (int end = 0; end < 2; end++) {
    const cyb__token *t = &sc->tt.tok[end ? nt - 1 : 0];
    uint32_t ps[COMPOUND_PARTS], pe[COMPOUND_PARTS];
    if (!(t->flags & CYB_TOK_HYPHEN) || split_parts(&sc->nm, t, '-', ps, pe) != 2) continue;
    int32_t a = party_of(g, &sc->nm, ps[0], pe[0]), b = party_of(g, &sc->nm, ps[1], pe[1]);
    if (a < 0 || b < 0 || a == b) continue;
    uint32_t vids[CYB_SERIES_MAX_WORDS];
    size_t nv = 0;
    for (size_t k = end ? 0 : 1; k < (end ? nt - 1 : nt); k++) {
      const cyb__token *w = &sc->tt.tok[k];
      vids[nv++] = vocab_find(g, sc->nm.text + w->start, w->end - w->start);
    }
    if (cyb__grow((void **)&g->series, cap, g->nseries + 1, sizeof *g->series)) return CYBERNER_ENOMEM;
    g->series[g->nseries++] = (cyb__series){cyb__gazetteer_series_key(vids, nv), entry, {(uint32_t)a, (uint32_t)b}};
    return 0;
  }
  return 0;
}

static int build_series(cyb__gazetteer *g, const cyb__fold *f, scratch *sc) {
  size_t cap = 0;
  for (uint32_t i = 0; i < g->ne; i++) {
    const cyb__entry *e = &g->e[i];
    if (e->dead || e->label != CYBERNER_EVENT) continue;
    if (add_series(g, f, sc, i, e->name, strlen(e->name), &cap)) return CYBERNER_ENOMEM;
    for (const char *p = e->aliases; p && *p;) {
      const char *q = strchr(p, '|');
      size_t n = q ? (size_t)(q - p) : strlen(p);
      if (add_series(g, f, sc, i, p, n, &cap)) return CYBERNER_ENOMEM;
      p = q ? q + 1 : NULL;
    }
  }
  if (g->nseries) qsort(g->series, g->nseries, sizeof *g->series, by_series_key);
  size_t w = 0; /* one record an entry, key and parties (its aliases repeat the series) */
  for (size_t r = 0; r < g->nseries; r++)
    if (!w || by_series_key(&g->series[w - 1], &g->series[r]) != 0) g->series[w++] = g->series[r];
  g->nseries = w;
  return 0;
}

size_t cyb__gazetteer_series(const cyb__gazetteer *g, uint64_t key, const cyb__series **out) {
  *out = NULL;
  if (!g->nseries) return 0; /* no event forms a series: no array at all */
  size_t lo = 0, hi = g->nseries;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (g->series[mid].key < key) lo = mid + 1;
    else hi = mid;
  }
  size_t n = 0;
  while (lo + n < g->nseries && g->series[lo + n].key == key) n++;
  *out = g->series + lo;
  return n;
}

/* ---- a country's bodies by the opening words of their names ------------- */

static int agency_slot(const cyb__entry *e) {
  return e->dead || e->label != CYBERNER_AGENCY || !e->country || strlen(e->country) != 2
             ? -1
             : cyb__country_slot(e->country);
}

/* The agency index (agency_first ...): counted by country, then filled in
 * entry order, each entry's names normalized once here rather than at
 * every question. */
static int build_agency_names(cyb__gazetteer *g, const cyb__fold *f, scratch *sc) {
  uint32_t count[26 * 26] = {0}, n = 0;
  for (size_t i = 0; i < g->ne; i++) {
    int slot = agency_slot(&g->e[i]);
    if (slot >= 0) count[slot]++, n++;
  }
  g->agency_first[0] = 0;
  for (size_t s = 0; s < 26 * 26; s++) g->agency_first[s + 1] = g->agency_first[s] + count[s];
  if (!(g->agency_entry = malloc(sizeof *g->agency_entry * (n ? n : 1))) ||
      !(g->agency_name_off = malloc(sizeof *g->agency_name_off * (n ? n : 1))))
    return CYBERNER_ENOMEM;
  memset(count, 0, sizeof count);
  for (size_t i = 0; i < g->ne; i++) {
    const cyb__entry *e = &g->e[i];
    int slot = agency_slot(e);
    if (slot < 0) continue;
    uint32_t at = g->agency_first[slot] + count[slot]++;
    g->agency_entry[at] = (uint32_t)i;
    g->agency_name_off[at] = (uint32_t)g->agency_names.len;
    for (const char *p = e->name; p;) {
      size_t len;
      const char *a = cyb__entry_next_name(e, &p, &len);
      if (cyb__normalize(f, a, len, &sc->nm) || cyb__buf_append(&g->agency_names, sc->nm.text, sc->nm.len + 1))
        return CYBERNER_ENOMEM;
    }
    if (cyb__buf_append(&g->agency_names, "", 1)) return CYBERNER_ENOMEM;
  }
  return 0;
}

int32_t cyb__gazetteer_agency_opening(const cyb__gazetteer *g, const char *code, const char *name, size_t n) {
  int slot = cyb__country_slot(code);
  if (slot < 0) return -1;
  int32_t found = -1;
  for (uint32_t i = g->agency_first[slot]; i < g->agency_first[slot + 1]; i++) {
    bool opens = false;
    for (const char *a = g->agency_names.data + g->agency_name_off[i]; *a && !opens; a += strlen(a) + 1)
      opens = !strncmp(a, name, n) && (a[n] == '\0' || a[n] == ' ');
    if (!opens) continue;
    if (found >= 0) return -1; /* two bodies: none */
    found = (int32_t)g->agency_entry[i];
  }
  return found;
}
