/* Internal declarations shared by the pipeline stages. Never installed.
 * Prefix cyb__ = internal; the version script keeps it out of the ABI. */
#ifndef CYB_INTERNAL_H
#define CYB_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cyberner.h"

#define CYB_UNUSED(x) ((void)(x))

/* Internal label of dictionary names that must NOT be tagged (plans, laws,
 * programmes: France 2030): it wins over what it contains, then is dropped. */
#define CYB_NOT_ENTITY CYBERNER_LABEL_COUNT
#define CYB_NLABELS (CYBERNER_LABEL_COUNT + 1)

/* ---- error.c ---------------------------------------------------------- */

/* Store a new error in *err when err is not NULL. file may be NULL, line 0,
 * offset -1 when they do not apply. Always returns code. */
int cyb__fail(cyberner_error **err, int code, const char *file, size_t line, int64_t offset,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* ---- util.c ------------------------------------------------------------ */

/* A growable byte buffer. Owner frees data with free(). */
typedef struct {
  char *data;
  size_t len, cap;
} cyb__buf;

int cyb__buf_reserve(cyb__buf *b, size_t extra); /* 0 or CYBERNER_ENOMEM */
int cyb__buf_append(cyb__buf *b, const void *p, size_t n);
int cyb__buf_printf(cyb__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cyb__buf_free(cyb__buf *b);

/* "file:line: body", "file: body", "input byte N: body" or "body": the one
 * way messages name their place (offset < 0 when none). NULL on ENOMEM. */
char *cyb__place_message(const char *file, size_t line, int64_t offset, const char *body);

/* Grow an array of elem_size elements to hold at least need of them. The
 * check is inline: almost every call (a push per token, per candidate, per
 * string) finds the room already there. */
int cyb__grow_to(void **arr, size_t *cap, size_t need, size_t elem_size);
static inline int cyb__grow(void **arr, size_t *cap, size_t need, size_t elem_size) {
  return need <= *cap ? 0 : cyb__grow_to(arr, cap, need, elem_size);
}

char *cyb__strndup(const char *s, size_t n);

/* Decode one UTF-8 code point at s[0..n). Returns its length (1..4) and the
 * code point in *cp, or 0 when the bytes there are not valid UTF-8 (then
 * *cp is U+FFFD and one byte should be skipped). n must be >= 1. */
size_t cyb__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns the length. */
size_t cyb__utf8_encode(uint32_t cp, char *out);
/* Offset of the first invalid byte in s[0..n), or n when valid. */
size_t cyb__utf8_check(const char *s, size_t n);

/* Monotonic milliseconds. */
double cyb__now_ms(void);

/* 64-bit hash of a short byte string, for our in-memory tables (nothing
 * stores it but the dictionaries' fingerprint in names/hunspell_verdicts.txt,
 * which test-spell checks: a change here wants that file made again). Eight
 * bytes a step, the tail read as two overlapping words or three bytes (the length, mixed in first, tells them apart), then a
 * murmur3-style finalizer so that low bits (slot numbers) and high bits
 * (tags) both depend on every byte. Most tokens take one or two multiplies
 * instead of one per byte. */
static inline uint64_t cyb__hash(const void *p, size_t n) {
  const unsigned char *s = p;
  uint64_t h = 0x9e3779b97f4a7c15ull ^ ((uint64_t)n * 0xff51afd7ed558ccdull);
  for (; n >= 8; s += 8, n -= 8) {
    uint64_t w;
    memcpy(&w, s, 8);
    h = (h ^ w) * 0x9fb21c651e98df25ull;
    h ^= h >> 29;
  }
  uint64_t w = 0;
  if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    w = (uint64_t)a << 32 | b;
  } else if (n) {
    w = (uint64_t)s[0] << 16 | (uint64_t)s[n >> 1] << 8 | s[n - 1];
  }
  h = (h ^ w) * 0x9fb21c651e98df25ull;
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ull;
  return h ^ (h >> 32);
}

#ifdef __SSE2__
#include <emmintrin.h>
/* The bytes of v in [first, first + size) (size <= 128) as 0xFF: one add
 * and one signed compare instead of two compares and an and (the range
 * moves to the bottom of the signed bytes, every other byte above it). */
static inline __m128i cyb__sse_in_range(__m128i v, unsigned char first, unsigned size) {
  return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - first))), _mm_set1_epi8((char)(0x80 + size)));
}
#endif

/* a[0..n) == b[0..n) for a word (most are short), without a call: 8-byte
 * words, the last one overlapping, or two overlapping 4-byte words, or the
 * first, middle and last of up to 3 bytes; never reads past n. */
