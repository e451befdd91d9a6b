/* hunspell questions: is a capitalized word a common word of the language
 * (Launched, Interior), is a French word an adjective (po:adj), a verb's
 * infinitive (po:infi) or its past participle (po:ppas).
 *
 * hunspell handles are not thread-safe, and loading the French and English
 * dictionaries takes ~90 ms and ~21 MB. So the model holds only the paths,
 * found at compilation, and a stack of idle spellers: a call or a tagger
 * takes one speller for itself (cyb__speller_take), loads its handles on
 * its first question, and gives it back when it ends (cyb__speller_give),
 * for the next call to reuse without loading again. A speller is used by
 * one thread at a time, with no lock; the stack's lock is taken once per
 * cyberner_tag call or per tagger, never per word. There are as many
 * spellers as calls ever ran at the same time. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <hunspell/hunspell.h>
#include <unicode/ustring.h>

#include "internal.h"

/* Verdicts kept by a speller across the calls that use it (2.3 MB, lazily
 * paged: the words of a large corpus). hunspell's answers are a function
 * of the word, so remembering them changes no result, only saves time. */
#define SPELL_MEMO (1 << 18)

struct cyb__speller {
  struct cyb__speller *next; /* in the idle stack */
  int state[3];              /* per language: 0 not tried, 1 loaded, -1 unavailable */
  Hunhandle *h[3];
  uint64_t memo_key[SPELL_MEMO]; /* slot: hash of the word and of the question; 0 empty */
  uint8_t memo_val[SPELL_MEMO];
};

/* A word of names/hunspell_verdicts.txt and hunspell's answers for it. */
typedef struct {
  uint32_t off; /* the word in vtext */
  uint16_t len;
  uint8_t bits; /* VERDICT_FR, VERDICT_EN */
} verdict;

struct cyb__spell {
  bool found[3]; /* per language: its dictionary files exist */
  char aff[3][256], dic[3][256];
  verdict *verdicts; /* in the words' byte order (the file's) */
  size_t nverdicts, vcap;
  cyb__buf vtext;
  char *vprint; /* the fingerprint the verdicts were made with */
  bool verdicts_ok; /* the installed dictionaries have that fingerprint: the verdicts are hunspell's */
  pthread_mutex_t mu; /* guards idle only */
  cyb__speller *idle;
};

cyb__spell *cyb__spell_new(cyb__diag *diag) {
  static const char *const names[3][2] = {{"", ""}, {"fr_FR", "fr"}, {"en_US", "en_GB"}};
  static const char *const dirs[] = {"/usr/share/hunspell", "/usr/share/myspell", "/usr/local/share/hunspell"};
  cyb__spell *sp = calloc(1, sizeof *sp);
  if (!sp || pthread_mutex_init(&sp->mu, NULL)) {
    free(sp);
    return NULL;
  }
  for (int l = 1; l <= 2; l++) {
    for (size_t d = 0; d < 3 && !sp->found[l]; d++)
      for (int v = 0; v < 2 && !sp->found[l]; v++) {
        struct stat st;
        snprintf(sp->aff[l], sizeof sp->aff[l], "%s/%s.aff", dirs[d], names[l][v]);
        snprintf(sp->dic[l], sizeof sp->dic[l], "%s/%s.dic", dirs[d], names[l][v]);
        sp->found[l] = stat(sp->aff[l], &st) == 0 && stat(sp->dic[l], &st) == 0;
      }
    if (!sp->found[l])
      cyb__diag_add(diag, 0, NULL, 0,
                    "no hunspell %s dictionary (Debian package hunspell-%s): capitalized common words are not "
                    "vetoed as person names in %s",
                    l == 1 ? "French" : "English", l == 1 ? "fr" : "en-us", l == 1 ? "French" : "English");
  }
  return sp;
}

/* hunspell keeps one process-wide table of its own (the UTF-8 case table,
 * csutil.cxx: filled by the first Hunspell_create, counted, freed by the
 * last Hunspell_destroy) with no lock: creating and destroying handles must
 * not overlap, whatever model they belong to. Checking words only reads the
 * table, which exists as long as one handle does. The library's one piece
 * of static state, for another library's. */
