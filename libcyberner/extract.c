/* The pipeline driver: normalize → tokenize → language → gazetteer → dates →
 * rules → resolve, block by block so that memory stays bounded whatever the
 * input size. A block ends at a line break (or a space, or a character
 * boundary) so no entity is cut. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define BLOCK_BYTES (1u << 20)
/* From this length a one-call cyberner_tag() gives its tagger a vocabulary
 * memo (some 4,000 tokens of news text) */
#define ONE_CALL_MEMO_BYTES 20000
#define MAX_DATE_HITS 256
/* Slots of the result's string memo (ctx.smemo): a power of two */
#define STRING_MEMO 64

/* The scratch of tagging: every buffer of every stage. A cyberner_tagger
 * keeps one between calls, so that the hot path allocates only when a
 * document is larger than any before it. */
typedef struct {
  cyb__norm nm;
  cyb__tokens tt;
  cyb__cands cs;
  uint32_t *kept;
  size_t kept_cap;
  cyb__prio *prio;
  size_t prio_cap;
  cyb__dates_scratch *dscr;
  cyb__rules_scratch *rscr;
  cyb__vmemo *memo;          /* NULL for a one-call tagger (cyberner_tag) of a short text */
  cyb__langid_memo *lmemo;   /* the same */
  cyb__doc doc;              /* per document: reset by each call */
  size_t lang_bytes[3];      /* per document */
  cyb__date_hit hits[MAX_DATE_HITS]; /* per sentence, written before read */
  /* The result's copy of the strings the model owns (entry ids, the
   * dictionary files of sources) by the model's pointer: a document names
   * the same few entries and files again and again, and one copy each
   * serves them all. Emptied for every result. */
  struct {
    const void *key;
    int32_t off;
  } smemo[STRING_MEMO];
  size_t nsmemo;
} ctx;

struct cyberner_tagger {
  const cyberner_model *m;
  ctx c;
};

static void ctx_free(ctx *c) {
  cyb__norm_free(&c->nm);
  cyb__tokens_free(&c->tt);
  cyb__cands_free(&c->cs);
  free(c->kept);
  free(c->prio);
  cyb__dates_scratch_free(c->dscr);
  cyb__rules_scratch_free(c->rscr);
  free(c->memo);
  cyb__langid_memo_free(c->lmemo);
  free(c->doc.acr);
  free(c->doc.names);
  free(c->doc.hidden);
  free(c->doc.shorts);
  free(c->doc.linked);
  free(c->doc.seen);
  free(c->doc.late);
}

/* Forget the previous document (its buffers stay). */
static void ctx_new_document(ctx *c) {
  memset(c->doc.country_counts, 0, sizeof c->doc.country_counts);
  c->doc.nacr = c->doc.nnames = c->doc.nhidden = c->doc.nshorts = c->doc.nlinked = 0;
  c->doc.last_actor = -1;
  c->doc.x_platform = false;
  memset(c->doc.name_head, 0xff, sizeof c->doc.name_head); /* -1: empty buckets */
  memset(c->doc.acr_head, 0xff, sizeof c->doc.acr_head);
  memset(c->doc.hidden_head, 0xff, sizeof c->doc.hidden_head);
  memset(c->doc.shorts_head, 0xff, sizeof c->doc.shorts_head);
  if (c->doc.nseen) memset(c->doc.seen, 0, c->doc.seen_cap * sizeof *c->doc.seen);
  c->doc.nseen = c->doc.nlate = 0;
  memset(c->lang_bytes, 0, sizeof c->lang_bytes);
}

