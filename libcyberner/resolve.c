/* Resolution: one pass that turns overlapping candidates into entities.
 *
 * 1. An alias that several entries of one label share (Ministry of Foreign
 *    Affairs, NCSC, bureau présidentiel) takes the entry whose country the
 *    context names: a country or nationality right before it (Japanese ...,
 *    Denmark's ...)
 *    or soon after it (du Japon, of Japan; one attached to it and of no
 *    alternative leaves it unlinked), else the nearest one before it in the
 *    sentence, else the country the document mentions most. An acronym
 *    defined in parentheses right after its long form takes the long
 *    form's entry.
 *    A shared alias in lower case attached to a known body of another
 *    country (le parquet fédéral du district sud de New York) describes
 *    that body's office and is dropped.
 *    An entry within another body (within= in the dictionary) is chosen
 *    when that body is attached after the alias, else left aside.
 * 2. Candidates are taken greedily in the priority order of PRIORITY below;
 *    one that overlaps a taken one is dropped. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The whole priority order, in one place: longer span first, then the more
 * specific source, then the rank a rule gave, then the label. */
static const int SOURCE_RANK[CYB_SRC_COUNT] = {
    [CYB_SRC_ACRONYM] = 6,  /* defined in this very document */
    [CYB_SRC_DICT] = 5,     /* a known name */
    [CYB_SRC_MENTION] = 4,  /* a short form of a name seen earlier */
    [CYB_SRC_COMPOUND] = 3, /* franco-japonais */
    [CYB_SRC_DATE] = 2,
    [CYB_SRC_PATTERN] = 1,  /* shapes: titles, body names, ids */
};
static const int LABEL_RANK[CYB_NLABELS] = {
    [CYB_NOT_ENTITY] = 10,
    [CYBERNER_VULNERABILITY] = 9, [CYBERNER_COUNTRY] = 8, [CYBERNER_NATIONALITY] = 7,
    [CYBERNER_DATE] = 6,          [CYBERNER_AGENCY] = 5,  [CYBERNER_ORGANIZATION] = 4,
    [CYBERNER_EVENT] = 3,         [CYBERNER_THREAT_ACTOR] = 2, [CYBERNER_PERSON] = 1,
    [CYBERNER_LOCATION] = 0};

/* A candidate's place in the priority order, precomputed so that qsort
 * needs no context. */
typedef cyb__prio prio;

/* A name right after a courtesy title (CYB_RANK_COURTESY) and the short
 * mention of a person named in full earlier (Éric Caire ... Caire) weigh
 * like a dictionary name: then the label decides, and a person outranks a
 * place of the same span ("M. Caire" is not Cairo) but not a country or a
 * body. A pattern the context proves (CYB_RANK_CONTEXT: the city of
 * Toyota) weighs like a dictionary name too, and its rank wins the tie. */

/* The key of a length, a source rank (0-255), a rule rank (0-65535) and a
 * label rank (0-255): a higher one of each, by that order, makes a smaller
 * key. */
static uint64_t prio_key(uint32_t len, int source, int rank, int label) {
  return (uint64_t)(UINT32_MAX - len) << 32 | (uint64_t)(255 - source) << 24 | (uint64_t)(65535 - rank) << 8 |
         (uint64_t)(255 - label);
}

static prio prio_of(const cyb__cands *cs, uint32_t i) {
  const cyb__cand *c = &cs->c[i];
  if (c->label == CYBERNER_PERSON && ((c->source == CYB_SRC_PATTERN && c->rank == CYB_RANK_COURTESY) ||
                                      c->source == CYB_SRC_MENTION))
    return (prio){prio_key(c->ne - c->ns, SOURCE_RANK[CYB_SRC_DICT], 0, LABEL_RANK[c->label]), c->ns, i};
  if (c->source == CYB_SRC_PATTERN && c->rank == CYB_RANK_CONTEXT)
    return (prio){prio_key(c->ne - c->ns, SOURCE_RANK[CYB_SRC_DICT], c->rank, LABEL_RANK[c->label]), c->ns, i};
  return (prio){prio_key(c->ne - c->ns, SOURCE_RANK[c->source], c->rank, LABEL_RANK[c->label]), c->ns, i};
}

static int by_priority(const void *pa, const void *pb) {
  const prio *a = pa, *b = pb;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  if (a->ns != b->ns) return a->ns < b->ns ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx; /* the earlier candidate: the dictionary's before the rules' */
}

