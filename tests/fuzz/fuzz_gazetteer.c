/* libFuzzer target: the gazetteer loader and trie compiler on arbitrary
 * .tsv bytes, through the internal stages (the folding table is built once,
 * so this runs thousands of times faster than fuzz_dict, which compiles a
 * whole model per input). The compiled gazetteer then matches a sample text
 * and the input itself. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "internal.h"

static cyb__fold *fold;

static void match_text(const cyb__gazetteer *g, const char *s, size_t n) {
  cyb__norm nm = {0};
  cyb__tokens tt = {0};
  cyb__cands cs = {0};
  FUZZ_CHECK(cyb__normalize(fold, s, n, &nm) == 0 && cyb__tokenize(&nm, &tt) == 0, "out of memory");
  cyb__gazetteer_lookup(g, &nm, &tt, NULL);
  for (size_t i = 0; i < tt.nsent; i++) {
    for (int lang = CYBERNER_LANG_FR; lang <= CYBERNER_LANG_EN; lang++) {
      tt.sent[i].lang = lang;
      cs.n = cs.nalts = cs.strings.len = 0;
      FUZZ_CHECK(cyb__gazetteer_match(g, &nm, &tt, &tt.sent[i], &cs) == 0, "match failed");
      for (size_t k = 0; k < cs.n; k++) {
        const cyb__cand *c = &cs.c[k];
        FUZZ_CHECK(c->ns < c->ne && c->ne <= nm.len && c->tb < c->te && c->te <= tt.ntok,
                   "candidate [%u, %u) tokens [%u, %u) outside the text (%zu bytes, %zu tokens)", c->ns, c->ne,
                   c->tb, c->te, nm.len, tt.ntok);
        FUZZ_CHECK(c->label < CYB_NLABELS, "candidate label %d", c->label);
        if (c->entry >= 0) (void)cyb__gazetteer_entry(g, (uint32_t)c->entry)->id;
      }
    }
  }
  cyb__norm_free(&nm);
  cyb__tokens_free(&tt);
  cyb__cands_free(&cs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!fold && !(fold = cyb__fold_new(NULL))) abort();
  cyb__files fs = {0};
  fs.f = calloc(1, sizeof *fs.f);
  fs.n = fs.cap = 1;
  fs.f[0].name = strdup("fuzz.tsv");
  fs.f[0].display = strdup("fuzz/fuzz.tsv");
  fs.f[0].data = (const char *)data;
  fs.f[0].len = size;
  cyb__dictset ds = {0};
  cyb__diag diag = {0};
  cyberner_error *err = NULL;
  if (cyb__dictset_load(&ds, &fs, &diag) == 0) {
    cyb__gazetteer *g = cyb__gazetteer_new(fold, &ds, &diag, true, &err);
    if (g) {
      static const char sample[] = "L'ANSSI, la France et le Japon. The US, NATO and APT28 met franco-japonais "
                                   "officials in Paris on 3 March; U.S. and UK-NL.";
      match_text(g, sample, sizeof sample - 1);
      match_text(g, (const char *)data, size > 4096 ? 4096 : size);
      for (int l = 0; l < CYB_NLABELS; l++) (void)cyb__gazetteer_count(g, l);
      cyb__gazetteer_free(g);
    }
  }
  for (size_t i = 0; i < diag.n; i++) (void)strlen(diag.item[i].msg);
  cyberner_error_free(err);
  cyb__diag_free(&diag);
  cyb__dictset_free(&ds);
  cyb__files_free(&fs);
  return 0;
}