static pthread_mutex_t hunspell_lifecycle = PTHREAD_MUTEX_INITIALIZER;

static void speller_destroy(cyb__speller *s) {
  pthread_mutex_lock(&hunspell_lifecycle);
  for (int l = 1; l <= 2; l++)
    if (s->h[l]) Hunspell_destroy(s->h[l]);
  pthread_mutex_unlock(&hunspell_lifecycle);
  free(s);
}

/* Every speller must have been given back (taggers are freed before their
 * model). */
void cyb__spell_free(cyb__spell *sp) {
  if (!sp) return;
  while (sp->idle) {
    cyb__speller *s = sp->idle;
    sp->idle = s->next;
    speller_destroy(s);
  }
  pthread_mutex_destroy(&sp->mu);
  free(sp->verdicts);
  cyb__buf_free(&sp->vtext);
  free(sp->vprint);
  free(sp);
}

/* The stack is the only part of the model that changes after compilation;
 * it never changes a result. */
cyb__speller *cyb__speller_take(const cyb__spell *csp) {
  cyb__spell *sp = (cyb__spell *)csp;
  pthread_mutex_lock(&sp->mu);
  cyb__speller *s = sp->idle;
  if (s) sp->idle = s->next;
  pthread_mutex_unlock(&sp->mu);
  if (!s) s = calloc(1, sizeof *s);
  if (s) s->next = NULL;
  return s;
}

void cyb__speller_give(const cyb__spell *csp, cyb__speller *s) {
  if (!s) return;
  cyb__spell *sp = (cyb__spell *)csp;
  pthread_mutex_lock(&sp->mu);
  s->next = sp->idle;
  sp->idle = s;
  pthread_mutex_unlock(&sp->mu);
}

/* The memo key of a word and a question (0-2: common in either language,
 * French, English; 3: French analysis; 4-6: proper word, in either
 * language, French, English): the question in
 * bits 1-3, bit 0 set, so that no key is 0, the empty slot. */
static uint64_t question_key(const char *word, size_t n, unsigned question) {
  return cyb__hash(word, n) << 4 | (uint64_t)question << 1 | 1;
}

/* The first of the two slots of a key (two ways: words of one slot, direct
 * mapped, pushed each other out and were asked of hunspell again, some 60
 * times a pass on 1.5 MB of news, ~48,000 instructions each): from all its
 * bits (its low bits hold the question, so key % SPELL_MEMO would use a
 * quarter of the slots). */
static size_t memo_slot(uint64_t key) {
  return (size_t)(((key * 0x9e3779b97f4a7c15ull) >> 32) % SPELL_MEMO) & ~(size_t)1;
}

/* The verdict of key, or -1 when the memo lacks it. */
static int memo_get(const cyb__speller *s, uint64_t key, size_t slot) {
  if (s->memo_key[slot] == key) return s->memo_val[slot];
  if (s->memo_key[slot + 1] == key) return s->memo_val[slot + 1];
  return -1;
}

/* Keep a verdict in the first way; the one there moves to the second. */
static void memo_put(cyb__speller *s, uint64_t key, size_t slot, uint8_t val) {
  s->memo_key[slot + 1] = s->memo_key[slot];
  s->memo_val[slot + 1] = s->memo_val[slot];
  s->memo_key[slot] = key;
  s->memo_val[slot] = val;
}

/* The original word in lower case (ICU), for hunspell. */
static bool lower_word(const char *src, size_t n, char *word, size_t cap) {
  if (n == 0 || n > 60) return false;
  /* ASCII (most words): ICU's lower case is the ASCII one, without three
   * conversions */
  size_t i = 0;
  while (i < n && (unsigned char)src[i] < 0x80 && src[i] != '\0') i++;
  if (i == n && n < cap) {
    for (i = 0; i < n; i++) word[i] = (char)(src[i] >= 'A' && src[i] <= 'Z' ? src[i] + 32 : src[i]);
    word[n] = '\0';
    return true;
  }
  UChar u[64], low[64];
  UErrorCode st = U_ZERO_ERROR;
  int32_t ul = 0, wl = 0;
  u_strFromUTF8(u, 64, &ul, src, (int32_t)n, &st);
  int32_t ll = U_SUCCESS(st) ? u_strToLower(low, 64, u, ul, "", &st) : 0;
  if (U_SUCCESS(st)) u_strToUTF8(word, (int32_t)cap - 1, &wl, low, ll, &st);
  if (U_FAILURE(st)) return false;
  word[wl] = '\0';
  return true;
}