static int by_start(const void *pa, const void *pb) {
  const prio *a = pa, *b = pb;
  return a->ns < b->ns ? -1 : a->ns > b->ns;
}

/* Sorts order[0..n) by cmp, keeping equal elements in their order (as
 * glibc's merge sort does): an insertion sort for the few candidates of
 * most sentences, where qsort's calls through a pointer cost more than the
 * sorting; qsort for the long ones, so that the work stays n log n. */
#define SMALL_SORT 24
static void sort_prio(prio *order, size_t n, int (*cmp)(const void *, const void *)) {
  if (n > SMALL_SORT) {
    qsort(order, n, sizeof *order, cmp);
    return;
  }
  for (size_t i = 1; i < n; i++) {
    prio x = order[i];
    size_t j = i;
    for (; j > 0 && cmp(&order[j - 1], &x) > 0; j--) order[j] = order[j - 1];
    order[j] = x;
  }
}

const char *cyb__cand_country(const cyberner_model *m, const cyb__cands *cs, const cyb__cand *c) {
  if (c->entry >= 0) return cyb__gazetteer_entry(m->gaz, (uint32_t)c->entry)->country;
  if ((c->label == CYBERNER_NATIONALITY || c->label == CYBERNER_COUNTRY) && c->id >= 0)
    return cs->strings.data + c->id;
  return NULL;
}

/* Mentions that name a country for the context: countries, nationalities,
 * and known cities, people and bodies of one country (Lille, Cazeneuve). */
static bool is_place(const cyb__cand *c) {
  return c->label == CYBERNER_COUNTRY || c->label == CYBERNER_NATIONALITY ||
         (c->entry >= 0 && (c->label == CYBERNER_LOCATION || c->label == CYBERNER_PERSON ||
                            c->label == CYBERNER_AGENCY || c->label == CYBERNER_ORGANIZATION));
}

/* Alternative of c whose country list contains code, or -1. */
static int32_t alt_with_country(const cyberner_model *m, const cyb__cands *cs, const cyb__cand *c,
                                const char *code) {
  if (!code) return -1;
  for (uint32_t i = 0; i < c->nalt; i++)
    if (cyb__country_in(cyb__gazetteer_entry(m->gaz, cs->alts[c->alt + i])->country, code))
      return (int32_t)cs->alts[c->alt + i];
  return -1;
}

/* Tokens between two candidates that stop a "right after" context: a comma,
 * a semicolon or a full stop outside parentheses. */
static bool clause_break(const cyb__norm *nm, const cyb__tokens *tt, uint32_t from, uint32_t to) {
  int depth = 0;
  for (uint32_t k = from; k < to; k++) {
    char ch = nm->text[tt->tok[k].start];
    if (!(tt->tok[k].flags & CYB_TOK_PUNCT)) continue;
    if (ch == '(') depth++;
    else if (ch == ')') depth--;
    else if (depth <= 0 && (ch == ',' || ch == ';' || ch == '.' || ch == ':')) return true;
  }
  return false;
}

/* Context is looked for among the candidates near this one (by index: each
 * stage proposes in text order), so a sentence with millions of names does
 * not make this quadratic. */
#define CONTEXT_WINDOW 256

/* Is a mention starting at token b attached to a name ending at token e:
 * right after it (russe, Russian), or after of/de/du/d' and an article
 * (of the DPRK, de la RPDC)? */
static bool attached(const cyb__norm *nm, const cyb__tokens *tt, size_t e, size_t b) {
  static const char *const links[] = {"of", "de", "du", "d'", "des", "the", "la", "le", "l'", "in", "en"};
  for (size_t k = e; k < b; k++) {
    bool link = false;
    for (size_t i = 0; i < sizeof links / sizeof *links && !link; i++) link = cyb__tok_is(nm, &tt->tok[k], links[i]);
    if (!link || k - e >= 2) return false;
  }
  return true;
}

/* Candidate o is a body the dictionaries link, attached right after c by
 * du/de/of (at most two tokens between them). */
static bool attached_body(const cyb__norm *nm, const cyb__tokens *tt, const cyb__cand *c, const cyb__cand *o) {
  return o->entry >= 0 && o->tb > c->te && o->tb <= c->te + 2 && attached(nm, tt, c->te, o->tb);
}

/* "le parquet fédéral du district sud de New York": a shared alias written
 * in lower case (a description: parquet fédéral, police judiciaire) with a
 * known body of another country attached after it by du/de/of describes
 * that body's office, not one of its own entries: it is no name (the label
 * becomes NOT_ENTITY, which hides it). A body of one of its entries' country
 * after it ("de la préfecture de police") is left to choose_entry(). */
