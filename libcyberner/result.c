/* Results and options: plain accessors over what extract.c produced. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const LABEL_NAMES[CYBERNER_LABEL_COUNT] = {
    "COUNTRY", "LOCATION", "NATIONALITY", "AGENCY", "ORGANIZATION",
    "PERSON", "DATE", "EVENT", "THREAT_ACTOR", "VULNERABILITY"};

const char *cyberner_label_name(int label) {
  return label >= 0 && label < CYBERNER_LABEL_COUNT ? LABEL_NAMES[label] : NULL;
}

int cyberner_label_from_name(const char *name) {
  if (!name) return -1;
  for (int i = 0; i < CYBERNER_LABEL_COUNT; i++)
    if (strcmp(LABEL_NAMES[i], name) == 0) return i;
  return -1;
}

const char *cyberner_lang_name(int lang) {
  switch (lang) {
  case CYBERNER_LANG_UND: return "und";
  case CYBERNER_LANG_FR: return "fr";
  case CYBERNER_LANG_EN: return "en";
  default: return NULL;
  }
}

int cyberner_lang_from_name(const char *name) {
  if (!name) return -2;
  if (strcmp(name, "auto") == 0) return CYBERNER_LANG_AUTO;
  for (int l = 0; l <= 2; l++)
    if (strcmp(name, cyberner_lang_name(l)) == 0) return l;
  return -2;
}

/* ---- options ------------------------------------------------------------- */

cyberner_options *cyberner_options_new(void) {
  cyberner_options *o = calloc(1, sizeof *o);
  if (o) o->lang = CYBERNER_LANG_AUTO;
  return o;
}

void cyberner_options_free(cyberner_options *o) { free(o); }

int cyberner_options_set_lang(cyberner_options *o, int lang) {
  if (!o || (lang != CYBERNER_LANG_AUTO && lang != CYBERNER_LANG_FR && lang != CYBERNER_LANG_EN))
    return CYBERNER_EINVAL;
  o->lang = lang;
  return 0;
}

int cyberner_options_set_ref_date(cyberner_options *o, int y, int m, int d) {
  if (!o) return CYBERNER_EINVAL;
  if (y == 0 && m == 0 && d == 0) {
    o->ref[0] = o->ref[1] = o->ref[2] = 0;
    return 0;
  }
  static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return CYBERNER_EINVAL;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return CYBERNER_EINVAL;
  o->ref[0] = y;
  o->ref[1] = m;
  o->ref[2] = d;
  return 0;
}

int cyberner_options_set_strict_utf8(cyberner_options *o, int strict) {
  if (!o) return CYBERNER_EINVAL;
  o->strict_utf8 = strict != 0;
  return 0;
}

int cyberner_options_set_labels(cyberner_options *o, uint32_t mask) {
  uint32_t known = mask & ((1u << CYBERNER_LABEL_COUNT) - 1);
  if (!o || (mask && !known)) return CYBERNER_EINVAL; /* bits of no label alone mean a mistake */
  o->labels = known;
  return 0;
}

int cyberner_options_set_min_score(cyberner_options *o, double min_score) {
  if (!o || !(min_score >= 0.0 && min_score <= 1.0)) return CYBERNER_EINVAL;
  o->min_score = min_score;
  return 0;
}

/* ---- results --------------------------------------------------------------- */

int32_t cyb__result_string(cyberner_result *r, const char *s) {
  size_t off = r->strings.len, n = strlen(s);
  if (off > INT32_MAX - n - 1) return -1;
  if (cyb__buf_append(&r->strings, s, n + 1)) return -1;
  return (int32_t)off;
}

void cyberner_result_free(cyberner_result *r) {
  if (!r) return;
  free(r->e);
  free(r->s);
  cyb__buf_free(&r->strings);
  free(r);
}

static const char *str_at(const cyberner_result *r, int32_t off) {
  return off >= 0 ? r->strings.data + off : NULL;
}

int cyberner_result_lang(const cyberner_result *r) { return r ? r->lang : CYBERNER_LANG_UND; }
double cyberner_result_lang_confidence(const cyberner_result *r) { return r ? r->lang_conf : 0; }
size_t cyberner_result_invalid_bytes(const cyberner_result *r) { return r ? r->invalid : 0; }
size_t cyberner_result_count(const cyberner_result *r) { return r ? r->n : 0; }

#define ENTITY(r, i, field, none) ((r) && (i) < (r)->n ? (r)->e[i].field : (none))
size_t cyberner_entity_start(const cyberner_result *r, size_t i) { return ENTITY(r, i, start, 0); }
size_t cyberner_entity_end(const cyberner_result *r, size_t i) { return ENTITY(r, i, end, 0); }
int cyberner_entity_label(const cyberner_result *r, size_t i) { return ENTITY(r, i, label, -1); }
int cyberner_entity_lang(const cyberner_result *r, size_t i) { return ENTITY(r, i, lang, 0); }
double cyberner_entity_score(const cyberner_result *r, size_t i) { return ENTITY(r, i, score, 0); }
const char *cyberner_entity_id(const cyberner_result *r, size_t i) { return str_at(r, ENTITY(r, i, id, -1)); }
const char *cyberner_entity_value(const cyberner_result *r, size_t i) { return str_at(r, ENTITY(r, i, value, -1)); }
const char *cyberner_entity_source(const cyberner_result *r, size_t i) { return str_at(r, ENTITY(r, i, source, -1)); }
#undef ENTITY

size_t cyberner_result_sentence_count(const cyberner_result *r) { return r ? r->ns : 0; }
size_t cyberner_sentence_start(const cyberner_result *r, size_t i) { return r && i < r->ns ? r->s[i].start : 0; }
size_t cyberner_sentence_end(const cyberner_result *r, size_t i) { return r && i < r->ns ? r->s[i].end : 0; }
int cyberner_sentence_lang(const cyberner_result *r, size_t i) { return r && i < r->ns ? r->s[i].lang : 0; }