/* The hunspell handle of a language, loaded on the speller's first question. */
static Hunhandle *handle(const cyb__spell *sp, cyb__speller *s, int lang) {
  if (s->state[lang] == 0) {
    pthread_mutex_lock(&hunspell_lifecycle);
    s->h[lang] = sp->found[lang] ? Hunspell_create(sp->aff[lang], sp->dic[lang]) : NULL;
    pthread_mutex_unlock(&hunspell_lifecycle);
    s->state[lang] = s->h[lang] ? 1 : -1;
  }
  return s->state[lang] == 1 ? s->h[lang] : NULL;
}

/* ---- hunspell's verdicts known in advance --------------------------------
 * A new text asks hunspell mostly about names (~8,000 instructions a word in
 * English, ~90,000 in French, asked next when English rejects it). The model
 * holds the answers for the words of the name lists and of the gazetteers'
 * names, lower-cased (names/hunspell_verdicts.txt, made by test-spell
 * --write-verdicts DICT with the dictionaries and the hunspell its
 * fingerprint line names). The spellers read them only when the
 * dictionary files they load have that fingerprint and the library was
 * built with that hunspell, which the model checks once when it is
 * compiled: they are then hunspell's own answers (test-spell asks hunspell
 * again for every word). */

#define VERDICT_FR 1u /* 1 << (CYBERNER_LANG_FR - 1) */
#define VERDICT_EN 2u

#ifndef CYB_HUNSPELL_VERSION
#define CYB_HUNSPELL_VERSION "unknown"
#endif

/* A verdict after the last one: the file is in byte order, for a binary
 * search (a word out of order is left out, and test-spell fails). */
static int add_verdict(cyb__spell *sp, const char *w, size_t n, unsigned bits) {
  if (n == 0 || n > UINT16_MAX || sp->vtext.len + n > UINT32_MAX) return 0;
  if (sp->nverdicts) {
    const verdict *last = &sp->verdicts[sp->nverdicts - 1];
    int c = memcmp(sp->vtext.data + last->off, w, last->len < n ? last->len : n);
    if (c > 0 || (c == 0 && last->len >= n)) return 0;
  }
  if (cyb__grow((void **)&sp->verdicts, &sp->vcap, sp->nverdicts + 1, sizeof *sp->verdicts)) return CYBERNER_ENOMEM;
  sp->verdicts[sp->nverdicts++] = (verdict){.off = (uint32_t)sp->vtext.len, .len = (uint16_t)n, .bits = (uint8_t)bits};
  return cyb__buf_append(&sp->vtext, w, n);
}

/* Lines "fingerprint<TAB>..." and "word<TAB>bits" (0-3); others (# comments)
 * are skipped. Read in place: 33,000 lines, at every model compilation. */
int cyb__spell_load_verdicts(cyb__spell *sp, const cyb__file *f) {
  if (!f || !f->len) return 0;
  for (const char *p = f->data, *end = p + f->len; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
    const char *tab = memchr(p, '\t', (size_t)(e - p));
    size_t wl = tab ? (size_t)(tab - p) : 0;
    if (wl == 11 && memcmp(p, "fingerprint", 11) == 0) {
      free(sp->vprint);
      if (!(sp->vprint = cyb__strndup(tab + 1, (size_t)(e - tab - 1)))) return CYBERNER_ENOMEM;
    } else if (wl && *p != '#' && e - tab == 2 && tab[1] >= '0' && tab[1] <= '3' &&
               add_verdict(sp, p, wl, (unsigned)(tab[1] - '0'))) {
      return CYBERNER_ENOMEM;
    }
    p = e + 1;
  }
  /* checked once, with the model: the files the spellers will load */
  char print[256];
  sp->verdicts_ok = sp->nverdicts && sp->vprint && cyb__spell_fingerprint(sp, print, sizeof print) &&
                    strcmp(print, sp->vprint) == 0;
  return 0;
}