static bool describes_other_body(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, cyb__cands *cs,
                                 size_t self) {
  cyb__cand *c = &cs->c[self];
  for (uint32_t i = c->ns; i < c->ne; i++)
    if (nm->upper[i]) return false;
  size_t hi = self + CONTEXT_WINDOW < cs->n ? self + CONTEXT_WINDOW : cs->n;
  for (size_t i = self + 1; i < hi; i++) {
    const cyb__cand *o = &cs->c[i];
    if ((o->label != CYBERNER_AGENCY && o->label != CYBERNER_ORGANIZATION) || !attached_body(nm, tt, c, o)) continue;
    const char *cc = cyb__cand_country(m, cs, o);
    if (!cc || alt_with_country(m, cs, c, cc) >= 0) continue;
    c->label = CYB_NOT_ENTITY;
    return true;
  }
  return false;
}

/* "la police judiciaire de la préfecture de police": an entry that is part
 * of another body (within= in the dictionary: the Paris PJ within the
 * Préfecture de police) is the one meant by a shared alias when that body
 * is attached after it; otherwise it is not, and when one alternative is
 * then left (the national police judiciaire), that one is meant. True when
 * this settled the entry. */
static bool choose_by_parent(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, cyb__cands *cs,
                             size_t self) {
  cyb__cand *c = &cs->c[self];
  int32_t plain = -1;
  uint32_t nplain = 0, nwithin = 0;
  for (uint32_t j = 0; j < c->nalt; j++) {
    if (cyb__gazetteer_entry(m->gaz, cs->alts[c->alt + j])->within) nwithin++;
    else plain = (int32_t)cs->alts[c->alt + j], nplain++;
  }
  if (!nwithin) return false;
  size_t hi = self + CONTEXT_WINDOW < cs->n ? self + CONTEXT_WINDOW : cs->n;
  for (size_t i = self + 1; i < hi; i++) {
    const cyb__cand *o = &cs->c[i];
    if (o->label != c->label || !attached_body(nm, tt, c, o)) continue;
    const char *parent = cyb__gazetteer_entry(m->gaz, (uint32_t)o->entry)->id;
    for (uint32_t j = 0; j < c->nalt; j++) {
      const char *w = cyb__gazetteer_entry(m->gaz, cs->alts[c->alt + j])->within;
      if (w && !strcmp(w, parent)) {
        c->entry = (int32_t)cs->alts[c->alt + j];
        return true;
      }
    }
  }
  if (nplain != 1) return false;
  c->entry = plain;
  return true;
}

/* "The Netherlands ... blamed a Chinese actor for an operation against its
 * Ministry of Defence": after a possessive its/their, the body is the
 * country's named nearest before it (a nationality describes another
 * party), or the next one back when that country has no such body; -1 when
 * none of the last four has. */
static int32_t possessor_country(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt,
                                 const cyb__cands *cs, size_t self) {
  const cyb__cand *c = &cs->c[self];
  if (c->tb == 0 || (!cyb__tok_is(nm, &tt->tok[c->tb - 1], "its") && !cyb__tok_is(nm, &tt->tok[c->tb - 1], "their")))
    return -1;
  uint32_t before = c->tb;
  for (int tries = 0; tries < 4; tries++) {
    const cyb__cand *near = NULL;
    for (size_t i = 0; i < cs->n; i++) {
      const cyb__cand *o = &cs->c[i];
      if (o->label == CYBERNER_COUNTRY && o->te <= before && (!near || o->tb > near->tb)) near = o;
    }
    if (!near) return -1;
    int32_t e = alt_with_country(m, cs, c, cyb__cand_country(m, cs, near));
    if (e >= 0) return e;
    before = near->tb;
  }
  return -1;
}

/* "le ministère de l'Intérieur, dirigé par Nancy Faeser", "the Interior
 * Ministry, led by Nancy Faeser", "le ministère de l'Intérieur de Nancy
 * Faeser": a known person named as the head of a shared body's name right
 * after it is of that body's country; its alternative of the person's
 * country, -1 when none. */