/* Where the block starting at off ends. */
static size_t block_end(const char *s, size_t n, size_t off) {
  if (n - off <= BLOCK_BYTES) return n;
  size_t lim = off + BLOCK_BYTES, lo = off + BLOCK_BYTES / 2;
  for (size_t i = lim; i > lo; i--)
    if (s[i - 1] == '\n') return i;
  for (size_t i = lim; i > lo; i--)
    if (s[i - 1] == ' ') return i;
  size_t i = lim;
  while (i > off + 1 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
  return i;
}

/* Sentences less sure than this (titles, bylines, lists of names) take the
 * language of the document. */
#define SURE_SENTENCE 0.5

/* Function words that settle a language without the full detector: a
 * document (block) needs DOC_WORDS of its language, OTHER_SHARE times more
 * than of the other one (French or English), FOREIGN_SHARE times more than
 * of other languages (Spanish shares de, la, que, en); a sentence needs
 * SENT_WORDS of the document's language and twice as many as of the others. */
#define DOC_WORDS 8
#define OTHER_SHARE 4
#define FOREIGN_SHARE 8
#define SENT_WORDS 2

/* The document's language from the function words of the whole block
 * (counted per sentence already), or CYB_LANG_UND when they do not settle it. */
static int doc_lang_by_words(const ctx *c) {
  unsigned k[3] = {0, 0, 0};
  for (size_t si = 0; si < c->tt.nsent; si++)
    for (int l = 0; l < 3; l++) k[l] += c->tt.sent[si].fw[l];
  unsigned fr = k[CYBERNER_LANG_FR], en = k[CYBERNER_LANG_EN], lead = fr > en ? fr : en, rest = fr > en ? en : fr;
  if (lead < DOC_WORDS || lead < OTHER_SHARE * rest || lead < FOREIGN_SHARE * k[CYBERNER_LANG_UND]) return CYBERNER_LANG_UND;
  return fr > en ? CYBERNER_LANG_FR : CYBERNER_LANG_EN;
}

/* Language of every sentence of the block. A sentence whose function words
 * plainly say the document's language takes it, and one with an English-order
 * month date (Oct. 10) and no French function word is English; the others are
 * read by the full detector, and those it is unsure of (titles, bylines, lists of names)
 * follow the document too. *doc_guess is decided here when the caller does
 * not know it yet (*guess_known false): from the function words, else by the
 * full detector over the block. */
static void sentence_langs(const cyberner_model *m, ctx *c, const char *src, size_t n, const cyberner_options *o,
                           int *doc_guess, bool *guess_known) {
  if (o && o->lang != CYBERNER_LANG_AUTO) {
    for (size_t si = 0; si < c->tt.nsent; si++) c->tt.sent[si].lang = o->lang, c->tt.sent[si].conf = 1.0;
    return;
  }
  for (size_t si = 0; si < c->tt.nsent; si++) {
    cyb__sentence *s = &c->tt.sent[si];
    cyb__sentlang_count(m->sentlang, &c->tt, s->tok_begin, s->tok_end, s->fw);
  }
  if (!*guess_known) {
    *doc_guess = doc_lang_by_words(c);
    if (*doc_guess == CYBERNER_LANG_UND && m->langid) {
      double conf;
      *doc_guess = cyb__langid_detect_memo(m->langid, c->lmemo, src, n, CYB_LANGID_NAMES_DONT_VOTE, &conf);
    }
    *guess_known = true;
  }
  int doc = *doc_guess, other = doc == CYBERNER_LANG_FR ? CYBERNER_LANG_EN : CYBERNER_LANG_FR;
  for (size_t si = 0; si < c->tt.nsent; si++) {
    cyb__sentence *s = &c->tt.sent[si];
    const unsigned *k = s->fw;
    if (doc != CYBERNER_LANG_UND && k[doc] >= SENT_WORDS && k[doc] >= 2 * (k[other] + k[CYBERNER_LANG_UND])) {
      s->lang = doc, s->conf = 1.0;
      continue;
    }
    if (!k[CYBERNER_LANG_FR] && cyb__sentlang_english_dates(&c->nm, &c->tt, s->tok_begin, s->tok_end)) {
      s->lang = CYBERNER_LANG_EN, s->conf = 1.0; /* a dateline: Oct. 10, 2024 */
      continue;
    }
    size_t os = c->nm.map[s->start], oe = cyb__norm_src_end(&c->nm, src, n, s->end);
    s->conf = 0;
    if (doc != CYBERNER_LANG_UND) { /* only the other language, when sure, overrules the document's */
      s->lang = m->langid && cyb__langid_sentence_is(m->langid, c->lmemo, src + os, oe - os,
                                                     CYB_LANGID_NAMES_DONT_VOTE, other, SURE_SENTENCE)
                    ? other
                    : doc;
      continue;
    }
    s->lang = m->langid ? cyb__langid_detect_memo(m->langid, c->lmemo, src + os, oe - os, CYB_LANGID_NAMES_DONT_VOTE,
                                                  &s->conf)
                        : CYBERNER_LANG_UND;
    if (s->lang == CYBERNER_LANG_UND || s->conf < SURE_SENTENCE) s->lang = doc;
  }
}

/* Map a normalized offset to the token that starts at or after it. */
static uint32_t token_at(const cyb__tokens *tt, const cyb__sentence *s, size_t off) {
  uint32_t lo = s->tok_begin, hi = s->tok_end;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (tt->tok[mid].start < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static int add_dates(const cyberner_model *m, ctx *c, const cyb__sentence *s, const cyberner_options *o) {
  if (!m->dates) return 0;
  if (!c->dscr && !(c->dscr = cyb__dates_scratch_new(m->dates))) return CYBERNER_ENOMEM;
  const int *ref = o && o->ref[0] ? o->ref : NULL;
  size_t from = s->start;
  for (;;) { /* a sentence with more dates than hits[] holds is read in turns */
    size_t k = cyb__dates_find(m->dates, c->dscr, c->nm.text, c->nm.upper, from, s->end, s->lang, ref, c->hits,
                               MAX_DATE_HITS);
    for (size_t i = 0; i < k; i++) {
      const cyb__date_hit *h = &c->hits[i];
      uint32_t tb = token_at(&c->tt, s, h->start), te = token_at(&c->tt, s, h->end);
      if (te <= tb) te = tb + 1;
      cyb__cand *cd = cyb__cand_push(&c->cs, (uint32_t)h->start, (uint32_t)h->end, tb, te, CYBERNER_DATE,
                                     CYB_SRC_DATE, 0.95f);
      if (!cd || (cd->value = cyb__cand_string(&c->cs, h->value, strlen(h->value))) < 0) return CYBERNER_ENOMEM;
    }
    if (k < MAX_DATE_HITS) return 0;
    from = c->hits[k - 1].end;
  }
}

static const char *source_name(const cyberner_model *m, const cyb__cand *cd, char *buf, size_t cap) {
  switch (cd->source) {
  case CYB_SRC_DICT: {
    const char *f = cd->entry >= 0 ? cyb__gazetteer_entry(m->gaz, (uint32_t)cd->entry)->file : NULL;
    const char *base = f ? strrchr(f, '/') : NULL;
    const char *name = base ? base + 1 : (f ? f : "ambiguous");
    size_t len = strlen(name);
    if (len > cap - 6) len = cap - 6;
    memcpy(buf, "dict:", 5); /* no snprintf: this runs for every entity */
    memcpy(buf + 5, name, len);
    buf[5 + len] = '\0';
    return buf;
  }
  case CYB_SRC_COMPOUND: return "rule:compound";
  case CYB_SRC_DATE: return "rule:date";
  case CYB_SRC_PATTERN: return "rule:pattern";
  case CYB_SRC_ACRONYM: return "acronym";
  case CYB_SRC_MENTION: return "mention";
  default: return "unknown";
  }
}

/* The slot of key in the result's string memo: its own, or the empty one
 * where it goes. */
static size_t smemo_slot(const ctx *c, const void *key) {
  size_t i = ((uintptr_t)key >> 3) * 0x9e3779b97f4a7c15ull >> 58; /* 64 slots */
  while (c->smemo[i].key && c->smemo[i].key != key) i = (i + 1) & (STRING_MEMO - 1);
  return i;
}

/* cyb__result_string(r, s) once per key (a pointer into the model, or a
 * constant, whose string s stays the same) and result. */
static int32_t model_string(ctx *c, cyberner_result *r, const void *key, const char *s) {
  size_t i = smemo_slot(c, key);
  if (c->smemo[i].key) return c->smemo[i].off;
  int32_t off = cyb__result_string(r, s);
  if (off >= 0 && c->nsmemo < STRING_MEMO / 2) { /* half full at most: the probes stay short */
    c->smemo[i].key = key;
    c->smemo[i].off = off;
    c->nsmemo++;
  }
  return off;
}

/* The source string of a candidate, stored once per result for each kind
 * of source and each dictionary file. */
static int32_t source_string(const cyberner_model *m, ctx *c, cyberner_result *r, const cyb__cand *cd) {
  static const char no_file = 0;
  char buf[300];
  const void *key = NULL;
  if (cd->source == CYB_SRC_DICT) {
    const char *f = cd->entry >= 0 ? cyb__gazetteer_entry(m->gaz, (uint32_t)cd->entry)->file : NULL;
    key = f ? (const void *)f : &no_file;
    size_t i = smemo_slot(c, key);
    if (c->smemo[i].key) return c->smemo[i].off; /* no "dict:" string to make */
  }
  const char *name = source_name(m, cd, buf, sizeof buf);
  return model_string(c, r, key ? key : name, name); /* other sources: a constant string */
}

/* Append the kept candidates of a sentence to the result. */
static int emit_entities(const cyberner_model *m, ctx *c, const char *src, size_t n, size_t base,
                         const cyb__sentence *s, size_t nkept, const cyberner_options *o, cyberner_result *r) {
  for (size_t i = 0; i < nkept; i++) {
    const cyb__cand *cd = &c->cs.c[c->kept[i]];
    if (cd->label == CYB_NOT_ENTITY) continue; /* a plan or a law: it only hides what it contains */
    /* a hashtag (#MacronLeaks, #Lakshadweep) is a tag, not a mention: the
     * golds leave it untagged */
    size_t so = c->nm.map[cd->ns];
    if (so > 0 && so <= n && src[so - 1] == '#') continue;
    cyb__doc_saw_entry(&c->doc, cd->entry);
    if (cd->label == CYBERNER_THREAT_ACTOR && cd->entry >= 0) c->doc.last_actor = cd->entry;
    const char *id = cd->entry >= 0 ? cyb__gazetteer_entry(m->gaz, (uint32_t)cd->entry)->id
                                    : (cd->id >= 0 ? c->cs.strings.data + cd->id : NULL);
    /* the platform called X once: its later bare X's are it too (platform_x) */
    if (cd->label == CYBERNER_ORGANIZATION && cd->ne == cd->ns + 1 && c->nm.text[cd->ns] == 'x' && id &&
        strcmp(id, CYB_X_PLATFORM_ID) == 0)
      c->doc.x_platform = true;
    /* the document's entries and countries, for linking ambiguous names later on */
    if (cd->entry >= 0 && cd->nalt > 1 && c->doc.nlinked < CYB_DOC_MAX_NAMES) {
      cyb__linked l = {cyb__hash(c->nm.text + cd->ns, cd->ne - cd->ns), cd->entry};
      bool seen = false;
      for (size_t j = 0; j < c->doc.nlinked && !seen; j++) seen = c->doc.linked[j].name == l.name;
      /* out of memory only loses the memory of this name */
      if (!seen && !cyb__grow((void **)&c->doc.linked, &c->doc.linked_cap, c->doc.nlinked + 1, sizeof *c->doc.linked))
        c->doc.linked[c->doc.nlinked++] = l;
    }
    const char *cc = cyb__cand_country(m, &c->cs, cd);
    if (cc)
      for (const char *p = cc; strlen(p) >= 2; p += 3) {
        int slot = cyb__country_slot(p);
        if (slot >= 0) c->doc.country_counts[slot]++;
        if (p[2] != '+') break;
      }
    if (o && o->labels && !(o->labels & (1u << cd->label))) continue;
    /* a dictionary name whose alternatives the context so far did not
     * settle: linked when the whole document is read (link_late), which
     * gives it back the score of a name linked at once; min_score is
     * applied to it then */
    bool late = cd->source == CYB_SRC_DICT && cd->entry < 0 && cd->nalt > 1 && cd->nalt <= CYB_LATE_ALTS;
    if (o && !late && cd->score < o->min_score) continue;
    if (cyb__grow((void **)&r->e, &r->cap, r->n + 1, sizeof *r->e)) return CYBERNER_ENOMEM;
    size_t start = base + c->nm.map[cd->ns];
    if (r->n && start < r->e[r->n - 1].end) continue; /* two names from one input character: keep the first */
    cyb__entity *e = &r->e[r->n];
    e->start = start;
    e->end = base + cyb__norm_src_end(&c->nm, src, n, cd->ne);
    e->label = cd->label;
    e->lang = (uint8_t)s->lang;
    e->score = cd->score;
    e->id = !id ? -1 : cd->entry >= 0 ? model_string(c, r, id, id) : cyb__result_string(r, id);
    e->value = cd->value >= 0 ? cyb__result_string(r, c->cs.strings.data + cd->value) : -1;
    e->source = source_string(m, c, r, cd);
    if (e->source < 0 || (id && e->id < 0) || (cd->value >= 0 && e->value < 0)) return CYBERNER_ENOMEM;
    if (late) {
      if (cyb__grow((void **)&c->doc.late, &c->doc.late_cap, c->doc.nlate + 1, sizeof *c->doc.late))
        return CYBERNER_ENOMEM;
      cyb__late_link *l = &c->doc.late[c->doc.nlate++];
      l->entity = r->n;
      l->nalt = (uint8_t)cd->nalt;
      l->lower = cd->label == CYBERNER_AGENCY;
      for (uint32_t b = cd->ns; b < cd->ne && l->lower; b++) l->lower = !c->nm.upper[b];
      memcpy(l->alt, c->cs.alts + cd->alt, cd->nalt * sizeof *l->alt);
    }
    r->n++;
  }
  return 0;
}

/* The names emit_entities left unlinked, now that the whole document is
 * read (cyb__late_pick); then those of them still below the caller's
 * min_score are dropped. */
/* Does a DATE of r other than entity self have a value that starts with
 * the day v (YYYY-MM-DD), or with its month and day in a year it leaves
 * open (XXXX-08-02: "on August 2")? */
static bool other_date_on(const cyberner_result *r, size_t self, const char *v) {
  for (size_t i = 0; i < r->n; i++) {
    const char *o = r->e[i].value >= 0 ? r->strings.data + r->e[i].value : NULL;
    if (i == self || r->e[i].label != CYBERNER_DATE || !o || strlen(o) < 10) continue;
    if ((strncmp(o, v, 4) == 0 || strncmp(o, "XXXX", 4) == 0) && strncmp(o + 4, v + 4, 6) == 0) return true;
  }
  return false;
}

/* "Friday, Aug. 2, 2024 ... a decision dated 02/08/2024": an English
 * slashed date read month first is read day first when another date of the
 * document falls on that day and none on the month-first one (a dateline,
 * a date written in words). Spans are unchanged. */
static int slashed_dates_by_document(const char *src, cyberner_result *r) {
  for (size_t i = 0; i < r->n; i++) {
    cyb__entity *e = &r->e[i];
    char day_first[11];
    if (e->label != CYBERNER_DATE || e->value < 0 ||
        !cyb__dates_day_first(src + e->start, e->end - e->start, r->strings.data + e->value, day_first))
      continue;
    if (!other_date_on(r, i, day_first) || other_date_on(r, i, r->strings.data + e->value)) continue;
    if ((e->value = cyb__result_string(r, day_first)) < 0) return CYBERNER_ENOMEM;
  }
  return 0;
}

static int link_late(const cyberner_model *m, ctx *c, cyberner_result *r, const cyberner_options *o) {
  bool drop = false;
  for (size_t i = 0; i < c->doc.nlate; i++) {
    const cyb__late_link *l = &c->doc.late[i];
    if (cyb__late_foreign(m, &c->doc, l)) {
      r->e[l->entity].score = -1.0f; /* below any min_score: dropped below */
      drop = true;
      continue;
    }
    int32_t pick = cyb__late_pick(m, &c->doc, l);
    drop |= o && pick < 0 && r->e[l->entity].score < o->min_score;
    if (pick < 0) continue;
    cyb__cand one = {.source = CYB_SRC_DICT, .entry = pick};
    const char *id = cyb__gazetteer_entry(m->gaz, (uint32_t)pick)->id;
    cyb__entity *e = &r->e[l->entity];
    e->id = model_string(c, r, id, id);
    /* linked now: the score the name would have had linked at once */
    e->score = e->score / CYB_UNSURE_LINK > 1.0f ? 1.0f : e->score / CYB_UNSURE_LINK;
    e->source = source_string(m, c, r, &one);
    if (e->id < 0 || e->source < 0) return CYBERNER_ENOMEM;
  }
  if (!drop) return 0;
  size_t k = 0;
  for (size_t i = 0; i < r->n; i++)
    if (r->e[i].score >= (o ? o->min_score : 0.0f)) r->e[k++] = r->e[i];
  r->n = k;
  return 0;
}

/* Where an entity over [start, end) goes in r's text order; SIZE_MAX when
 * one of r's entities overlaps it. */
static size_t free_slot(const cyberner_result *r, size_t start, size_t end) {
  size_t at = 0;
  while (at < r->n && r->e[at].end <= start) at++;
  return at < r->n && r->e[at].start < end ? SIZE_MAX : at;
}

/* A new entity at index at of r, the later ones moved up; NULL when out
 * of memory. */
static cyb__entity *insert_entity(cyberner_result *r, size_t at) {
  if (cyb__grow((void **)&r->e, &r->cap, r->n + 1, sizeof *r->e)) return NULL;
  memmove(r->e + at + 1, r->e + at, (r->n - at) * sizeof *r->e);
  r->n++;
  return &r->e[at];
}

/* The platform X named before the document called it X (a headline:
 * "Venezuela : X reste bloqué" ... "le réseau social X"): once the whole
 * document is read, its other bare X's (cyb__rules_late_x) outside any
 * name are the platform too. Only for a document of one block, whose
 * tokens are still at hand. */
#define LATE_X 16
static int late_platform_x(const cyberner_model *m, ctx *c, const cyberner_options *o, cyberner_result *r) {
  if (!c->doc.x_platform || !m->rules || (o && o->labels && !(o->labels & (1u << CYBERNER_ORGANIZATION))) ||
      (o && o->min_score > 0.8))
    return 0;
  for (size_t si = 0; si < c->tt.nsent; si++) {
    uint32_t found[LATE_X];
    size_t k = cyb__rules_late_x(m, &c->nm, &c->tt, &c->tt.sent[si], found, LATE_X);
    for (size_t i = 0; i < k; i++) {
      const cyb__token *t = &c->tt.tok[found[i]];
      size_t start = c->nm.map[t->start], end = start + 1, at = free_slot(r, start, end);
      if (at == SIZE_MAX) continue;
      cyb__entity *e = insert_entity(r, at);
      if (!e) return CYBERNER_ENOMEM;
      *e = (cyb__entity){.start = start, .end = end, .label = CYBERNER_ORGANIZATION, .score = 0.8f, .value = -1};
      e->lang = c->tt.sent[si].lang;
      e->id = cyb__result_string(r, CYB_X_PLATFORM_ID);
      cyb__cand pattern = {.source = CYB_SRC_PATTERN};
      e->source = source_string(m, c, r, &pattern);
      if (e->id < 0 || e->source < 0) return CYBERNER_ENOMEM;
    }
  }
  return 0;
}

/* A person the document names in full only below its first sentence (a
 * headline: "Zhao sentenced ... Changpeng Zhao"): that sentence's surname,
 * once the whole document is read (cyb__rules_late_names). Only for a
 * document of one block, whose tokens are still at hand. */
#define LATE_NAMES 8
static int headline_names(const cyberner_model *m, ctx *c, const char *src, size_t n, const cyberner_options *o,
                          cyberner_result *r) {
  if (!c->tt.nsent || !m->rules || (o && o->labels && !(o->labels & (1u << CYBERNER_PERSON))) ||
      (o && o->min_score > 0.85))
    return 0;
  cyb__late_name found[LATE_NAMES];
  size_t k = cyb__rules_late_names(m, c->rscr, src, n, &c->nm, &c->tt, &c->tt.sent[0], &c->doc, found, LATE_NAMES);
  for (size_t i = 0; i < k; i++) {
    const cyb__token *t = &c->tt.tok[found[i].tb];
    size_t start = c->nm.map[t->start], end = cyb__norm_src_end(&c->nm, src, n, t->end);
    const cyb__docname *dn = found[i].name;
    const char *id = dn->entry >= 0 ? cyb__gazetteer_entry(m->gaz, (uint32_t)dn->entry)->id : dn->id;
    /* the entities are in text order: the first ones are the sentence's;
     * none may hold the token, and the sentence must not name the person
     * in full already (then the rules saw the surname) */
    size_t at = 0, sent_end = r->ns ? r->s[0].end : 0;
    bool named = false;
    for (size_t j = 0; j < r->n && r->e[j].start < sent_end && !named; j++)
      named = r->e[j].label == CYBERNER_PERSON && r->e[j].id >= 0 && id[0] &&
              strcmp(r->strings.data + r->e[j].id, id) == 0;
    if (named) continue;
    if ((at = free_slot(r, start, end)) == SIZE_MAX) continue; /* inside another name */
    cyb__entity *e = insert_entity(r, at);
    if (!e) return CYBERNER_ENOMEM;
    *e = (cyb__entity){.start = start, .end = end, .label = CYBERNER_PERSON, .score = 0.85f, .value = -1};
    e->lang = (uint8_t)(r->ns ? r->s[0].lang : CYBERNER_LANG_UND);
    e->id = id[0] ? cyb__result_string(r, id) : -1;
    cyb__cand mention = {.source = CYB_SRC_MENTION};
    e->source = source_string(m, c, r, &mention);
    if (e->source < 0 || (id[0] && e->id < 0)) return CYBERNER_ENOMEM;
  }
  return 0;
}

static int tag_block(const cyberner_model *m, ctx *c, const char *src, size_t n, size_t base, int *doc_guess,
                     bool *guess_known, const cyberner_options *o, cyberner_result *r) {
  if (cyb__normalize(m->fold, src, n, &c->nm) || cyb__tokenize(&c->nm, &c->tt)) return CYBERNER_ENOMEM;
  r->invalid += c->nm.invalid;
  cyb__gazetteer_lookup(m->gaz, &c->nm, &c->tt, c->memo);
  sentence_langs(m, c, src, n, o, doc_guess, guess_known);
  c->doc.lang = *doc_guess;
  for (size_t si = 0; si < c->tt.nsent; si++) {
    cyb__sentence *s = &c->tt.sent[si];
    size_t os = c->nm.map[s->start], oe = cyb__norm_src_end(&c->nm, src, n, s->end);
    c->lang_bytes[s->lang] += oe - os;
    if (cyb__grow((void **)&r->s, &r->s_cap, r->ns + 1, sizeof *r->s)) return CYBERNER_ENOMEM;
    r->s[r->ns++] = (cyb__sent_out){base + os, base + oe, s->lang};

    c->cs.n = 0;
    c->cs.nalts = 0;
    c->cs.strings.len = 0;
    if (cyb__gazetteer_match(m->gaz, &c->nm, &c->tt, s, &c->cs) || add_dates(m, c, s, o)) return CYBERNER_ENOMEM;
    if (cyb__rules_match(m, c->rscr, src, n, &c->nm, &c->tt, s, &c->doc, &c->cs)) return CYBERNER_ENOMEM;
    if (cyb__grow((void **)&c->kept, &c->kept_cap, c->cs.n + 1, sizeof *c->kept) ||
        cyb__grow((void **)&c->prio, &c->prio_cap, c->cs.n + 1, sizeof *c->prio))
      return CYBERNER_ENOMEM;
    size_t k = cyb__resolve(m, &c->nm, &c->tt, &c->cs, &c->doc, c->prio, c->kept);
    cyb__rules_learn(m, &c->nm, &c->tt, &c->cs, c->kept, k, &c->doc);
    if (emit_entities(m, c, src, n, base, s, k, o, r)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* with_memo: a tagger that will see many documents keeps a word memo; the
 * one-call tagger of cyberner_tag would only pay for clearing it, unless
 * its text is long (ONE_CALL_MEMO_BYTES). */
static cyberner_tagger *tagger_new(const cyberner_model *m, bool with_memo, cyberner_error **err) {
  if (err) *err = NULL;
  if (!m) {
    cyb__fail(err, CYBERNER_EINVAL, NULL, 0, -1, "cyberner_tagger_new needs a model");
    return NULL;
  }
  cyberner_tagger *t = calloc(1, sizeof *t);
  if (!t || !(t->c.rscr = cyb__rules_scratch_new(m->rules)) ||
      (with_memo && (!(t->c.memo = calloc(1, sizeof *t->c.memo)) || !(t->c.lmemo = cyb__langid_memo_new())))) {
    if (t) ctx_free(&t->c);
    free(t);
    cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory");
    return NULL;
  }
  t->m = m;
  return t;
}

cyberner_tagger *cyberner_tagger_new(const cyberner_model *m, cyberner_error **err) {
  return tagger_new(m, true, err);
}

void cyberner_tagger_free(cyberner_tagger *t) {
  if (!t) return;
  ctx_free(&t->c);
  free(t);
}

cyberner_result *cyberner_tagger_tag(cyberner_tagger *t, const char *utf8, size_t len, const cyberner_options *o,
                                     cyberner_error **err) {
  if (err) *err = NULL;
  if (!t || (!utf8 && len)) {
    cyb__fail(err, CYBERNER_EINVAL, NULL, 0, -1, "cyberner_tag needs a model and text (NULL text only with len 0)");
    return NULL;
  }
  const cyberner_model *m = t->m;
  ctx *c = &t->c;
  if (!utf8) utf8 = "";
  if (o && o->strict_utf8) {
    size_t bad = cyb__utf8_check(utf8, len);
    if (bad < len) {
      cyb__fail(err, CYBERNER_EUTF8, NULL, 0, (int64_t)bad, "invalid UTF-8 byte 0x%02X",
                (unsigned)(unsigned char)utf8[bad]);
      return NULL;
    }
  }
  cyberner_result *r = calloc(1, sizeof *r);
  if (!r) goto oom;
  /* the result's strings (ids, values, sources) run to about half the
   * text: one allocation instead of doubling from 16 bytes; a long
   * document grows from 32 KiB */
  if (cyb__buf_reserve(&r->strings, len / 2 < 32768 ? len / 2 : 32768)) goto oom;
  ctx_new_document(c);
  memset(c->smemo, 0, sizeof c->smemo);
  c->nsmemo = 0;
  double conf = 0;
  int doc_guess = CYBERNER_LANG_UND;
  bool guess_known = false;
  if (o && o->lang != CYBERNER_LANG_AUTO) {
    doc_guess = o->lang, conf = 1.0, guess_known = true;
  } else if (m->langid && len > BLOCK_BYTES) {
    /* several blocks: the first must already know the whole document's language */
    doc_guess = cyb__langid_detect_memo(m->langid, c->lmemo, utf8, len, CYB_LANGID_NAMES_DONT_VOTE, &conf);
    guess_known = true;
  }
  for (size_t off = 0; off < len;) {
    size_t end = block_end(utf8, len, off);
    if (tag_block(m, c, utf8 + off, end - off, off, &doc_guess, &guess_known, o, r)) goto oom;
    off = end;
  }
  if (link_late(m, c, r, o) || slashed_dates_by_document(utf8, r)) goto oom;
  /* one block, not empty: its tokens are still here */
  if (len > 0 && len <= BLOCK_BYTES && (headline_names(m, c, utf8, len, o, r) || late_platform_x(m, c, o, r)))
    goto oom;
  /* the document's language is the language of most of its text */
  r->lang = doc_guess;
  r->lang_conf = conf;
  size_t fr = c->lang_bytes[CYBERNER_LANG_FR], en = c->lang_bytes[CYBERNER_LANG_EN];
  if (fr + en > 0 && (o == NULL || o->lang == CYBERNER_LANG_AUTO)) {
    r->lang = fr >= en ? CYBERNER_LANG_FR : CYBERNER_LANG_EN;
    double share = (double)(fr >= en ? fr : en) / (double)(fr + en + c->lang_bytes[0]);
    r->lang_conf = r->lang == doc_guess ? (conf > share ? conf : share) : share;
  }
  return r;
oom:
  cyberner_result_free(r);
  cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory while tagging");
  return NULL;
}

cyberner_result *cyberner_tag(const cyberner_model *m, const char *utf8, size_t len, const cyberner_options *o,
                              cyberner_error **err) {
  if (!m) {
    if (err) *err = NULL;
    cyb__fail(err, CYBERNER_EINVAL, NULL, 0, -1, "cyberner_tag needs a model and text (NULL text only with len 0)");
    return NULL;
  }
  cyberner_tagger *t = tagger_new(m, false, err);
  if (!t) return NULL;
  /* a long text repeats its words: the vocabulary memo's clearing costs
   * less than the probes of the vocabulary it saves (out of memory: the
   * lookups go on without it) */
  if (len >= ONE_CALL_MEMO_BYTES) t->c.memo = calloc(1, sizeof *t->c.memo);
  cyberner_result *r = cyberner_tagger_tag(t, utf8, len, o, err);
  cyberner_tagger_free(t);
  return r;
}

int cyberner_detect_language(const cyberner_model *m, const char *utf8, size_t len, double *confidence) {
  if (confidence) *confidence = 0;
  if (!m || !m->langid || (!utf8 && len)) return CYBERNER_LANG_UND;
  return cyb__langid_detect(m->langid, utf8 ? utf8 : "", len, CYB_LANGID_NAMES_DONT_VOTE, confidence);
}