/* The bytes of a file, hashed; false when it cannot be read. */
static bool hash_file(const char *path, uint64_t *h) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return false;
  char *buf = NULL;
  size_t len = 0, cap = 0, got;
  do {
    if (cyb__grow((void **)&buf, &cap, len + 65536, 1)) break;
    got = fread(buf + len, 1, cap - len, fp);
    len += got;
  } while (got > 0);
  bool ok = !ferror(fp) && feof(fp);
  fclose(fp);
  if (ok) *h = cyb__hash(buf, len);
  free(buf);
  return ok;
}

bool cyb__spell_fingerprint(const cyb__spell *sp, char *out, size_t cap) {
  uint64_t h[2][2];
  for (int l = 1; l <= 2; l++)
    if (!sp->found[l] || !hash_file(sp->aff[l], &h[l - 1][0]) || !hash_file(sp->dic[l], &h[l - 1][1])) return false;
  int w = snprintf(out, cap, "hunspell %s fr %016llx%016llx en %016llx%016llx", CYB_HUNSPELL_VERSION,
                   (unsigned long long)h[0][0], (unsigned long long)h[0][1], (unsigned long long)h[1][0],
                   (unsigned long long)h[1][1]);
  return w > 0 && (size_t)w < cap;
}

/* hunspell's bits for the lower-cased word, or -1 when the model lacks it
 * or its verdicts are not those of the installed dictionaries. */
