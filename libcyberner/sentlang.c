/* Sentence language, first look: function words (le, des, the, of, ...).
 *
 * The full detector (langid.c) reads every byte of what it is given; run on
 * every sentence, it was a third of the tagging time. Most sentences of an
 * article say their language plainly with their function words, which the
 * tokens already carry as vocabulary ids (one lookup per token serves every
 * stage). So extract.c asks the full detector only about the sentences and
 * documents whose function words do not settle the matter.
 *
 * The words come from dict/langid/function_words.tsv (lang<TAB>word); they
 * join the gazetteer's vocabulary at model compilation. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct cyb__sentlang {
  uint8_t *group; /* per vocabulary id: 0 none, 1 + CYB_LANG_* (UND = other languages) */
  size_t ngroup;
};

typedef struct {
  cyb__sentlang *sl;
  const cyb__fold *fold;
  cyb__gazetteer *gaz;
  cyb__diag *diag;
  cyb__norm nm;
  cyb__tokens tt;
} loader;

static int load_line(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno) {
  loader *L = ctx;
  CYB_UNUSED(n);
  char *col[2];
  int lang = -1;
  if (cyb__columns(line, col, 2))
    lang = !strcmp(col[0], "fr") ? CYB_LANG_FR : !strcmp(col[0], "en") ? CYB_LANG_EN
         : !strcmp(col[0], "other") ? CYB_LANG_UND : -1;
  if (lang < 0) {
    cyb__diag_add(L->diag, 1, f->display, lineno, "expected fr|en|other<TAB>word");
    return 0;
  }
  if (cyb__normalize(L->fold, col[1], strlen(col[1]), &L->nm) || cyb__tokenize(&L->nm, &L->tt)) return CYBERNER_ENOMEM;
  if (L->tt.ntok != 1) {
    cyb__diag_add(L->diag, 1, f->display, lineno, "'%s' is %zu tokens, a function word must be one", col[1],
                  L->tt.ntok);
    return 0;
  }
  const cyb__token *t = &L->tt.tok[0];
  uint32_t vid = cyb__gazetteer_intern(L->gaz, L->nm.text + t->start, t->end - t->start);
  if (vid == CYB_NO_VID) return CYBERNER_ENOMEM;
  cyb__sentlang *sl = L->sl;
  if (vid >= sl->ngroup) {
    size_t cap = sl->ngroup;
    if (cyb__grow((void **)&sl->group, &cap, (size_t)vid + 1, 1)) return CYBERNER_ENOMEM;
    memset(sl->group + sl->ngroup, 0, cap - sl->ngroup);
    sl->ngroup = cap;
  }
  if (sl->group[vid] && sl->group[vid] != 1 + lang)
    cyb__diag_add(L->diag, 1, f->display, lineno, "'%s' is already a function word of another language", col[1]);
  sl->group[vid] = (uint8_t)(1 + lang);
  return 0;
}

cyb__sentlang *cyb__sentlang_new(const cyb__file *f, const cyb__fold *fold, cyb__gazetteer *g, cyb__diag *diag) {
  cyb__sentlang *sl = calloc(1, sizeof *sl);
  if (!sl) return NULL;
  loader L = {.sl = sl, .fold = fold, .gaz = g, .diag = diag};
  int rc = cyb__file_each_line(f, load_line, &L);
  cyb__norm_free(&L.nm);
  cyb__tokens_free(&L.tt);
  if (rc) {
    cyb__sentlang_free(sl);
    return NULL;
  }
  return sl;
}

void cyb__sentlang_free(cyb__sentlang *sl) {
  if (!sl) return;
  free(sl->group);
  free(sl);
}

void cyb__sentlang_count(const cyb__sentlang *sl, const cyb__tokens *tt, uint32_t b, uint32_t e, unsigned counts[3]) {
  unsigned k[4] = {0, 0, 0, 0}; /* k[1 + lang]; local: counts may alias the tokens' fields */
  if (sl) {
    const uint8_t *group = sl->group; /* locals: the increments were read as stores that may change them */
    size_t ngroup = sl->ngroup;
    for (uint32_t i = b; i < e; i++) {
      uint32_t vid = tt->tok[i].vid;
      k[vid < ngroup ? group[vid] : 0]++;
    }
  }
  counts[0] = k[1], counts[1] = k[2], counts[2] = k[3];
}

bool cyb__sentlang_is_function(const cyb__sentlang *sl, uint32_t vid) {
  return sl && vid < sl->ngroup && sl->group[vid] != 0;
}

/* Month abbreviations English writes before the day with a stop (Oct. 10,
 * 2024). French writes the day first (10 oct. 2024), so this order is English
 * evidence, and one the letter-reading detector cannot see: oct, nov and sept
 * are French too, and a dateline has no other words. */
static const char *const english_month_abbr[] = {"jan", "feb", "mar", "apr", "jun", "jul",
                                                 "aug", "sep", "sept", "oct", "nov", "dec"};

static bool is_english_month_abbr(const cyb__norm *nm, const cyb__token *t) {
  if (!(t->flags & CYB_TOK_CAP)) return false;
  for (size_t i = 0; i < sizeof english_month_abbr / sizeof *english_month_abbr; i++)
    if (cyb__tok_is(nm, t, english_month_abbr[i])) return true;
  return false;
}

static bool is_day_number(const cyb__norm *nm, const cyb__token *t) {
  size_t n = t->end - t->start;
  if (!(t->flags & CYB_TOK_NUMBER) || n < 1 || n > 2) return false;
  int day = atoi(nm->text + t->start);
  return day >= 1 && day <= 31;
}

bool cyb__sentlang_english_dates(const cyb__norm *nm, const cyb__tokens *tt, uint32_t b, uint32_t e) {
  for (uint32_t i = b; i + 2 < e; i++) {
    const cyb__token *t = tt->tok + i;
    if (is_english_month_abbr(nm, t) && cyb__tok_is(nm, t + 1, ".") && !(t[1].flags & CYB_TOK_SPACE_BEFORE) &&
        is_day_number(nm, t + 2))
      return true;
  }
  return false;
}