static int32_t leader_country(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt,
                              const cyb__cands *cs, size_t self) {
  /* the words that say who heads it (the text is folded: no accents) */
  static const char *const HEADED_BY[][2] = {{"dirige", "par"}, {"dirigee", "par"}, {"led", "by"}, {"headed", "by"}};
  const cyb__cand *c = &cs->c[self];
  size_t k = c->te, at = SIZE_MAX;
  if (k + 1 < tt->ntok && cyb__tok_is(nm, &tt->tok[k], "de")) at = k + 1; /* the minister's ministry */
  if (k < tt->ntok && cyb__tok_is(nm, &tt->tok[k], ",")) k++;
  for (size_t i = 0; i < sizeof HEADED_BY / sizeof *HEADED_BY && at == SIZE_MAX; i++)
    if (k + 2 < tt->ntok && cyb__tok_is(nm, &tt->tok[k], HEADED_BY[i][0]) &&
        cyb__tok_is(nm, &tt->tok[k + 1], HEADED_BY[i][1]))
      at = k + 2;
  if (at == SIZE_MAX) return -1;
  for (size_t i = 0; i < cs->n; i++) {
    const cyb__cand *o = &cs->c[i];
    if (o->tb == at && o->label == CYBERNER_PERSON && o->entry >= 0)
      return alt_with_country(m, cs, c, cyb__cand_country(m, cs, o));
  }
  return -1;
}

/* The alternative whose country the document named most, -1 on a tie or
 * when it named none of theirs. */
static int32_t most_named_country(const cyberner_model *m, const uint32_t *counts, const uint32_t *alts,
                                  size_t nalt) {
  uint32_t top = 0;
  int32_t pick = -1;
  bool tie = false;
  for (size_t i = 0; i < nalt; i++) {
    const char *cc = cyb__gazetteer_entry(m->gaz, alts[i])->country;
    int slot = cc ? cyb__country_slot(cc) : -1;
    uint32_t n = slot >= 0 ? counts[slot] : 0;
    if (n > top) top = n, pick = (int32_t)alts[i], tie = false;
    else if (n == top && n > 0) tie = true;
  }
  return tie ? -1 : pick;
}

/* The context leaves name c unlinked: its label is sure, its link is not.
 * none_fits: the text names an owner none of its alternatives is, so that
 * the document's end must not link it either (no alternatives left). */
static void leave_unlinked(cyb__cand *c, bool none_fits) {
  c->entry = -1;
  if (none_fits) c->nalt = 0;
  c->score *= CYB_UNSURE_LINK;
}

/* "Japan's Ministry of Foreign Affairs (MOFA)": an acronym defined in
 * parentheses right after its long form names the body the long form was
 * linked to (resolved first: the dictionary's candidates come before the
 * rules'), whatever the words after it say; its alternative or -1. */
static int32_t long_form_entry(const cyb__norm *nm, const cyb__tokens *tt, const cyb__cands *cs, size_t self) {
  const cyb__cand *c = &cs->c[self];
  if (c->source != CYB_SRC_ACRONYM || c->tb < 2 || !cyb__tok_is(nm, &tt->tok[c->tb - 1], "(")) return -1;
  for (size_t i = 0; i < self; i++) {
    const cyb__cand *o = &cs->c[i];
    if (o->te != c->tb - 1 || o->label != c->label || o->entry < 0) continue;
    for (uint32_t j = 0; j < c->nalt; j++)
      if ((int32_t)cs->alts[c->alt + j] == o->entry) return o->entry;
  }
  return -1;
}

/* "Hanover, Maryland", "SAN JOSE, Costa Rica": a town right before a comma
 * and a country or a state/province names a town of that country; its
 * alternative of that country, else no link (the German Hanover is wrong,
 * and a town the dictionary lacks has no entry). A list goes on after the
 * region (Nevada, California, Montana, Canada and ...) or it owns what
 * follows (Indo-Pacific, India's ministry): no town then. True when it
 * decided. */