static int known_verdict(const cyb__spell *sp, const char *w, size_t n) {
  if (!sp->verdicts_ok) return -1;
  size_t lo = 0, hi = sp->nverdicts;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const verdict *v = &sp->verdicts[mid];
    int c = memcmp(sp->vtext.data + v->off, w, v->len < n ? v->len : n);
    if (c == 0 && v->len == n) return v->bits;
    if (c < 0 || (c == 0 && v->len < n)) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

int cyb__spell_hunspell_verdict(const cyb__spell *sp, cyb__speller *s, const char *src, size_t n, char *lower,
                                size_t cap) {
  if (!s || !lower_word(src, n, lower, cap)) return -1;
  unsigned bits = 0;
  for (int l = 1; l <= 2; l++) {
    Hunhandle *h = handle(sp, s, l);
    if (h && Hunspell_spell(h, lower)) bits |= 1u << (l - 1);
  }
  return (int)bits;
}

int cyb__spell_model_verdict(const cyb__spell *sp, cyb__speller *s, const char *lower, size_t n) {
  return s ? known_verdict(sp, lower, n) : -1;
}

/* A question in either language asks English first, then French only when
 * English says no: the answer is the same in either order, and English is
 * the cheap one (a word costs hunspell ~8,000 instructions in English,
 * ~50,000 to ~90,000 in French, whose affix and compound search is long),
 * in French text too (most words its questions ask are names, which both
 * dictionaries reject, or words English knows as well). */
static const int either_order[2] = {CYBERNER_LANG_EN, CYBERNER_LANG_FR};

bool cyb__spell_common(const cyb__spell *sp, cyb__speller *s, int lang, const char *src, size_t n) {
  char word[200];
  if (!s || !lower_word(src, n, word, sizeof word)) return false;
  size_t wl = strlen(word);
  uint64_t key = question_key(word, wl, (unsigned)lang);
  size_t slot = memo_slot(key);
  int known = memo_get(s, key, slot);
  if (known >= 0) return known;
  int bits = known_verdict(sp, word, wl);
  bool found = bits >= 0 && (lang ? (bits >> (lang - 1)) & 1 : bits != 0);
  for (int i = 0; i < 2 && !found && bits < 0; i++) {
    int l = either_order[i];
    Hunhandle *h = !lang || lang == l ? handle(sp, s, l) : NULL;
    if (h && Hunspell_spell(h, word)) found = true;
  }
  memo_put(s, key, slot, found);
  return found;
}

/* A proper word of language lang (0: either; European, Scottish, Jones):
 * its dictionary knows it as written, capitalized, and not in lower case
 * (French knows a dance, scottish, and a given name, Line: each language
 * answers for itself). */
bool cyb__spell_proper(const cyb__spell *sp, cyb__speller *s, int lang, const char *src, size_t n) {
  char word[200], as[200];
  if (!s || n >= sizeof as || !lower_word(src, n, word, sizeof word)) return false;
  uint64_t key = question_key(src, n, 4 + (unsigned)lang);
  size_t slot = memo_slot(key);
  int known = memo_get(s, key, slot);
  if (known >= 0) return known;
  memcpy(as, src, n);
  as[n] = '\0';
  bool proper = false;
  for (int i = 0; i < 2 && !proper; i++) {
    int l = either_order[i];
    Hunhandle *h = !lang || lang == l ? handle(sp, s, l) : NULL;
    proper = h && Hunspell_spell(h, as) && !Hunspell_spell(h, word);
  }
  memo_put(s, key, slot, proper);
  return proper;
}

/* What hunspell's French analyses of a word say, as bits; one question in
 * the memo serves every French test below. */
#define FR_ADJ 1u  /* some analysis is po:adj */
#define FR_INFI 2u /* some analysis is po:infi */
#define FR_NOUN 4u /* some analysis is po:nom */
#define FR_PPAS 8u /* some analysis is po:ppas, a past participle */

/* The bits of the word, -1 without the French dictionary. */
static int french_analysis(const cyb__spell *sp, cyb__speller *s, const char *src, size_t n) {
  char word[200];
  if (!s || !lower_word(src, n, word, sizeof word)) return 0;
  Hunhandle *h = handle(sp, s, CYBERNER_LANG_FR);
  if (!h) return -1;
  uint64_t key = question_key(word, strlen(word), 3);
  size_t slot = memo_slot(key);
  int known = memo_get(s, key, slot);
  if (known >= 0) return known;
  char **an = NULL;
  int k = Hunspell_analyze(h, &an, word);
  unsigned bits = 0;
  for (int i = 0; i < k; i++) {
    if (strstr(an[i], "po:adj")) bits |= FR_ADJ;
    if (strstr(an[i], "po:infi")) bits |= FR_INFI;
    if (strstr(an[i], "po:nom")) bits |= FR_NOUN;
    if (strstr(an[i], "po:ppas")) bits |= FR_PPAS;
  }
  if (k > 0) Hunspell_free_list(h, &an, k);
  memo_put(s, key, slot, (uint8_t)bits);
  return (int)bits;
}

/* Without a French dictionary, a suffix test stands in. */
bool cyb__spell_french_adjective(const cyb__spell *sp, cyb__speller *s, const char *src, size_t n) {
  int bits = french_analysis(sp, s, src, n);
  if (bits >= 0) return (bits & FR_ADJ) != 0;
  char word[200];
  if (!lower_word(src, n, word, sizeof word)) return false;
  size_t wl = strlen(word);
  static const char *const suffixes[] = {"al",   "ale", "ales", "aux",  "el",  "elle", "elles",
                                         "ique", "iques", "ien", "ienne", "iennes", "aire", "aires",
                                         "ere",  "eres", "ère", "ères", "if",  "ive",  "ives"};
  for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
    size_t m = strlen(suffixes[i]);
    if (wl > m && memcmp(word + wl - m, suffixes[i], m) == 0) return true;
  }
  return false;
}

/* Without a French dictionary: false (no verb is known). */
bool cyb__spell_french_infinitive(const cyb__spell *sp, cyb__speller *s, const char *src, size_t n) {
  int bits = french_analysis(sp, s, src, n);
  return bits > 0 && (bits & FR_INFI) && !(bits & FR_NOUN);
}

/* Without a French dictionary: false. */
bool cyb__spell_french_participle(const cyb__spell *sp, cyb__speller *s, const char *src, size_t n) {
  int bits = french_analysis(sp, s, src, n);
  return bits > 0 && (bits & FR_PPAS);
}