static inline bool cyb__bytes_eq(const void *pa, const void *pb, size_t n) {
  const unsigned char *a = pa, *b = pb;
  uint64_t x, y;
  uint32_t u, v;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      memcpy(&x, a + i, 8);
      memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    memcpy(&x, a + n - 8, 8);
    memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    memcpy(&u, a, 4);
    memcpy(&v, b, 4);
    if (u != v) return false;
    memcpy(&u, a + n - 4, 4);
    memcpy(&v, b + n - 4, 4);
    return u == v;
  }
  return n == 0 || (a[0] == b[0] && a[n >> 1] == b[n >> 1] && a[n - 1] == b[n - 1]);
}

/* A list of "file:line: message" strings with an error flag each. */
typedef struct {
  char *msg;  /* "file:line: message" */
  char *file; /* NULL when none */
  size_t line;
  int is_error;
} cyb__diag_item;

typedef struct {
  cyb__diag_item *item;
  size_t n, cap, errors;
} cyb__diag;

void cyb__diag_add(cyb__diag *d, int is_error, const char *file, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void cyb__diag_free(cyb__diag *d);

/* ---- normalize.c -------------------------------------------------------- */

/* Per code point folding for the Basic Multilingual Plane, computed once
 * with ICU when the model is compiled. Immutable afterwards. */
typedef struct cyb__fold cyb__fold;

cyb__fold *cyb__fold_new(cyberner_error **err);
void cyb__fold_free(cyb__fold *f);

/* The normalized copy of a stretch of input: case-folded, accent-free,
 * apostrophes/dashes/spaces unified, with a map back to the input. */
typedef struct {
  char *text;            /* normalized bytes (UTF-8), NUL-terminated, no NUL inside (a NUL reads as a space) */
  uint32_t *map;         /* map[i]: input offset of the character that gave text[i] */
  unsigned char *upper;  /* upper[i]: 1 when that character was upper/title case */
  size_t len, cap;
  size_t invalid;        /* invalid input bytes seen (each read as U+FFFD) */
  size_t first_invalid;  /* offset of the first one, SIZE_MAX when none */
} cyb__norm;

/* Normalize src[0..n) (n < 4 GiB) into out, reusing its buffers.
 * Returns 0 or CYBERNER_ENOMEM. */
int cyb__normalize(const cyb__fold *f, const char *src, size_t n, cyb__norm *out);
/* Input end offset (exclusive) of a normalized span ending at norm_end:
 * the end of the character that gave text[norm_end-1], plus any combining
 * marks that followed it. */
size_t cyb__norm_src_end_at(const cyb__norm *nm, const char *src, size_t n, size_t norm_end);
/* The same, inline for most ends (every sentence and entity asks): an ASCII
 * character that no byte outside ASCII (a combining mark) follows. */
static inline size_t cyb__norm_src_end(const cyb__norm *nm, const char *src, size_t n, size_t norm_end) {
  if (norm_end) {
    const unsigned char *s = (const unsigned char *)src;
    size_t e = nm->map[norm_end - 1];
    if (s[e] < 0x80 && (e + 1 >= n || s[e + 1] < 0x80)) return e + 1;
  }
  return cyb__norm_src_end_at(nm, src, n, norm_end);
}
void cyb__norm_free(cyb__norm *nm);

/* ---- tokenize.c --------------------------------------------------------- */

enum {
  CYB_TOK_ALPHA = 1u << 0,     /* has a letter */
  CYB_TOK_DIGIT = 1u << 1,     /* has a digit */
  CYB_TOK_NUMBER = 1u << 2,    /* digits only (with inner . , / : separators) */
  CYB_TOK_PUNCT = 1u << 3,     /* one punctuation or symbol character */
  CYB_TOK_CAP = 1u << 4,       /* first letter upper case in the input */
  CYB_TOK_ALLCAPS = 1u << 5,   /* >= 2 letters, all upper case */
  CYB_TOK_ELISION = 1u << 6,   /* French elided article: l' d' qu' ... */
  CYB_TOK_SENT_START = 1u << 7,/* first token of a sentence */
  CYB_TOK_SPACE_BEFORE = 1u << 8, /* white space right before it */
  CYB_TOK_HYPHEN = 1u << 9,    /* contains an inner hyphen */
  CYB_TOK_DOTTED = 1u << 10,   /* dotted acronym: U.S. */
  CYB_TOK_NEWLINE_BEFORE = 1u << 11, /* a line break right before it */
  CYB_TOK_SLASH = 1u << 12,    /* contains an inner slash: jpcert/cc, SEOUL/WASHINGTON */
  CYB_TOK_UPPER2 = 1u << 13,   /* with CAP: two bytes or more upper case in the input (ANSSI, McAfee) */
};

typedef struct {
  uint32_t start, end; /* offsets into the normalized text */
  uint32_t vid;        /* vocabulary id (gazetteer.c), CYB_NO_VID if none */
  uint16_t flags;
  uint16_t pad_;
  uint64_t hash;       /* cyb__hash of the text | 1, set with vid: one hash per token for every table */
} cyb__token;

#define CYB_NO_VID UINT32_MAX

typedef struct {
  uint32_t tok_begin, tok_end; /* token range */
  uint32_t start, end;         /* normalized-text range */
  int lang;
  double conf;
  unsigned fw[3];              /* function words per language (sentlang.c), set by extract.c */
  bool titlecase;              /* a headline in Title Case: 4+ words, 4 in 5 capitalized; a
                                  capital there proves little (set by the tokenizer) */
} cyb__sentence;

/* Is the normalized text of token t exactly w? */
static inline bool cyb__tok_is(const cyb__norm *nm, const cyb__token *t, const char *w) {
  size_t n = strlen(w);
  return t->end - t->start == n && memcmp(nm->text + t->start, w, n) == 0;
}

typedef struct {
  cyb__token *tok;
  size_t ntok, cap;
  cyb__sentence *sent;
  size_t nsent, sent_cap;
} cyb__tokens;

/* Is token k of tt (false past the last one) exactly the normalized word w? */
static inline bool cyb__token_is(const cyb__norm *nm, const cyb__tokens *tt, size_t k, const char *w) {
  return k < tt->ntok && cyb__tok_is(nm, &tt->tok[k], w);
}

/* Longest sentence: a longer run of tokens without a sentence end is cut
 * into sentences of this many tokens. */
#define CYB_MAX_SENTENCE_TOKENS 512
/* Split normalized text into tokens and sentences (reusing out's arrays).
 * Returns 0 or CYBERNER_ENOMEM. */
int cyb__tokenize(const cyb__norm *nm, cyb__tokens *out);
void cyb__tokens_free(cyb__tokens *t);

/* True when the normalized token text is an abbreviation that does not end a
 * sentence when followed by '.' (m, mme, mr, dr, ...). */
bool cyb__is_abbreviation(const char *s, size_t n);

#endif

/* ---- dictload.c: dictionary folders and their gazetteer lines ------------ */

/* One file of a dictionary folder, read from disk or built into the library. */
typedef struct {
  char *name;       /* path inside the folder: "agencies.tsv", "rules/dates.txt" */
  char *display;    /* path used in messages: "<dir>/agencies.tsv" */
  const char *data; /* contents (not NUL-terminated) */
  size_t len;
  char *owned;      /* contents read from disk, freed with the list */
} cyb__file;

typedef struct {
  cyb__file *f;
  size_t n, cap;
} cyb__files;

/* Read a folder: VERSION, *.tsv, rules/ *.txt, names/ *.txt, langid/ *.tsv. */
int cyb__files_read_dir(const char *dir, cyb__files *out, cyberner_error **err);
/* The folder built into the library (no copy made). */
int cyb__files_embedded(cyb__files *out, cyberner_error **err);
const cyb__file *cyb__files_find(const cyb__files *fs, const char *name);
/* The file of that name in extra (may be NULL), else in base: an extra
 * folder's file replaces the base folder's one. */
const cyb__file *cyb__files_pick(const cyb__files *base, const cyb__files *extra, const char *name);
void cyb__files_free(cyb__files *fs);
/* Call fn(ctx, f, line, n, lineno) for each line of f that is not blank or a
 * # comment (surrounding blanks trimmed, at most 1023 bytes, NUL-terminated
 * copy); stops at the first non-zero return and returns it. */
typedef int (*cyb__line_fn)(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno);
int cyb__file_each_line(const cyb__file *f, cyb__line_fn fn, void *ctx);
/* Cut a line into exactly `want` tab-separated columns (in place); false
 * when it has another number of them. */
bool cyb__columns(char *line, char **col, int want);

typedef struct {
  char *id, *name, *country; /* country: "JP", "FR+JP" or NULL */
  char *combining;           /* NATIONALITY combining forms "franco|franko" or NULL */
  char *aliases;             /* the raw alias column, '|'-separated */
  char *within;              /* id of the body (same label) this one is part of, or NULL:
                                chosen for a shared alias only when that body is named after it */
  char *committee;           /* EVENT: id of the committee that runs it, which the press calls by
                                the event's name ("the organising committee, Paris 2024, said"), or NULL */
  int32_t committee_entry;   /* that committee's entry, found once all files are read (when committee) */
  char *short_form;          /* short=: the normalized words that name it in a document once its
                                full name has been seen there ("commission"), or several joined by
                                commas, each maybe after its sentences' language (en:commission), or NULL */
  const char *file;          /* display name (owned by the dictset) */
  uint32_t line;
  uint8_t label;
  uint8_t dead; /* replaced by a later folder's entry with the same label and id */
  uint8_t place_kind; /* CYB_PLACE_*: from kind=, for "Town, Region" (Hanover, Maryland) */
  uint8_t shared_default; /* default=1: the one a shared alias names when nothing in the document
                             chooses among its entries (France's ANSSI, not Congo's) */
} cyb__entry;
/* place_kind: a town, or a region a town is placed in by "Town, Region" */
enum { CYB_PLACE_OTHER = 0, CYB_PLACE_TOWN, CYB_PLACE_SUBDIVISION };

typedef struct {
  cyb__entry *e;
  size_t n, cap;
  char **file_names; /* display names, owned */
  size_t nfiles, files_cap;
} cyb__dictset;

/* Parse every gazetteer file of fs into ds, appending; entries of a later
 * call replace earlier ones with the same label and id. Problems go to diag
 * (errors and warnings, with file:line). */
int cyb__dictset_load(cyb__dictset *ds, const cyb__files *fs, cyb__diag *diag);
void cyb__dictset_free(cyb__dictset *ds);
/* Check the VERSION file of a folder. */
int cyb__check_version(const cyb__files *fs, cyb__diag *diag);

/* ---- candidates: what the stages propose, resolve.c decides --------------- */

enum {
  CYB_SRC_DICT = 0,   /* a gazetteer alias */
  CYB_SRC_COMPOUND,   /* franco-japonais, UK-NL */
  CYB_SRC_DATE,       /* dates.c */
  CYB_SRC_PATTERN,    /* rules.c: ids (CVE, APT\d+), titles, body names */
  CYB_SRC_ACRONYM,    /* an acronym defined in the document */
  CYB_SRC_MENTION,    /* a later short mention of a name seen earlier */
  CYB_SRC_COUNT
};

typedef struct {
  uint32_t ns, ne;   /* normalized range, end exclusive */
  uint32_t tb, te;   /* token range */
  uint8_t label, source;
  uint16_t rank;     /* rule specificity inside a source: higher wins ties (CYB_RANK_COURTESY) */
  int32_t entry;     /* gazetteer entry, -1 when none */
  uint32_t alt, nalt;/* every entry the alias may mean (same label), in cands->alts */
  int32_t id;        /* offset of a rule-made id in cands->strings, -1 */
  int32_t value;     /* offset of a value (dates) in cands->strings, -1 */
  float score;
} cyb__cand;
/* The rank of a PERSON the rules found right after a capitalized courtesy
 * title (M., Mme, Mr) that no dictionary or earlier mention knows: resolve.c
 * weighs it like a dictionary name, so that it outranks a place ("M. Caire"
 * is not Cairo). */
#define CYB_RANK_COURTESY 3
/* The rank of a pattern candidate whose trigger words prove its reading of
 * a dictionary name of the same span ("the city of Toyota" is a place, not
 * the company): resolve.c weighs it like a dictionary name of a higher
 * rank, so it wins that span. */
#define CYB_RANK_CONTEXT 16 /* above the ranks the rules give each other (1..5) */

typedef struct {
  cyb__cand *c;
  size_t n, cap;
  uint32_t *alts;
  size_t nalts, alts_cap;
  cyb__buf strings;
} cyb__cands;

/* Append a candidate (fields id/value/alt set to none); NULL on ENOMEM. */
cyb__cand *cyb__cand_push(cyb__cands *cs, uint32_t ns, uint32_t ne, uint32_t tb, uint32_t te, int label,
                          int source, float score);
/* Store a string for a candidate; returns its offset or -1 on ENOMEM. */
int32_t cyb__cand_string(cyb__cands *cs, const char *s, size_t n);
void cyb__cands_free(cyb__cands *cs);

/* ---- gazetteer.c: aliases compiled into a token trie ----------------------- */

typedef struct cyb__gazetteer cyb__gazetteer;

/* Compile the live entries of ds (the gazetteer takes them over; ds is left
 * empty). Alias problems go to diag; with list_ambiguities, aliases shared by
 * different labels are listed as warnings too (dict check). */
cyb__gazetteer *cyb__gazetteer_new(const cyb__fold *f, cyb__dictset *ds, cyb__diag *diag,
                                   bool list_ambiguities, cyberner_error **err);
void cyb__gazetteer_free(cyb__gazetteer *g);
size_t cyb__gazetteer_count(const cyb__gazetteer *g, int label);
size_t cyb__gazetteer_ambiguities(const cyb__gazetteer *g);
const cyb__entry *cyb__gazetteer_entry(const cyb__gazetteer *g, uint32_t i);
/* The names of entry e one by one, its name then each alias without its
 * fr:/en: and = marks: *p starts at e->name and moves on (NULL after the
 * last); returns the name's bytes, *len its length. */
const char *cyb__entry_next_name(const cyb__entry *e, const char **p, size_t *len);
/* The one AGENCY of country code ("RU") with a name that opens with the
 * words of the normalized name [name, name + n) (Conseil de sécurité ->
 * Conseil de sécurité de la fédération de Russie), -1 when none or several. */
int32_t cyb__gazetteer_agency_opening(const cyb__gazetteer *g, const char *code, const char *name, size_t n);
/* Number of entries, dead ones included (indexes of cyb__gazetteer_entry). */
size_t cyb__gazetteer_size(const cyb__gazetteer *g);
/* During model compilation only: add a word to the vocabulary (the rules'
 * word lists), so that one lookup per text token serves every stage.
 * Returns its id, CYB_NO_VID when out of memory. */
uint32_t cyb__gazetteer_intern(cyb__gazetteer *g, const char *s, size_t n);
size_t cyb__gazetteer_vocab_size(const cyb__gazetteer *g);
/* Kinds of words the rules tell the gazetteer about, during model
 * compilation only (cyb__gazetteer_mark_word). */
enum {
  /* a meeting word (bodies.txt EVENT words: summit, sommet): an event alias
   * whose text has one in lower case is a description and does not match */
  CYB_WORD_MEETING = 1u << 0,
  /* a one-word role (titles.txt: chef, directeur): after "role d'" a body in
   * lower case is named (chef d'état-major des armées), not described */
  CYB_WORD_ROLE = 1u << 1,
};
int cyb__gazetteer_mark_word(cyb__gazetteer *g, uint32_t vid, unsigned kind);
/* Vocabulary id of a normalized token text, CYB_NO_VID when no alias has it. */
uint32_t cyb__gazetteer_vid(const cyb__gazetteer *g, const char *s, size_t n);
/* Label of a single-token alias for this token text, -1 when none (any
 * case, any language). Used by the rules as evidence. */
int cyb__gazetteer_single_label(const cyb__gazetteer *g, uint32_t vid);
/* A tagger's memo of recent token texts and their vocabulary ids: the
 * frequent words of a text (de, the, l', ministry) are found in this small
 * table, which stays in the CPU cache, instead of by a probe of the model's
 * large vocabulary. Owned by one tagger, bound to its model, never shared. */
#define CYB_VMEMO_SLOTS 4096
#define CYB_VMEMO_WORD 19
typedef struct {
  uint64_t hash; /* the token's hash (| 1); 0 = empty */
  uint32_t vid;
  uint8_t len;
  char s[CYB_VMEMO_WORD];
} cyb__vmemo_slot;
typedef struct {
  cyb__vmemo_slot slot[CYB_VMEMO_SLOTS];
  /* tokens of one byte (a quarter of a text's: punctuation, mostly), by
   * that byte: no hash to compute, no slot to compare */
  uint64_t byte_hash[256];
  uint32_t byte_vid[256];
  uint8_t byte_known[256];
} cyb__vmemo;
/* Fill tok[].hash and tok[].vid for every token; memo may be NULL. */
void cyb__gazetteer_lookup(const cyb__gazetteer *g, const cyb__norm *nm, cyb__tokens *tt, cyb__vmemo *memo);
/* A meeting of the dictionaries named after its two parties and its series
 * words (EU-Japan Cyber Dialogue, Dialogue cyber UE-Japon): the key of the
 * series words (cyb__gazetteer_series_key of their vocabulary ids), the
 * event and the COUNTRY or ORGANIZATION entries of the parties. */
typedef struct {
  uint64_t key;
  uint32_t entry;
  uint32_t party[2];
} cyb__series;
/* A series is two to this many words (Cyber Dialogue, Cyber Policy
 * Dialogue): the index keeps no longer one, the rules look no further. */
#define CYB_SERIES_MAX_WORDS 8
static inline uint64_t cyb__gazetteer_series_key(const uint32_t *vids, size_t n) {
  return cyb__hash(vids, n * sizeof *vids);
}
/* The meetings whose series words have this key, in *out (contiguous); how many. */
size_t cyb__gazetteer_series(const cyb__gazetteer *g, uint64_t key, const cyb__series **out);
/* Propose a candidate for every longest alias match in the sentence, and for
 * hyphen compounds of nationalities and countries. */
int cyb__gazetteer_match(const cyb__gazetteer *g, const cyb__norm *nm, const cyb__tokens *tt,
                         const cyb__sentence *s, cyb__cands *out);

/* ---- spell.c: hunspell questions, one speller per call or tagger ------------ */

typedef struct cyb__spell cyb__spell;     /* in the model: dictionary paths, idle spellers */
typedef struct cyb__speller cyb__speller; /* hunspell handles + memo, one thread at a time */
/* Finds the dictionaries (a missing one is a diag warning); NULL: no memory. */
cyb__spell *cyb__spell_new(cyb__diag *diag);
/* Frees the idle spellers: every speller taken must have been given back. */
void cyb__spell_free(cyb__spell *sp);
/* An idle speller, or a new one (its handles load on first use); NULL: no
 * memory. Give it back with cyb__speller_give (NULL is a no-op). */
cyb__speller *cyb__speller_take(const cyb__spell *sp);
void cyb__speller_give(const cyb__spell *sp, cyb__speller *s);
/* Is the original word, lower-cased, a common word of lang (0: either)? */
bool cyb__spell_common(const cyb__spell *sp, cyb__speller *s, int lang, const char *src, size_t n);
/* hunspell's verdicts on the name lists' words (names/hunspell_verdicts.txt;
 * f NULL: none), for cyb__spell_common to answer without hunspell when the
 * installed dictionaries are the ones they were made with. */
int cyb__spell_load_verdicts(cyb__spell *sp, const cyb__file *f);
/* The fingerprint of the installed dictionaries and of the hunspell built
 * with ("hunspell 1.7.1 fr <hash> en <hash>"); false when a file is missing. */
bool cyb__spell_fingerprint(const cyb__spell *sp, char *out, size_t cap);
/* hunspell's own verdicts on the lower-cased word (written to lower), bit 0
 * French, bit 1 English; -1: it cannot be asked. The model's verdict, as
 * cyb__spell_common reads it: -1 when it has none for this speller. */
int cyb__spell_hunspell_verdict(const cyb__spell *sp, cyb__speller *s, const char *src, size_t n, char *lower,
                                size_t cap);
int cyb__spell_model_verdict(const cyb__spell *sp, cyb__speller *s, const char *lower, size_t n);
/* Is the original word a proper one of language lang (0: either): known
 * to its hunspell dictionary capitalized, not in lower case (European, Jones)? */
bool cyb__spell_proper(const cyb__spell *sp, cyb__speller *s, int lang, const char *src, size_t n);
/* Is the original word a French adjective (hunspell po:adj; a suffix test
 * without the French dictionary)? */
bool cyb__spell_french_adjective(const cyb__spell *sp, cyb__speller *s, const char *src, size_t n);
/* Is the original word a French infinitive that is no noun (adopter,
 * obtenir; not avenir)? False without the French dictionary. */
bool cyb__spell_french_infinitive(const cyb__spell *sp, cyb__speller *s, const char *src, size_t n);
/* Is the original word a French past participle (présidée)? False without
 * the French dictionary. */
bool cyb__spell_french_participle(const cyb__spell *sp, cyb__speller *s, const char *src, size_t n);

/* ---- rules.c: patterns beyond the dictionaries ----------------------------- */

typedef struct cyb__rules cyb__rules;
typedef struct cyb__doc cyb__doc; /* per-document memory, extract.c */

/* Compile the rule tables of a folder (rules/ *.txt except dates, names/ *.txt);
 * extra (may be NULL) adds to them. Problems go to diag with file:line. */
cyb__rules *cyb__rules_new(const cyb__files *base, const cyb__files *extra, const cyb__fold *f, cyb__gazetteer *g,
                           cyb__diag *diag, cyberner_error **err);
void cyb__rules_free(cyb__rules *r);
typedef struct cyb__rules_scratch cyb__rules_scratch;
cyb__rules_scratch *cyb__rules_scratch_new(const cyb__rules *r);
void cyb__rules_scratch_free(cyb__rules_scratch *s);

/* ---- sentlang.c: function words, the cheap first look at a sentence's language */

typedef struct cyb__sentlang cyb__sentlang;
/* Read dict/langid/function_words.tsv; its words join g's vocabulary.
 * Problems go to diag with file:line; NULL only when out of memory. */
cyb__sentlang *cyb__sentlang_new(const cyb__file *f, const cyb__fold *fold, cyb__gazetteer *g, cyb__diag *diag);
void cyb__sentlang_free(cyb__sentlang *sl);
/* Function words among tokens [b, e) (vocabulary ids set), per language:
 * counts[CYB_LANG_FR], counts[CYB_LANG_EN], counts[CYB_LANG_UND] = other
 * languages. sl NULL: all zero. */
void cyb__sentlang_count(const cyb__sentlang *sl, const cyb__tokens *tt, uint32_t b, uint32_t e, unsigned counts[3]);
/* Is vocabulary id vid a function word of some language (le, que, the, of)? */
bool cyb__sentlang_is_function(const cyb__sentlang *sl, uint32_t vid);
/* Is there an English-order month date among tokens [b, e): a capitalized
 * month abbreviation with its stop before a day number (Oct. 10, Sept. 5)? */
bool cyb__sentlang_english_dates(const cyb__norm *nm, const cyb__tokens *tt, uint32_t b, uint32_t e);

/* ---- model.c -------------------------------------------------------------- */

#include "dates.h"
#include "langid.h"

struct cyberner_model {
  cyb__fold *fold;
  cyb__gazetteer *gaz;
  cyb__langid *langid; /* NULL: no model data, every sentence is "und" */
  cyb__sentlang *sentlang; /* NULL: no function words, the full detector reads every sentence */
  cyb__dates *dates;   /* NULL: no date rules */
  cyb__rules *rules;
  cyb__diag warnings;
  double compile_ms;
};

/* ---- result.c ---------------------------------------------------------- */

struct cyberner_options {
  int lang;          /* CYBERNER_LANG_AUTO, _FR, _EN */
  int ref[3];        /* reference date, ref[0] == 0 when none */
  int strict_utf8;
  uint32_t labels;   /* 0 = all */
  double min_score;
};

typedef struct {
  size_t start, end;          /* input offsets */
  int32_t id, value, source;  /* offsets in strings, -1 when none */
  uint8_t label, lang;
  float score;
} cyb__entity;

typedef struct {
  size_t start, end;
  int lang;
} cyb__sent_out;

struct cyberner_result {
  int lang;
  double lang_conf;
  size_t invalid;
  cyb__entity *e;
  size_t n, cap;
  cyb__sent_out *s;
  size_t ns, s_cap;
  cyb__buf strings;
};

/* Intern a string in the result; offset or -1 on ENOMEM. */
int32_t cyb__result_string(cyberner_result *r, const char *s);

/* ---- resolve.c ------------------------------------------------------------- */

/* A candidate's place in the priority order (resolve.c), precomputed so that
 * sorting needs no context. The caller owns an array of them (scratch). */
typedef struct {
  /* the order's first four keys in one: the span's length, the source's,
   * the rule's and the label's ranks, each complemented (higher first),
   * compared as one integer */
  uint64_t key;
  uint32_t ns, idx; /* then the start, then the candidate's index */
} cyb__prio;

/* Choose an entry for the ambiguous candidates of one sentence (cs) from
 * the context, then keep the best non-overlapping candidates (priority table
 * in resolve.c), in text order, in kept[] (indexes into cs). Returns how many
 * were kept. */
size_t cyb__resolve(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, cyb__cands *cs,
                    const cyb__doc *doc, cyb__prio *scratch, uint32_t *kept);
/* Index of a country code in country_counts (26 * 26 slots), -1 if not a code. */
static inline int cyb__country_slot(const char *code) {
  if (code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z') return -1;
  return (code[0] - 'A') * 26 + (code[1] - 'A');
}
/* Does a country list ("JP", "FR+JP") hold code ("FR")? */
static inline bool cyb__country_in(const char *list, const char *code) {
  for (const char *p = list; p && p[0] && p[1]; p += 3) {
    if (p[0] == code[0] && p[1] == code[1]) return true;
    if (p[2] != '+') break;
  }
  return false;
}
/* The entry's or rule's country codes for context: "JP", "FR+JP". */
const char *cyb__cand_country(const cyberner_model *m, const cyb__cands *cs, const cyb__cand *c);

/* ---- per-document memory (extract.c owns it, rules.c fills it) ------------- */

typedef struct {
  char key[48];   /* normalized text of the short form */
  uint8_t keylen, firstlen, ntok; /* its length, its first token's, its tokens */
  uint8_t label;
  uint8_t shared; /* a person's short form that another person of the document has too */
  uint8_t stem;   /* a company's first word (firm_stem): looked for with the speller's guard */
  uint8_t lang;   /* looked for only in sentences of this language (short=en:), 0 any */
  uint8_t titled; /* a surname seen only after a title (Minister Okonkwo): a full name met later takes it over */
  int16_t next;   /* the next one of its bucket in its list (doc->*_head), -1 */
  int32_t entry;  /* gazetteer entry or -1 */
  char id[96];    /* rule-made id when entry < 0, "" when none */
} cyb__docname;

#define CYB_DOC_MAX_NAMES 1024 /* bounded memory and lookup cost per document */
#define CYB_NAME_BUCKETS 256
/* The bucket of a token hash (cyb__token.hash: cyb__hash of its text | 1). */
static inline size_t cyb__doc_name_bucket(uint64_t h) { return (size_t)(h >> 17) & (CYB_NAME_BUCKETS - 1); }

typedef struct {
  uint64_t name; /* cyb__hash of the normalized name */
  int32_t entry; /* the gazetteer entry it linked to */
} cyb__linked;

/* A dictionary name the document left unlinked for want of context (its
 * alternatives tie): the result's entity, and the entries it may be. Its
 * score was multiplied by CYB_UNSURE_LINK (the label is sure, the link is
 * not); a link found at the document's end takes that factor back. Names
 * of more than CYB_LATE_MANY entries take only the one the document
 * linked (cyb__late_pick). */
#define CYB_LATE_ALTS 32
#define CYB_LATE_MANY 8 /* more alternatives than this: only the document's own link */
#define CYB_UNSURE_LINK 0.8f
typedef struct {
  size_t entity;                /* index in the result */
  uint32_t alt[CYB_LATE_ALTS];  /* gazetteer entries */
  uint8_t nalt;
  bool lower; /* written without a capital: a description (cyb__late_foreign) */
} cyb__late_link;

struct cyb__doc {
  uint32_t country_counts[26 * 26];
  int lang; /* the document's language (cyberner_lang), set before its sentences are read */
  cyb__docname *acr; /* acronyms defined in the document (grown on demand) */
  size_t nacr, acr_cap;
  cyb__docname *names; /* short forms of names seen: surnames */
  size_t nnames, names_cap;
  /* names by the hash of their first token (cyb__doc_name_bucket): the
   * rules look a token up in its bucket, not in all the names */
  int16_t name_head[CYB_NAME_BUCKETS];
  cyb__docname *hidden; /* initials of the capitalized words of NOT_ENTITY names seen */
  size_t nhidden, hidden_cap;
  cyb__docname *shorts; /* bodies named after a country (US Navy): the words after it (Navy) */
  size_t nshorts, shorts_cap;
  /* the other lists by bucket too, chained in arrival order (rules.c says
   * what each one's bucket hashes): a token is looked up in its bucket */
  int16_t acr_head[CYB_NAME_BUCKETS], hidden_head[CYB_NAME_BUCKETS], shorts_head[CYB_NAME_BUCKETS];
  cyb__linked *linked; /* what the document's names linked to so far (one sense per document) */
  size_t nlinked, linked_cap;
  int32_t *seen;       /* open-addressing set of the entries the document linked (entry + 1; 0 empty) */
  size_t nseen, seen_cap;
  cyb__late_link *late; /* names to link once the whole document is read */
  size_t nlate, late_cap;
  int32_t last_actor; /* the entry of the last THREAT_ACTOR linked (the gang, also known as ...), -1 none */
  bool x_platform;    /* the document called the platform X (le réseau social X): a later bare X is it */
};

/* The id of the platform once called Twitter, now X (rules.c platform_x). */
#define CYB_X_PLATFORM_ID "twitter"

/* Remember that the document linked a name to entry (resolve.c). Out of
 * memory only loses the memory. */
void cyb__doc_saw_entry(cyb__doc *doc, int32_t entry);
/* Did the document link a name to entry so far? */
bool cyb__doc_saw(const cyb__doc *doc, int32_t entry);
/* The entry an unlinked name takes once the whole document is read: the
 * one alternative the document linked elsewhere (Treasury in a title, the
 * Treasury Department below it), else the alternative of the document's
 * most named country; -1 when that does not settle it. */
int32_t cyb__late_pick(const cyberner_model *m, const cyb__doc *doc, const cyb__late_link *l);
/* "la police fédérale" in a Canadian text: an unlinked body written in lower
 * case all of whose entries belong to countries the document never names,
 * while it names others, describes the document's own body, which the
 * dictionary does not list under it: no name to tag. */
bool cyb__late_foreign(const cyberner_model *m, const cyb__doc *doc, const cyb__late_link *l);

/* Propose pattern candidates for one sentence (rules.c). */
int cyb__rules_match(const cyberner_model *m, cyb__rules_scratch *rs, const char *src, size_t srclen,
                     const cyb__norm *nm, const cyb__tokens *tt, const cyb__sentence *s, cyb__doc *doc,
                     cyb__cands *cs);
/* A headline's surname of a person the document names in full only below
 * it (Zhao sentenced ... Changpeng Zhao): token tb of sentence 0, and the
 * document's name it is. */
typedef struct {
  uint32_t tb;
  const cyb__docname *name;
} cyb__late_name;
/* The late names of sentence s, the document's first, once the whole
 * document is read (rules.c); at most cap, their count. */
size_t cyb__rules_late_names(const cyberner_model *m, cyb__rules_scratch *rs, const char *src, size_t srclen,
                             const cyb__norm *nm, const cyb__tokens *tt, const cyb__sentence *s, const cyb__doc *doc,
                             cyb__late_name *out, size_t cap);
/* The bare X's of sentence s that may be the platform X the document
 * defined somewhere (rules.c); at most cap tokens, their count. */
size_t cyb__rules_late_x(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, const cyb__sentence *s,
                         uint32_t *out, size_t cap);
/* Remember, from the kept entities of a sentence, what later sentences may
 * refer to: acronyms defined in parentheses, surnames of people. */
void cyb__rules_learn(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, const cyb__cands *cs,
                      const uint32_t *kept, size_t nkept, cyb__doc *doc);