static bool town_of_region(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, cyb__cands *cs,
                           size_t self) {
  static const char *const LIST_GOES_ON[] = {",", "and", "et", "or", "ou", "&", "'s", "/"};
  cyb__cand *c = &cs->c[self];
  if (!c->nalt || c->te + 1 >= tt->ntok || !cyb__tok_is(nm, &tt->tok[c->te], ",")) return false;
  bool town = false;
  for (uint32_t j = 0; j < c->nalt && !town; j++)
    town = cyb__gazetteer_entry(m->gaz, cs->alts[c->alt + j])->place_kind == CYB_PLACE_TOWN;
  if (!town) return false;
  size_t lo = self > CONTEXT_WINDOW ? self - CONTEXT_WINDOW : 0;
  size_t hi = self + CONTEXT_WINDOW < cs->n ? self + CONTEXT_WINDOW : cs->n;
  for (size_t i = lo; i < hi; i++) {
    const cyb__cand *o = &cs->c[i];
    if (o->tb != c->te + 1) continue;
    bool region = o->label == CYBERNER_COUNTRY ||
                  (o->label == CYBERNER_LOCATION && o->entry >= 0 &&
                   cyb__gazetteer_entry(m->gaz, (uint32_t)o->entry)->place_kind == CYB_PLACE_SUBDIVISION);
    const char *code = region ? cyb__cand_country(m, cs, o) : NULL;
    if (!code) continue;
    for (size_t k = 0; o->te < tt->ntok && k < sizeof LIST_GOES_ON / sizeof *LIST_GOES_ON; k++)
      if (cyb__tok_is(nm, &tt->tok[o->te], LIST_GOES_ON[k])) return false;
    int32_t pick = alt_with_country(m, cs, c, code);
    if (pick >= 0) c->entry = pick;
    else leave_unlinked(c, true);
    return true;
  }
  return false;
}

/* "le Conseil de sécurité russe", "le Conseil de sécurité nationale
 * ukrainien": a body's name shared with other bodies (the UN's, other
 * countries'), then a nationality none of its entries has, names that
 * country's body whose own longer name opens with the same words (the
 * dictionary lists "Conseil de sécurité de la fédération de Russie"). The
 * candidate takes that entry and label; false when there is none. */
static bool body_of_nationality_after(const cyberner_model *m, const cyb__norm *nm, cyb__cands *cs, size_t self) {
  cyb__cand *c = &cs->c[self];
  if (c->source != CYB_SRC_DICT || (c->label != CYBERNER_AGENCY && c->label != CYBERNER_ORGANIZATION) || !c->nalt)
    return false;
  const cyb__cand *nat = NULL;
  for (size_t i = self + 1; i < cs->n && i <= self + 8 && !nat; i++)
    if (cs->c[i].tb == c->te && cs->c[i].label == CYBERNER_NATIONALITY) nat = &cs->c[i];
  const char *code = nat ? cyb__cand_country(m, cs, nat) : NULL;
  if (!code || strlen(code) != 2 || alt_with_country(m, cs, c, code) >= 0) return false;
  int32_t body = cyb__gazetteer_agency_opening(m->gaz, code, nm->text + c->ns, c->ne - c->ns);
  if (body < 0) return false;
  c->label = CYBERNER_AGENCY;
  c->entry = body;
  cs->alts[c->alt] = (uint32_t)body;
  c->nalt = 1;
  return true;
}

