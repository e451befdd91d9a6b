/* Pattern rules beyond the dictionaries (first slice: identifiers).
 * Grows with the rule-based tagger issue. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct cyb__rules {
  int unused;
};

struct cyb__rules_scratch {
  int unused;
};

cyb__rules *cyb__rules_new(const cyb__files *base, const cyb__files *extra, const cyb__fold *f, cyb__diag *diag,
                           cyberner_error **err) {
  CYB_UNUSED(base);
  CYB_UNUSED(extra);
  CYB_UNUSED(f);
  CYB_UNUSED(diag);
  cyb__rules *r = calloc(1, sizeof *r);
  if (!r) cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory");
  return r;
}

void cyb__rules_free(cyb__rules *r) { free(r); }
cyb__rules_scratch *cyb__rules_scratch_new(const cyb__rules *r) {
  CYB_UNUSED(r);
  return calloc(1, sizeof(cyb__rules_scratch));
}
void cyb__rules_scratch_free(cyb__rules_scratch *s) { free(s); }

int cyb__rules_match(const cyberner_model *m, cyb__rules_scratch *rs, const cyb__norm *nm, const cyb__tokens *tt,
                     const cyb__sentence *s, cyb__doc *doc, cyb__cands *cs, size_t first) {
  CYB_UNUSED(m);
  CYB_UNUSED(rs);
  CYB_UNUSED(nm);
  CYB_UNUSED(tt);
  CYB_UNUSED(s);
  CYB_UNUSED(doc);
  CYB_UNUSED(cs);
  CYB_UNUSED(first);
  return 0;
}

void cyb__rules_learn(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, const cyb__cands *cs,
                      const uint32_t *kept, size_t nkept, cyb__doc *doc) {
  CYB_UNUSED(m);
  CYB_UNUSED(nm);
  CYB_UNUSED(tt);
  CYB_UNUSED(cs);
  CYB_UNUSED(kept);
  CYB_UNUSED(nkept);
  CYB_UNUSED(doc);
}