static void choose_entry(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, cyb__cands *cs,
                         size_t self, const cyb__doc *doc) {
  const uint32_t *counts = doc ? doc->country_counts : NULL;
  cyb__cand *c = &cs->c[self];
  size_t lo = self > CONTEXT_WINDOW ? self - CONTEXT_WINDOW : 0;
  size_t hi = self + CONTEXT_WINDOW < cs->n ? self + CONTEXT_WINDOW : cs->n;
  int32_t pick = long_form_entry(nm, tt, cs, self);
  if (pick >= 0) {
    c->entry = pick;
    return;
  }
  /* a country or nationality right before it: UK NCSC, Japanese Ministry;
   * or a country's possessive: Denmark's foreign intelligence service */
  bool poss = c->tb > 0 && cyb__tok_is(nm, &tt->tok[c->tb - 1], "'s"), owner = false;
  for (size_t i = lo; i < hi && pick < 0; i++) {
    const cyb__cand *o = &cs->c[i];
    if ((o->label == CYBERNER_COUNTRY || o->label == CYBERNER_NATIONALITY) &&
        (o->te == c->tb || (poss && o->label == CYBERNER_COUNTRY && o->te + 1 == c->tb))) {
      owner = true;
      pick = alt_with_country(m, cs, c, cyb__cand_country(m, cs, o));
    }
  }
  if (pick < 0) pick = possessor_country(m, nm, tt, cs, self);
  if (pick < 0) pick = leader_country(m, nm, tt, cs, self);
  if (pick >= 0) {
    c->entry = pick;
    return;
  }
  /* the owner is named right before it (Germany's Parliament, the Afghan
   * Parliament) and no alternative is its: none is better than another
   * country's, now or at the document's end (no alternatives left) */
  if (owner) {
    leave_unlinked(c, true);
    return;
  }
  /* right after (within 6 tokens, same clause) */
  const cyb__cand *after = NULL;
  for (size_t i = lo; i < hi; i++) {
    const cyb__cand *o = &cs->c[i];
    if (!is_place(o)) continue;
    if (o->tb >= c->te && o->tb <= c->te + 6 && !clause_break(nm, tt, c->te, o->tb) &&
        (!after || o->tb < after->tb))
      after = o;
  }
  /* a place, or a body attached to it ("de la police japonaise"), says
   * whose; a body further on in the clause ("pointe du doigt l'unité 26165
   * du GRU") says less than the same name linked earlier (below) */
  bool strong = after && (after->label == CYBERNER_COUNTRY || after->label == CYBERNER_NATIONALITY ||
                          after->label == CYBERNER_LOCATION || attached(nm, tt, c->te, after->tb));
  if (strong) {
    pick = alt_with_country(m, cs, c, cyb__cand_country(m, cs, after));
    /* "le service de renseignement extérieur de la RPDC": the text names the
     * country; an entry of another country would be wrong, none is better.
     * Only a country attached to the name says so ("the Treasury ... against
     * a Chinese firm" does not) */
    if (pick < 0 && (after->label == CYBERNER_COUNTRY || after->label == CYBERNER_NATIONALITY) &&
        attached(nm, tt, c->te, after->tb)) {
      leave_unlinked(c, true);
      return;
    }
  }
  /* nearest before, in the sentence; not an organization, whose country is
   * its seat (RFE/RL, a company), not whose body the text names */
  const cyb__cand *best = NULL;
  for (size_t i = lo; i < hi && pick < 0; i++) {
    const cyb__cand *o = &cs->c[i];
    if (!is_place(o) || o->te > c->tb || o->label == CYBERNER_ORGANIZATION) continue;
    if (alt_with_country(m, cs, c, cyb__cand_country(m, cs, o)) < 0) continue;
    if (!best || o->te > best->te) best = o;
  }
  if (best) pick = alt_with_country(m, cs, c, cyb__cand_country(m, cs, best));
  /* the same name earlier in the document linked to one of the
   * alternatives: that one (the ministry of its first sentences, not the
   * country named most, whose bodies fill the later ones) */
  if (pick < 0 && doc && doc->nlinked) {
    uint64_t h = cyb__hash(nm->text + c->ns, c->ne - c->ns);
    for (size_t j = 0; j < doc->nlinked && pick < 0; j++)
      if (doc->linked[j].name == h)
        for (uint32_t i = 0; i < c->nalt; i++)
          if ((int32_t)cs->alts[c->alt + i] == doc->linked[j].entry) pick = doc->linked[j].entry;
  }
  if (pick < 0 && after && !strong) pick = alt_with_country(m, cs, c, cyb__cand_country(m, cs, after));
  /* the document's most mentioned country among the alternatives */
  if (pick < 0 && counts) pick = most_named_country(m, counts, cs->alts + c->alt, c->nalt);
  if (pick < 0) leave_unlinked(c, false);
  else c->entry = pick;
}

/* Is party p (a COUNTRY or ORGANIZATION entry) named by a candidate near
 * self: that entry, one of its alternatives, or for a country a nationality
 * or a name of its country (the Philippine side)? */
static bool party_named(const cyberner_model *m, const cyb__cands *cs, size_t self, uint32_t p) {
  const cyb__entry *pe = cyb__gazetteer_entry(m->gaz, p);
  bool country = pe->label == CYBERNER_COUNTRY;
  size_t lo = self > CONTEXT_WINDOW ? self - CONTEXT_WINDOW : 0;
  size_t hi = self + CONTEXT_WINDOW < cs->n ? self + CONTEXT_WINDOW : cs->n;
  for (size_t i = lo; i < hi; i++) {
    const cyb__cand *o = &cs->c[i];
    if (o->entry == (int32_t)p) return true;
    for (uint32_t j = 0; o->entry < 0 && j < o->nalt; j++)
      if (cs->alts[o->alt + j] == p) return true;
    if (country && (o->label == CYBERNER_COUNTRY || o->label == CYBERNER_NATIONALITY) &&
        cyb__country_in(cyb__cand_country(m, cs, o), pe->id))
      return true;
  }
  return false;
}

/* "The EU and Japan held their sixth Cyber Dialogue", "Philippines and
 * Australia hold inaugural Cyber Dialogue": a meeting the rules found by its
 * series words alone (after an ordinal or a word in lower case) is the
 * dictionary's meeting of that series whose two parties the sentence names
 * (EU-Japan Cyber Dialogue), when exactly one fits: a bare series name says
 * which pair only through its context, and many pairs hold a Cyber
 * Dialogue. */
static void series_event(const cyberner_model *m, const cyb__tokens *tt, cyb__cands *cs, size_t self) {
  cyb__cand *c = &cs->c[self];
  uint32_t b = c->tb;
  while (b < c->te && (!(tt->tok[b].flags & CYB_TOK_CAP) || (tt->tok[b].flags & CYB_TOK_DIGIT))) b++;
  if (c->te - b < 2 || c->te - b > CYB_SERIES_MAX_WORDS) return;
  uint32_t vids[CYB_SERIES_MAX_WORDS];
  for (uint32_t k = b; k < c->te; k++)
    if ((vids[k - b] = tt->tok[k].vid) == CYB_NO_VID) return;
  const cyb__series *s;
  size_t n = cyb__gazetteer_series(m->gaz, cyb__gazetteer_series_key(vids, c->te - b), &s);
  /* a capitalized ordinal or adjective first (Seventh, Inaugural): the
   * series is the words after it */
  if (!n && c->te - b >= 3) n = cyb__gazetteer_series(m->gaz, cyb__gazetteer_series_key(vids + 1, c->te - b - 1), &s);
  int32_t pick = -1;
  for (size_t i = 0; i < n; i++) {
    if (!party_named(m, cs, self, s[i].party[0]) || !party_named(m, cs, self, s[i].party[1])) continue;
    if (pick >= 0 && pick != (int32_t)s[i].entry) return; /* two series of the sentence's parties */
    pick = (int32_t)s[i].entry;
  }
  c->entry = pick;
}

static bool word_in(const cyb__norm *nm, const cyb__tokens *tt, size_t i, const char *const *ws) {
  for (; *ws; ws++)
    if (cyb__token_is(nm, tt, i, *ws)) return true;
  return false;
}

/* "The organising committee, Paris 2024, said", "Paris 2024 a indiqué":
 * an event whose organizing committee (committee= in the dictionary) the
 * press calls by the event's name, set in apposition to an organizing body
 * or as the one who speaks, is that committee. */
static void event_committee(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, cyb__cand *c) {
  static const char *const BODY[] = {"committee", "organisers", "organizers", "organisation", "organization",
                                     "organisateurs", "organisateur", NULL};
  static const char *const SAYS[] = {"said", "says", "announced", "told", "confirmed", "stated", "added", NULL};
  static const char *const A_DIT[] = {"indique", "annonce", "declare", "precise", "confirme", "assure", "affirme",
                                      NULL};
  const cyb__entry *e = cyb__gazetteer_entry(m->gaz, (uint32_t)c->entry);
  if (!e->committee || e->committee_entry < 0) return;
  bool apposed = c->tb >= 2 && cyb__token_is(nm, tt, c->tb - 1, ",") && word_in(nm, tt, c->tb - 2, BODY);
  bool speaks = word_in(nm, tt, c->te, SAYS) || (cyb__token_is(nm, tt, c->te, "a") && word_in(nm, tt, c->te + 1, A_DIT));
  if (!apposed && !speaks) return;
  c->label = CYBERNER_ORGANIZATION;
  c->entry = e->committee_entry;
  c->nalt = 0;
}

size_t cyb__resolve(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, cyb__cands *cs,
                    const cyb__doc *doc, cyb__prio *order,
                    uint32_t *kept) {
  for (size_t i = 0; i < cs->n; i++) {
    if (cs->c[i].label != CYBERNER_EVENT) continue;
    if (cs->c[i].source == CYB_SRC_PATTERN && cs->c[i].entry < 0 && cs->c[i].id < 0) series_event(m, tt, cs, i);
    else if (cs->c[i].source == CYB_SRC_DICT && cs->c[i].entry >= 0) event_committee(m, nm, tt, &cs->c[i]);
  }
  for (size_t i = 0; i < cs->n; i++) {
    if (cs->c[i].label == CYBERNER_LOCATION && town_of_region(m, nm, tt, cs, i)) continue;
    if (body_of_nationality_after(m, nm, cs, i)) continue;
    if (cs->c[i].entry < 0 && cs->c[i].nalt > 1 && !describes_other_body(m, nm, tt, cs, i) &&
        !choose_by_parent(m, nm, tt, cs, i))
      choose_entry(m, nm, tt, cs, i, doc);
  }
  size_t n = cs->n;
  for (size_t i = 0; i < n; i++) order[i] = prio_of(cs, (uint32_t)i);
  sort_prio(order, n, by_priority);
  /* keep a candidate when none of its bytes is in one kept before: its span
   * against the few kept spans, not a byte map (an empty span has no byte) */
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const cyb__cand *c = &cs->c[order[i].idx];
    bool free_span = true;
    for (size_t j = 0; j < k && free_span && c->ns < c->ne; j++) {
      const cyb__cand *o = &cs->c[order[j].idx];
      free_span = !(o->ns < o->ne && o->ns < c->ne && c->ns < o->ne);
    }
    if (free_span) order[k++] = order[i];
  }
  sort_prio(order, k, by_start);
  for (size_t i = 0; i < k; i++) kept[i] = order[i].idx;
  return k;
}

/* ---- links decided at the document's end ----------------------------------- */

static size_t seen_slot(int32_t entry, size_t cap) { return ((size_t)entry * 0x9e3779b97f4a7c15ull >> 17) & (cap - 1); }

static bool doc_saw(const cyb__doc *doc, int32_t entry) {
  if (!doc->seen_cap) return false;
  for (size_t i = seen_slot(entry, doc->seen_cap);; i = (i + 1) & (doc->seen_cap - 1)) {
    if (doc->seen[i] == 0) return false;
    if (doc->seen[i] == entry + 1) return true;
  }
}

bool cyb__doc_saw(const cyb__doc *doc, int32_t entry) { return entry >= 0 && doc_saw(doc, entry); }

void cyb__doc_saw_entry(cyb__doc *doc, int32_t entry) {
  if (entry < 0 || doc_saw(doc, entry)) return;
  if (2 * (doc->nseen + 1) > doc->seen_cap) { /* at most half full: probes stay short */
    size_t cap = doc->seen_cap ? 2 * doc->seen_cap : 64;
    int32_t *t = calloc(cap, sizeof *t);
    if (!t) return;
    for (size_t i = 0; i < doc->seen_cap; i++)
      if (doc->seen[i]) {
        size_t j = seen_slot(doc->seen[i] - 1, cap);
        while (t[j]) j = (j + 1) & (cap - 1);
        t[j] = doc->seen[i];
      }
    free(doc->seen);
    doc->seen = t;
    doc->seen_cap = cap;
  }
  size_t j = seen_slot(entry, doc->seen_cap);
  while (doc->seen[j]) j = (j + 1) & (doc->seen_cap - 1);
  doc->seen[j] = entry + 1;
  doc->nseen++;
}

bool cyb__late_foreign(const cyberner_model *m, const cyb__doc *doc, const cyb__late_link *l) {
  if (!l->lower || !l->nalt) return false;
  for (uint8_t i = 0; i < l->nalt; i++) {
    const char *cc = cyb__gazetteer_entry(m->gaz, l->alt[i])->country;
    int slot = cc && strlen(cc) == 2 ? cyb__country_slot(cc) : -1;
    if (slot < 0 || doc->country_counts[slot]) return false;
  }
  for (int i = 0; i < 26 * 26; i++)
    if (doc->country_counts[i]) return true;
  return false;
}

int32_t cyb__late_pick(const cyberner_model *m, const cyb__doc *doc, const cyb__late_link *l) {
  uint32_t linked[CYB_LATE_ALTS];
  size_t nlinked = 0;
  for (uint8_t i = 0; i < l->nalt; i++)
    if (doc_saw(doc, (int32_t)l->alt[i])) linked[nlinked++] = l->alt[i];
  if (nlinked == 1) return (int32_t)linked[0];
  /* a name that many countries' bodies share (Supreme Court, Ministry of
   * National Defence) is linked only by the one the document linked */
  if (l->nalt > CYB_LATE_MANY) return -1;
  /* none linked, or several: the most named country among them */
  int32_t pick = nlinked ? most_named_country(m, doc->country_counts, linked, nlinked)
                         : most_named_country(m, doc->country_counts, l->alt, l->nalt);
  /* nothing in the document chose: the entry the dictionary makes the
   * alias's default (ANSSI is France's unless the text is about Congo) */
  for (uint8_t i = 0; i < l->nalt && pick < 0; i++)
    if (cyb__gazetteer_entry(m->gaz, l->alt[i])->shared_default) pick = (int32_t)l->alt[i];
  return pick;
}
