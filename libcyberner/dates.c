/* dates.c - DATE recognizer: rule file compiler, candidate scanner, ISO values.
 *
 * Layout of this file:
 *   1. small helpers (growing buffers, byte classes)
 *   2. the compiled model (word tables, macros, rules)
 *   3. the rule file parser and macro expander
 *   4. scratch (pcre2 match data, match context, JIT stack)
 *   5. calendar arithmetic and value computation
 *   6. the scanner (cyb__dates_find)
 *
 * The rule file format is documented in dict/rules/DATES.md.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "dates.h"
#include "internal.h" /* cyb__hash */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ------------------------------------------------------------------ */
/* 1. helpers                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
    char *p;
    size_t n, cap;
    int oom;
} dbuf;

static void dbuf_add(dbuf *b, const void *src, size_t len)
{
    if (b->oom)
        return;
    if (b->n + len + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 256;
        while (nc < b->n + len + 1)
            nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, src, len);
    b->n += len;
    b->p[b->n] = '\0';
}

static void dbuf_str(dbuf *b, const char *s) { dbuf_add(b, s, strlen(s)); }

typedef struct {
    int *p;
    size_t n, cap;
    int oom;
} ivec;

static void ivec_fill(ivec *v, int val, size_t count)
{
    if (v->oom)
        return;
    if (v->n + count > v->cap) {
        size_t nc = v->cap ? v->cap : 256;
        while (nc < v->n + count)
            nc *= 2;
        int *np = realloc(v->p, nc * sizeof *np);
        if (!np) {
            v->oom = 1;
            return;
        }
        v->p = np;
        v->cap = nc;
    }
    for (size_t i = 0; i < count; i++)
        v->p[v->n++] = val;
}

/* Byte classes of the normalized text. Bytes >= 0x80 are parts of non-ASCII
 * letters (the normalizer has already removed accents), so they count as
 * letters: a rule never starts or ends inside such a word. */
enum { BC_OTHER = 0, BC_DIGIT = 1, BC_LETTER = 2 };
#define BC_ROW16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
static const unsigned char byte_classes[256] = {
    BC_ROW16(0), BC_ROW16(0), BC_ROW16(0),         /* controls, space, punctuation */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* 0-9 */
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* @ A-O */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, /* P-Z */
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* ` a-o */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, /* p-z */
    BC_ROW16(2), BC_ROW16(2), BC_ROW16(2), BC_ROW16(2), /* UTF-8 bytes */
    BC_ROW16(2), BC_ROW16(2), BC_ROW16(2), BC_ROW16(2),
};
#define byte_class(c) (byte_classes[(unsigned char)(c)])

/* ------------------------------------------------------------------ */
/* 2. the compiled model                                               */
/* ------------------------------------------------------------------ */

/* Word kinds: what the value column of a `word` line means. */
enum { K_MONTH, K_WEEKDAY, K_SEASON, K_ORDINAL, K_REL, K_QUAL, K_LIST, K_COUNT };
/* rel value "x" (suivant, precedent): the anchor is another date of the text,
 * not the reference date, so such a match is never resolved against ref. */
#define REL_TEXT 3
static const char *const kind_names[K_COUNT] = {"month", "weekday", "season", "ordinal",
                                                "rel", "qual", "list"};

/* Named groups the C code reads ("slots"). Group names starting with '_'
 * are free for the rule writer (back-references and the like). */
enum {
    S_D, S_M, S_Y, S_D2, S_M2, S_Y2, S_A, S_B, S_WD, S_SEASON,
    S_Q, S_H, S_REL, S_RYEAR, S_QUAL, S_DEC, S_WD2, S_SEASON2, S_COUNT
};
static const char *const slot_names[S_COUNT] = {"d", "m", "y", "d2", "m2", "y2", "a", "b",
                                                "wd", "season", "q", "h", "rel", "ryear",
                                                "qual", "dec", "wd2", "season2"};
#define MAX_DUP 6 /* groups with the same name in one pattern */

/* Trigger bits: three pseudo classes for digit runs, then the word classes. */
#define TR_NUM12 (UINT64_C(1) << 0) /* run of 1 or 2 digits */
#define TR_NUM4 (UINT64_C(1) << 1)  /* run of exactly 4 digits */
#define TR_NUMX (UINT64_C(1) << 2)  /* any other run of digits */
#define CLS_FIRST 3
#define MAX_CLASSES (64 - CLS_FIRST)
#define MAX_WORD 63
#define MAX_SPAN 256 /* longest date a rule may match, in bytes */

typedef struct {
    char name[40];
    int kind;
    int amb; /* tag is "amb": needs a capital letter under the `strict` option */
} wclass;

typedef struct {
    uint32_t off; /* into pool */
    uint16_t len;
    uint8_t cls;
    int16_t value;
    int32_t next; /* next entry with the same word form, -1 at end */
    int line;
} wentry;

typedef struct {
    uint32_t off;
    uint16_t len;
    uint64_t mask;
    int32_t first; /* first entry */
    int32_t group; /* trigger group (d->groups) when a rule starts at it, else -1 */
} wform;

/* Gates of single shipped rules (option rule_gate, rule_may_match()): a
 * cheap necessary condition of the rule's pattern, tested in C before the
 * pattern, for the rules that fail most (on the years of a news text most
 * of the year rules, after "august 22" every other month rule). */
enum {
    G_NONE,
    G_DECADE,     /* decade: "s" after the year */
    G_ATLEAST,    /* year_atleast: after "... at least ", "since about ", "depuis au moins "... */
    G_OVER,       /* year_over: after "over " */
    G_YEAR_DET,   /* year_det, range_yy_det: after the/its/their/this, a space after */
    G_YEAR,       /* year: {LB}, 19xx or 20xx, {NE} */
    G_YEAR_OLD,   /* year_old: 10xx to 18xx */
    G_ISO,        /* iso: - / or . after the year */
    G_MY,         /* my, range_my_to: [.] spaces, then a digit or "of" */
    G_RYEAR,      /* month_ryear: spaces then "of" or "de" */
    G_RANGE_MM,   /* range_mm: {RANGE} after the month */
    G_RANGE_MDD,  /* range_mdd: [.] spaces, a day, {ORD}, {RANGE} */
    G_OPEN_ET,    /* range_full_et: after an {OPEN_ET} opener */
    G_OPEN_AU,    /* range_full_au, range_yy_from: after an {OPEN_AU} opener */
    G_OPEN_ANY,   /* range_y_my: after either */
    G_MONTH_MOD,  /* month_mod: after a/an/the/its/their, a space after */
    G_QMARK       /* qmark: a digit after q, t or h */
};

typedef struct {
    char name[48];
    int line;
    int lang; /* CYB_DATE_LANG_UND: any */
    int strict;
    int soft; /* an impossible value is no match: shorter readings still count */
    int base; /* can match its trigger word alone: kept out of the prefilters */
    int lowernext; /* with the capitalization mask: the next word is not capitalized */
    int lowerstart; /* with the capitalization mask and no year: the first word is not capitalized */
    uint64_t on, prev, notprev, notnext, notcapprev;
    int gate; /* G_*: rule_may_match() before the pattern (option rule_gate) */
    pcre2_code *code;
    uint8_t ng[S_COUNT];
    uint16_t groups[S_COUNT][MAX_DUP];
} drule;

typedef struct {
    uint64_t mask;
    pcre2_code *pre; /* NULL: fewer than two non-base rules, try them all */
    int pre_owner;   /* this group frees pre (groups with the same rules share one) */
    uint32_t *rules; /* the rules it starts, in file order (on equal length the
                      * earlier rule wins), then its base rules again */
    uint32_t nrules, nbase;
    int word_kind; /* K_WEEKDAY, K_ORDINAL or K_REL when all its trigger words are of
                    * that kind (word_may_match() before the prefilter), else -1 */
} tgroup;

struct cyb__dates {
    char *pool;
    size_t pool_n, pool_cap;
    wclass cls[MAX_CLASSES];
    int ncls;
    wentry *ent;
    size_t nent, ent_cap;
    wform *forms;
    size_t nforms;
    int32_t *hash; /* index into forms, -1 empty */
    size_t hmask;
    size_t maxword;
    /* cheap filters in front of the hash table, for the words some rule
     * starts at: possible lengths per first byte, possible first two bytes
     * (and any byte after a digit, for next_cand()) */
    uint64_t lenmask[256];
    unsigned char pair[256 * 256 / 8];
    /* a word of the text is a trigger word only if the bit of its first
     * three bytes and its length (trig_key) is set: next_cand leaves the
     * others (most words with a trigger's first two bytes: president, than) */
    unsigned char trig3[1u << 13];
    /* cand[prev << 8 | cur]: a candidate may start at cur after prev (a
     * run of digits, or a word whose first byte starts some trigger word) */
    unsigned char *cand;
    drule *rules;
    size_t nrules, rules_cap;
    /* Trigger groups: one per distinct trigger mask (the three digit runs
     * first, then every mask a word form has). A group's prefilter is the
     * alternation of the rules it starts, `base` rules left out; when it
     * fails at a place, only the base rules are tried there. A bare year
     * or weekday, the busiest candidates, costs one failed prefilter and
     * its base rules instead of a dozen failed rules. */
    tgroup *groups;
    size_t ngroups;
    uint64_t trig_any;
    uint64_t month_mask; /* the classes of kind month */
    uint64_t calendar_mask; /* the classes of kind month, weekday or season */
    uint32_t maxcap;
    int use_jit, jit_ok;
    int num12_gate; /* num12_may_match() before the 1-2 digit prefilter */
    int num4_gate;  /* num4_may_match() before the 4 digit prefilter */
    int word_gate;  /* word_may_match() before a weekday's or an ordinal's prefilter */
    int rule_gate;  /* rule_may_match() before the shipped rules it knows by name */
    uint32_t match_limit, depth_limit, heap_limit_kib;
};

/* trig3[]'s bit of the word w[0, len): its first three bytes (fewer when
 * shorter) and its length. */
static unsigned trig_key(const unsigned char *w, size_t len)
{
    uint32_t x = (uint32_t)w[0] | (len > 1 ? (uint32_t)w[1] << 8 : 0) | (len > 2 ? (uint32_t)w[2] << 16 : 0);
    return (unsigned)(((x ^ (uint32_t)len << 24) * 0x9E3779B1u) >> 16);
}

static const wform *form_lookup(const cyb__dates *d, const unsigned char *s, size_t n)
{
    if (!d->hash || n == 0 || n > d->maxword)
        return NULL;
    size_t i = (size_t)cyb__hash(s, n) & d->hmask;
    for (;;) {
        int32_t k = d->hash[i];
        if (k < 0)
            return NULL;
        const wform *f = &d->forms[k];
        if (f->len == n && cyb__bytes_eq(d->pool + f->off, s, n))
            return f;
        i = (i + 1) & d->hmask;
    }
}

/* Value of word s[0,n) as a word of the given kind; 0 if not such a word. */
static int word_value(const cyb__dates *d, const unsigned char *s, size_t n, int kind,
                      int *amb)
{
    const wform *f = form_lookup(d, s, n);
    if (!f)
        return 0;
    for (int32_t e = f->first; e >= 0; e = d->ent[e].next) {
        const wclass *c = &d->cls[d->ent[e].cls];
        if (c->kind == kind) {
            if (amb)
                *amb = c->amb;
            return d->ent[e].value;
        }
    }
    return 0;
}

void cyb__dates_free(cyb__dates *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nrules; i++)
        pcre2_code_free(d->rules[i].code);
    free(d->cand);
    for (size_t i = 0; i < d->ngroups; i++) {
        if (d->groups[i].pre_owner)
            pcre2_code_free(d->groups[i].pre);
        free(d->groups[i].rules);
    }
    free(d->groups);
    free(d->rules);
    free(d->hash);
    free(d->forms);
    free(d->ent);
    free(d->pool);
    free(d);
}

/* ------------------------------------------------------------------ */
/* 3. the rule file parser                                             */
/* ------------------------------------------------------------------ */

/* Patterns are anchored at the candidate, free-spaced (white space and #
 * comments ignored), and only named groups capture. */
#define RULE_OPTIONS (PCRE2_ANCHORED | PCRE2_EXTENDED | PCRE2_DUPNAMES | PCRE2_NO_AUTO_CAPTURE | \
                      PCRE2_NO_START_OPTIMIZE | \
                      PCRE2_NEVER_BACKSLASH_C)

typedef struct {
    char name[48];
    size_t body_off, body_len; /* into the file data */
    int line;
} defn;

typedef struct {
    size_t off, len; /* header line (after "rule") */
    int line;
    size_t first_pat, npat; /* pattern lines, in the pattern-line table */
} rulesrc;

typedef struct {
    size_t off, len;
    int line;
} patline;

typedef struct {
    cyb__dates *d;
    const char *data;
    size_t len;
    const char *file;
    char *err;
    size_t errcap;
    int failed;
    defn *defs;
    size_t ndefs, defs_cap;
    rulesrc *rs;
    size_t nrs, rs_cap;
    patline *pl;
    size_t npl, pl_cap;
    char **exp; /* expanded pattern of each compiled rule */
} parser;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void perr(parser *P, int line, const char *fmt, ...);
static void perr(parser *P, int line, const char *fmt, ...)
{
    if (P->failed)
        return;
    P->failed = 1;
    if (!P->err || P->errcap == 0)
        return;
    int k = snprintf(P->err, P->errcap, "%s:%d: ", P->file, line);
    if (k < 0 || (size_t)k >= P->errcap)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(P->err + k, P->errcap - (size_t)k, fmt, ap);
    va_end(ap);
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 1;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*p, nc * elem);
    if (!np)
        return 0;
    *p = np;
    *cap = nc;
    return 1;
}

static int is_space(char c) { return c == ' ' || c == '\t'; }

/* Next whitespace-separated token of s[*i, n). */
static int next_tok(const char *s, size_t n, size_t *i, const char **tok, size_t *tlen)
{
    while (*i < n && is_space(s[*i]))
        (*i)++;
    if (*i >= n)
        return 0;
    size_t b = *i;
    while (*i < n && !is_space(s[*i]))
        (*i)++;
    *tok = s + b;
    *tlen = *i - b;
    return 1;
}

static int tok_eq(const char *t, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(t, lit, n) == 0;
}

static int find_class(const cyb__dates *d, const char *name, size_t n)
{
    for (int i = 0; i < d->ncls; i++)
        if (strlen(d->cls[i].name) == n && memcmp(d->cls[i].name, name, n) == 0)
            return i;
    return -1;
}

static int find_kind(const char *name, size_t n)
{
    for (int k = 0; k < K_COUNT; k++)
        if (tok_eq(name, n, kind_names[k]))
            return k;
    return -1;
}

/* Class spec "month|list/ctx|num12" -> trigger mask. allow_num: accept the
 * digit pseudo classes. Returns 0 and reports on error. */
static int class_spec(parser *P, int line, const char *s, size_t n, int allow_num,
                      uint64_t *mask)
{
    *mask = 0;
    size_t i = 0;
    while (i <= n) {
        size_t b = i;
        while (i < n && s[i] != '|' && s[i] != ',')
            i++;
        const char *t = s + b;
        size_t tl = i - b;
        i++;
        if (tl == 0) {
            perr(P, line, "empty class name in '%.*s'", (int)n, s);
            return 0;
        }
        if (allow_num && tok_eq(t, tl, "num12")) {
            *mask |= TR_NUM12;
            continue;
        }
        if (allow_num && tok_eq(t, tl, "num4")) {
            *mask |= TR_NUM4;
            continue;
        }
        if (allow_num && tok_eq(t, tl, "num")) {
            *mask |= TR_NUM12 | TR_NUM4 | TR_NUMX;
            continue;
        }
        int c = find_class(P->d, t, tl);
        if (c >= 0) {
            *mask |= UINT64_C(1) << (CLS_FIRST + c);
            continue;
        }
        int k = find_kind(t, tl);
        if (k >= 0) {
            uint64_t m = 0;
            for (int j = 0; j < P->d->ncls; j++)
                if (P->d->cls[j].kind == k)
                    m |= UINT64_C(1) << (CLS_FIRST + j);
            if (m) {
                *mask |= m;
                continue;
            }
        }
        perr(P, line, "unknown word class '%.*s'", (int)tl, t);
        return 0;
    }
    return 1;
}

/* word KIND[/TAG] VALUE form form ... */
static void parse_word(parser *P, const char *s, size_t n, int line)
{
    cyb__dates *d = P->d;
    size_t i = 0;
    const char *t;
    size_t tl;
    if (!next_tok(s, n, &i, &t, &tl)) {
        perr(P, line, "word: missing class");
        return;
    }
    size_t slash = 0;
    while (slash < tl && t[slash] != '/')
        slash++;
    int kind = find_kind(t, slash);
    if (kind < 0) {
        perr(P, line, "word: unknown kind '%.*s' (month, weekday, season, ordinal, rel, qual, list)",
             (int)slash, t);
        return;
    }
    if (tl >= sizeof d->cls[0].name) {
        perr(P, line, "word: class name too long");
        return;
    }
    int c = find_class(d, t, tl);
    if (c < 0) {
        if (d->ncls >= MAX_CLASSES) {
            perr(P, line, "word: too many classes (at most %d)", MAX_CLASSES);
            return;
        }
        c = d->ncls++;
        memcpy(d->cls[c].name, t, tl);
        d->cls[c].name[tl] = '\0';
        d->cls[c].kind = kind;
        d->cls[c].amb = (tl - slash == 4 && memcmp(t + slash, "/amb", 4) == 0);
    }
    if (!next_tok(s, n, &i, &t, &tl)) {
        perr(P, line, "word: missing value");
        return;
    }
    int value = 0;
    char vb[8];
    if (tl >= sizeof vb) {
        perr(P, line, "word: bad value '%.*s'", (int)tl, t);
        return;
    }
    memcpy(vb, t, tl);
    vb[tl] = '\0';
    switch (kind) {
    case K_SEASON:
        if (!strcmp(vb, "SP"))
            value = 1;
        else if (!strcmp(vb, "SU"))
            value = 2;
        else if (!strcmp(vb, "FA"))
            value = 3;
        else if (!strcmp(vb, "WI"))
            value = 4;
        break;
    case K_QUAL:
    case K_LIST:
        value = !strcmp(vb, "-") ? 1 : 0;
        break;
    default: {
        char *end;
        long v = strtol(vb, &end, 10);
        if (kind == K_REL && !strcmp(vb, "x"))
            value = REL_TEXT + 2; /* suivant, precedent: relative to a date of the text */
        else if (*end || end == vb)
            value = 0;
        else if (kind == K_REL)
            value = (v >= -1 && v <= 1) ? (int)v + 2 : 0; /* stored +2 so 0 means "none" */
        else if (kind == K_MONTH)
            value = (v >= 1 && v <= 12) ? (int)v : 0;
        else if (kind == K_WEEKDAY)
            value = (v >= 1 && v <= 7) ? (int)v : 0;
        else
            value = (v >= 1 && v <= 99) ? (int)v : 0;
    }
    }
    if (!value) {
        perr(P, line, "word: bad value '%s' for kind %s", vb, kind_names[kind]);
        return;
    }
    int nforms = 0;
    while (next_tok(s, n, &i, &t, &tl)) {
        if (tl > MAX_WORD) {
            perr(P, line, "word: form too long (at most %d bytes)", MAX_WORD);
            return;
        }
        for (size_t k = 0; k < tl; k++)
            if (byte_class((unsigned char)t[k]) != BC_LETTER) {
                perr(P, line, "word: form '%.*s' must be letters only", (int)tl, t);
                return;
            }
        if (!grow((void **)&d->pool, &d->pool_cap, d->pool_n + tl + 1, 1) ||
            !grow((void **)&d->ent, &d->ent_cap, d->nent + 1, sizeof *d->ent)) {
            perr(P, line, "out of memory");
            return;
        }
        wentry *e = &d->ent[d->nent++];
        e->off = (uint32_t)d->pool_n;
        e->len = (uint16_t)tl;
        e->cls = (uint8_t)c;
        e->value = (int16_t)value;
        e->next = -1;
        e->line = line;
        memcpy(d->pool + d->pool_n, t, tl);
        d->pool_n += tl;
        d->pool[d->pool_n++] = '\0';
        nforms++;
    }
    if (!nforms)
        perr(P, line, "word: no forms");
}

static int build_forms(parser *P)
{
    cyb__dates *d = P->d;
    size_t hcap = 64;
    while (hcap < d->nent * 2 + 1)
        hcap *= 2;
    d->hash = malloc(hcap * sizeof *d->hash);
    d->forms = malloc((d->nent ? d->nent : 1) * sizeof *d->forms);
    if (!d->hash || !d->forms) {
        perr(P, 0, "out of memory");
        return 0;
    }
    for (size_t i = 0; i < hcap; i++)
        d->hash[i] = -1;
    d->hmask = hcap - 1;
    for (size_t e = 0; e < d->nent; e++) {
        wentry *en = &d->ent[e];
        const unsigned char *w = (const unsigned char *)d->pool + en->off;
        size_t i = (size_t)cyb__hash(w, en->len) & d->hmask;
        wform *f = NULL;
        for (;;) {
            int32_t k = d->hash[i];
            if (k < 0)
                break;
            if (d->forms[k].len == en->len &&
                memcmp(d->pool + d->forms[k].off, w, en->len) == 0) {
                f = &d->forms[k];
                break;
            }
            i = (i + 1) & d->hmask;
        }
        if (!f) {
            d->hash[i] = (int32_t)d->nforms;
            f = &d->forms[d->nforms++];
            f->off = en->off;
            f->len = en->len;
            f->mask = 0;
            f->first = -1;
            f->group = -1;
            if (en->len > d->maxword)
                d->maxword = en->len;
        }
        /* one value per word and kind */
        for (int32_t o = f->first; o >= 0; o = d->ent[o].next)
            if (d->cls[d->ent[o].cls].kind == d->cls[en->cls].kind &&
                d->ent[o].value != en->value) {
                perr(P, en->line, "word '%s' has two %s values (also on line %d)",
                     d->pool + en->off, kind_names[d->cls[en->cls].kind], d->ent[o].line);
                return 0;
            }
        en->next = f->first;
        f->first = (int32_t)e;
        f->mask |= UINT64_C(1) << (CLS_FIRST + en->cls);
    }
    return 1;
}

static const defn *find_def(const parser *P, const char *name, size_t n)
{
    for (size_t i = 0; i < P->ndefs; i++)
        if (strlen(P->defs[i].name) == n && memcmp(P->defs[i].name, name, n) == 0)
            return &P->defs[i];
    return NULL;
}

typedef struct {
    const unsigned char *s;
    size_t len;
} wref;

static int cmp_bytes(const void *a, const void *b)
{
    const wref *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c)
        return c;
    return x->len < y->len ? -1 : (x->len > y->len);
}

static void emit_byte(dbuf *out, unsigned char c)
{
    char tmp[8];
    if (c >= 0x80 || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
        snprintf(tmp, sizeof tmp, "\\x%02x", c);
    else {
        tmp[0] = (char)c;
        tmp[1] = '\0';
    }
    dbuf_str(out, tmp);
}

/* Emits words w[0,n) (sorted, all longer than depth, sharing their first
 * depth bytes) as a factored alternation: jan(?:uary|v)?|ju(?:in|l...)...
 * pcre2 tries the branches of an alternation one by one; factoring keeps
 * a failing attempt to a few byte tests. */
static void emit_trie(dbuf *out, const wref *w, size_t n, size_t depth)
{
    size_t groups = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || w[i].s[depth] != w[i - 1].s[depth])
            groups++;
    if (groups > 1)
        dbuf_str(out, "(?:");
    for (size_t i = 0; i < n;) {
        unsigned char c = w[i].s[depth];
        size_t j = i;
        while (j < n && w[j].s[depth] == c)
            j++;
        if (i)
            dbuf_str(out, "|");
        emit_byte(out, c);
        size_t k = i;
        while (k < j && w[k].len == depth + 1)
            k++; /* the word that ends here sorts first */
        if (k < j) {
            if (k > i)
                dbuf_str(out, "(?:");
            emit_trie(out, w + k, j - k, depth + 1);
            if (k > i)
                dbuf_str(out, ")?");
        }
        i = j;
    }
    if (groups > 1)
        dbuf_str(out, ")");
}

#define WORD_END "(?![a-z0-9\\x80-\\xff])"

/* Appends s[0,n) to out with macros expanded; lines records, per output
 * byte, the rule file line it came from. */
static void expand(parser *P, const char *s, size_t n, int line, dbuf *out, ivec *lines, int depth)
{
    if (depth > 16) {
        perr(P, line, "macros nested too deeply (loop?)");
        return;
    }
    size_t i = 0;
    while (i < n && !P->failed) {
        size_t b = i;
        /* copy up to the next macro reference */
        while (i < n) {
            if (s[i] == '\\' && i + 1 < n) {
                i += 2;
                continue;
            }
            if (s[i] == '{' && i + 1 < n &&
                ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z') ||
                 s[i + 1] == '_'))
                break;
            i++;
        }
        if (i > n)
            i = n;
        dbuf_add(out, s + b, i - b);
        ivec_fill(lines, line, i - b);
        if (i >= n)
            break;
        size_t nb = i + 1, ne = nb;
        while (ne < n && s[ne] != '}')
            ne++;
        if (ne >= n) {
            perr(P, line, "unterminated macro reference '%.*s'", (int)(n - i), s + i);
            return;
        }
        const char *name = s + nb;
        size_t nl = ne - nb;
        i = ne + 1;
        const defn *df = find_def(P, name, nl);
        if (df) {
            dbuf_str(out, "(?:");
            ivec_fill(lines, line, 3);
            expand(P, P->data + df->body_off, df->body_len, df->line, out, lines, depth + 1);
            dbuf_str(out, ")");
            ivec_fill(lines, line, 1);
            continue;
        }
        uint64_t mask;
        if (!class_spec(P, line, name, nl, 0, &mask)) {
            P->failed = 0; /* rewrite the message */
            perr(P, line, "unknown macro or word class '{%.*s}'", (int)nl, name);
            return;
        }
        /* (?:longest|...|shortest)(?![a-z0-9\x80-\xff]) */
        wref *list = malloc((P->d->nforms ? P->d->nforms : 1) * sizeof *list);
        if (!list) {
            perr(P, line, "out of memory");
            return;
        }
        size_t cnt = 0;
        for (size_t k = 0; k < P->d->nforms; k++)
            if (P->d->forms[k].mask & mask) {
                list[cnt].s = (const unsigned char *)P->d->pool + P->d->forms[k].off;
                list[cnt++].len = P->d->forms[k].len;
            }
        qsort(list, cnt, sizeof *list, cmp_bytes);
        size_t start_n = out->n;
        dbuf_str(out, "(?:");
        if (cnt)
            emit_trie(out, list, cnt, 0);
        else
            dbuf_str(out, "(*FAIL)");
        dbuf_str(out, ")" WORD_END);
        free(list);
        ivec_fill(lines, line, out->n - start_n);
    }
}

static int parse_u32(const char *s, size_t n, uint32_t *v)
{
    if (n == 0 || n > 9)
        return 0;
    uint32_t r = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        r = r * 10 + (uint32_t)(s[i] - '0');
    }
    *v = r;
    return 1;
}

static void parse_option(parser *P, const char *s, size_t n, int line)
{
    size_t i = 0;
    const char *t;
    size_t tl;
    while (next_tok(s, n, &i, &t, &tl)) {
        size_t eq = 0;
        while (eq < tl && t[eq] != '=')
            eq++;
        if (eq >= tl) {
            perr(P, line, "option: expected key=value, got '%.*s'", (int)tl, t);
            return;
        }
        const char *v = t + eq + 1;
        size_t vl = tl - eq - 1;
        uint32_t num = 0;
        if (tok_eq(t, eq, "jit") || tok_eq(t, eq, "num12_gate") || tok_eq(t, eq, "num4_gate") ||
            tok_eq(t, eq, "word_gate") || tok_eq(t, eq, "rule_gate")) {
            int *flag = tok_eq(t, eq, "jit")          ? &P->d->use_jit
                        : tok_eq(t, eq, "num12_gate") ? &P->d->num12_gate
                        : tok_eq(t, eq, "num4_gate")  ? &P->d->num4_gate
                        : tok_eq(t, eq, "word_gate")  ? &P->d->word_gate
                                                      : &P->d->rule_gate;
            if (tok_eq(v, vl, "yes") || tok_eq(v, vl, "no"))
                *flag = tok_eq(v, vl, "yes");
            else {
                perr(P, line, "option %.*s: yes or no", (int)eq, t);
                return;
            }
        } else if (tok_eq(t, eq, "match_limit") && parse_u32(v, vl, &num) && num > 0)
            P->d->match_limit = num;
        else if (tok_eq(t, eq, "depth_limit") && parse_u32(v, vl, &num) && num > 0)
            P->d->depth_limit = num;
        else if (tok_eq(t, eq, "heap_limit") && parse_u32(v, vl, &num) && num > 0)
            P->d->heap_limit_kib = num;
        else {
            perr(P, line, "option: unknown or bad '%.*s'", (int)tl, t);
            return;
        }
    }
}

/* The shipped rules rule_may_match() knows (option rule_gate=yes). */
static void set_rule_gates(cyb__dates *d)
{
    static const struct {
        const char *name;
        int gate;
    } gates[] = {{"decade", G_DECADE},          {"year_atleast", G_ATLEAST},
                 {"year_over", G_OVER},         {"year_det", G_YEAR_DET},
                 {"range_yy_det", G_YEAR_DET},  {"year", G_YEAR},
                 {"iso", G_ISO},                {"my", G_MY},
                 {"month_ryear", G_RYEAR},      {"range_mm", G_RANGE_MM},
                 {"range_mdd", G_RANGE_MDD},    {"range_full_et", G_OPEN_ET},
                 {"range_full_au", G_OPEN_AU},  {"range_yy_from", G_OPEN_AU},
                 {"range_y_my", G_OPEN_ANY},    {"month_mod", G_MONTH_MOD},
                 {"qmark", G_QMARK},            {"year_old", G_YEAR_OLD},
                 {"range_my_to", G_MY}};
    for (size_t k = 0; k < d->nrules; k++)
        for (size_t g = 0; g < sizeof gates / sizeof gates[0]; g++)
            if (strcmp(d->rules[k].name, gates[g].name) == 0)
                d->rules[k].gate = gates[g].gate;
}

/* rule NAME key=value ... */
static void compile_rule(parser *P, const rulesrc *rs)
{
    cyb__dates *d = P->d;
    const char *s = P->data + rs->off;
    size_t n = rs->len, i = 0;
    const char *t;
    size_t tl;
    if (!grow((void **)&d->rules, &d->rules_cap, d->nrules + 1, sizeof *d->rules)) {
        perr(P, rs->line, "out of memory");
        return;
    }
    drule *r = &d->rules[d->nrules];
    memset(r, 0, sizeof *r);
    r->line = rs->line;
    if (!next_tok(s, n, &i, &t, &tl)) {
        perr(P, rs->line, "rule: missing name");
        return;
    }
    if (tl >= sizeof r->name) {
        perr(P, rs->line, "rule: name too long");
        return;
    }
    memcpy(r->name, t, tl);
    while (next_tok(s, n, &i, &t, &tl)) {
        size_t eq = 0;
        while (eq < tl && t[eq] != '=')
            eq++;
        const char *v = t + eq + 1;
        size_t vl = eq < tl ? tl - eq - 1 : 0;
        if (eq >= tl) {
            int *flag = tok_eq(t, tl, "strict")      ? &r->strict
                        : tok_eq(t, tl, "soft")      ? &r->soft
                        : tok_eq(t, tl, "base")      ? &r->base
                        : tok_eq(t, tl, "lowernext") ? &r->lowernext
                        : tok_eq(t, tl, "lowerstart") ? &r->lowerstart
                                                     : NULL;
            if (flag) {
                *flag = 1;
                continue;
            }
            perr(P, rs->line, "rule '%s': unknown flag '%.*s'", r->name, (int)tl, t);
            return;
        }
        if (tok_eq(t, eq, "lang")) {
            if (tok_eq(v, vl, "fr"))
                r->lang = CYB_DATE_LANG_FR;
            else if (tok_eq(v, vl, "en"))
                r->lang = CYB_DATE_LANG_EN;
            else if (tok_eq(v, vl, "any"))
                r->lang = CYB_DATE_LANG_UND;
            else {
                perr(P, rs->line, "rule '%s': lang must be fr, en or any", r->name);
                return;
            }
            continue;
        }
        uint64_t *dst = NULL;
        int allow_num = 0;
        if (tok_eq(t, eq, "on")) {
            dst = &r->on;
            allow_num = 1;
        } else if (tok_eq(t, eq, "prev"))
            dst = &r->prev;
        else if (tok_eq(t, eq, "notprev"))
            dst = &r->notprev;
        else if (tok_eq(t, eq, "notnext"))
            dst = &r->notnext;
        else if (tok_eq(t, eq, "notcapprev"))
            dst = &r->notcapprev;
        if (!dst) {
            perr(P, rs->line, "rule '%s': unknown option '%.*s'", r->name, (int)eq, t);
            return;
        }
        if (!class_spec(P, rs->line, v, vl, allow_num, dst))
            return;
    }
    if (!r->on) {
        perr(P, rs->line, "rule '%s': missing on=... (the words or digits it starts at)", r->name);
        return;
    }
    if (rs->npat == 0) {
        perr(P, rs->line, "rule '%s': no pattern lines (indent them under the rule line)",
             r->name);
        return;
    }
    dbuf pat = {0};
    ivec lines = {0};
    for (size_t k = 0; k < rs->npat && !P->failed; k++) {
        const patline *pl = &P->pl[rs->first_pat + k];
        if (k) {
            dbuf_add(&pat, "\n", 1);
            ivec_fill(&lines, pl->line, 1);
        }
        expand(P, P->data + pl->off, pl->len, pl->line, &pat, &lines, 0);
    }
    if (!P->failed && (pat.oom || lines.oom))
        perr(P, rs->line, "out of memory");
    if (P->failed) {
        free(pat.p);
        free(lines.p);
        return;
    }
    int ec;
    PCRE2_SIZE eo;
    r->code = pcre2_compile((PCRE2_SPTR)pat.p, pat.n, RULE_OPTIONS, &ec, &eo, NULL);
    if (!r->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        int ln = lines.n ? lines.p[eo < lines.n ? eo : lines.n - 1] : rs->line;
        perr(P, ln, "rule '%s': pcre2 error at offset %zu of the expanded pattern: %s", r->name,
             (size_t)eo, (const char *)msg);
        free(pat.p);
        free(lines.p);
        return;
    }
    P->exp[d->nrules] = pat.p;
    free(lines.p);
    d->nrules++; /* from here on cyb__dates_free releases r->code */
    if (d->use_jit) {
        if (pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE) != 0)
            d->jit_ok = 0; /* JIT unavailable: pcre2_match interprets, same results */
    }
    uint32_t capc = 0, namec = 0, esz = 0;
    PCRE2_SPTR tab = NULL;
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &capc);
    pcre2_pattern_info(r->code, PCRE2_INFO_NAMECOUNT, &namec);
    pcre2_pattern_info(r->code, PCRE2_INFO_NAMEENTRYSIZE, &esz);
    pcre2_pattern_info(r->code, PCRE2_INFO_NAMETABLE, &tab);
    if (capc > d->maxcap)
        d->maxcap = capc;
    for (uint32_t k = 0; k < namec; k++) {
        const unsigned char *e = tab + (size_t)k * esz;
        unsigned grp = ((unsigned)e[0] << 8) | e[1];
        const char *nm = (const char *)e + 2;
        if (nm[0] == '_')
            continue;
        int sl = -1;
        for (int j = 0; j < S_COUNT; j++)
            if (!strcmp(nm, slot_names[j]))
                sl = j;
        if (sl < 0) {
            perr(P, rs->line,
                 "rule '%s': unknown group name '%s' (known: d m y d2 m2 y2 a b wd wd2 season "
                 "season2 q h rel ryear qual dec; free names start with '_')",
                 r->name, nm);
            return;
        }
        if (r->ng[sl] >= MAX_DUP) {
            perr(P, rs->line, "rule '%s': group '%s' used more than %d times", r->name, nm,
                 MAX_DUP);
            return;
        }
        r->groups[sl][r->ng[sl]++] = (uint16_t)grp;
    }
    d->trig_any |= r->on;
}

/* The group of trigger mask `mask`, added when new; -1 when out of memory. */
static int group_of(parser *P, uint64_t mask)
{
    cyb__dates *d = P->d;
    for (size_t g = 0; g < d->ngroups; g++)
        if (d->groups[g].mask == mask)
            return (int)g;
    tgroup *ng = realloc(d->groups, (d->ngroups + 1) * sizeof *ng);
    if (!ng)
        return -1;
    d->groups = ng;
    memset(&d->groups[d->ngroups], 0, sizeof *d->groups);
    d->groups[d->ngroups].mask = mask;
    return (int)d->ngroups++;
}

/* Do groups a and b start the same non-base rules? */
static int same_nonbase_rules(const cyb__dates *d, const tgroup *a, const tgroup *b)
{
    for (size_t i = 0; i < d->nrules; i++) {
        const drule *r = &d->rules[i];
        if (!r->base && !(r->on & a->mask) != !(r->on & b->mask))
            return 0;
    }
    return 1;
}

/* One group's prefilter: the alternation of its non-base rules' expanded
 * patterns, named groups made non-capturing; shared with an earlier group
 * that starts the same rules (the months of each language, say). */
static void build_prefilter(parser *P, tgroup *g)
{
    cyb__dates *d = P->d;
    for (tgroup *e = d->groups; e < g; e++)
        if (e->pre_owner && same_nonbase_rules(d, e, g)) {
            g->pre = e->pre;
            return;
        }
    dbuf b = {0};
    size_t cnt = 0;
    /* marks only when no rule has verbs of its own ((*FAIL) is an empty class) */
    int marks = 1;
    for (size_t i = 0; i < d->nrules; i++)
        for (const char *v = strstr(P->exp[i], "(*"); v && marks; v = strstr(v + 2, "(*"))
            if ((d->rules[i].on & g->mask) && strncmp(v, "(*FAIL)", 7) != 0)
                marks = 0;
    for (size_t i = 0; i < d->nrules; i++) {
        if (!(d->rules[i].on & g->mask) || d->rules[i].base)
            continue;
        dbuf_str(&b, cnt++ ? "\n|(?:" : "(?:");
        /* the branch says which rule it is: the rules before it failed */
        char mark[32];
        snprintf(mark, sizeof mark, "(*MARK:%zu)", i);
        if (marks)
            dbuf_str(&b, mark);
        /* (?<name> -> (?: so that the prefilter captures nothing (a
         * failing JIT match costs in proportion to the captures);
         * groups named _x stay, back-references may use them */
        const char *e = P->exp[i];
        for (size_t j = 0; e[j];) {
            if (e[j] == '(' && e[j + 1] == '?' && e[j + 2] == '<' && e[j + 3] != '=' &&
                e[j + 3] != '!' && e[j + 3] != '_' && (j == 0 || e[j - 1] != '\\')) {
                size_t q = j + 3;
                while (e[q] && e[q] != '>')
                    q++;
                if (e[q] == '>') {
                    dbuf_str(&b, "(?:");
                    j = q + 1;
                    continue;
                }
            }
            dbuf_add(&b, e + j, 1);
            j++;
        }
        dbuf_str(&b, "\n)");
    }
    if (b.oom) {
        perr(P, 0, "out of memory");
        free(b.p);
        return;
    }
    if (cnt > 1) {
        int ec;
        PCRE2_SIZE eo;
        /* every part compiled alone, so this can only fail on resources;
         * then the group has no prefilter and every rule is tried */
        g->pre = pcre2_compile((PCRE2_SPTR)b.p, b.n, RULE_OPTIONS, &ec, &eo, NULL);
        if (g->pre) {
            g->pre_owner = 1;
            uint32_t capc = 0;
            pcre2_pattern_info(g->pre, PCRE2_INFO_CAPTURECOUNT, &capc);
            if (capc > d->maxcap)
                d->maxcap = capc;
            if (d->use_jit && pcre2_jit_compile(g->pre, PCRE2_JIT_COMPLETE) != 0)
                d->jit_ok = 0;
        }
    }
    free(b.p);
}

/* Builds the trigger groups and their prefilters from the expanded rule
 * patterns. Groups 0, 1 and 2 are the digit runs (TR_NUM12, TR_NUM4,
 * TR_NUMX), in that order. */
static void build_prefilters(parser *P)
{
    cyb__dates *d = P->d;
    static const uint64_t digits[3] = {TR_NUM12, TR_NUM4, TR_NUMX};
    for (int k = 0; k < 3; k++)
        if (group_of(P, digits[k]) != k) {
            perr(P, 0, "out of memory");
            return;
        }
    for (size_t k = 0; k < d->nforms; k++) {
        wform *f = &d->forms[k];
        uint64_t m = f->mask & d->trig_any;
        f->group = m ? group_of(P, m) : -1;
        if (m && f->group < 0) {
            perr(P, 0, "out of memory");
            return;
        }
    }
    for (size_t g = 0; g < d->ngroups && !P->failed; g++) {
        tgroup *gr = &d->groups[g];
        if (!(gr->rules = malloc((2 * d->nrules + 1) * sizeof *gr->rules))) {
            perr(P, 0, "out of memory");
            return;
        }
        for (size_t i = 0; i < d->nrules; i++)
            if (d->rules[i].on & gr->mask)
                gr->rules[gr->nrules++] = (uint32_t)i;
        for (size_t i = 0; i < gr->nrules; i++)
            if (d->rules[gr->rules[i]].base)
                gr->rules[gr->nrules + gr->nbase++] = gr->rules[i];
        /* the kind of its trigger words, when they all have one (a word of
         * two kinds gets a group of its own) */
        gr->word_kind = -1;
        for (int c = 0; c < d->ncls; c++) {
            if (!((gr->mask >> (CLS_FIRST + c)) & 1))
                continue;
            int kind = d->cls[c].kind;
            gr->word_kind = gr->word_kind == -1 || gr->word_kind == kind ? kind : -2;
        }
        if (g < 3 || (gr->word_kind != K_WEEKDAY && gr->word_kind != K_ORDINAL && gr->word_kind != K_REL))
            gr->word_kind = -1;
        build_prefilter(P, gr);
    }
}

static void parse_file(parser *P)
{
    const char *s = P->data;
    size_t n = P->len, i = 0;
    int line = 0;
    int in_rule = 0;
    while (i < n && !P->failed) {
        size_t b = i;
        while (i < n && s[i] != '\n')
            i++;
        size_t e = i;
        if (i < n)
            i++;
        line++;
        if (e > b && s[e - 1] == '\r')
            e--;
        size_t k = b;
        while (k < e && is_space(s[k]))
            k++;
        if (k == e)
            continue; /* blank */
        if (k > b) {  /* indented: pattern line */
            if (!in_rule) {
                if (s[k] == '#')
                    continue;
                perr(P, line, "indented line outside a rule");
                return;
            }
            if (!grow((void **)&P->pl, &P->pl_cap, P->npl + 1, sizeof *P->pl)) {
                perr(P, line, "out of memory");
                return;
            }
            P->pl[P->npl].off = k;
            P->pl[P->npl].len = e - k;
            P->pl[P->npl].line = line;
            P->npl++;
            P->rs[P->nrs - 1].npat++;
            continue;
        }
        if (s[k] == '#')
            continue;
        in_rule = 0;
        size_t j = k;
        const char *kw = "";
        size_t kwl = 0;
        next_tok(s, e, &j, &kw, &kwl);
        if (tok_eq(kw, kwl, "word"))
            parse_word(P, s + j, e - j, line);
        else if (tok_eq(kw, kwl, "option"))
            parse_option(P, s + j, e - j, line);
        else if (tok_eq(kw, kwl, "define")) {
            const char *nm;
            size_t nl;
            if (!next_tok(s, e, &j, &nm, &nl)) {
                perr(P, line, "define: missing name");
                return;
            }
            if (nl >= sizeof P->defs[0].name) {
                perr(P, line, "define: name too long");
                return;
            }
            for (size_t q = 0; q < nl; q++) {
                char c = nm[q];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                      (q && c >= '0' && c <= '9'))) {
                    perr(P, line, "define: bad name '%.*s' (letters, digits, '_')", (int)nl, nm);
                    return;
                }
            }
            if (find_def(P, nm, nl)) {
                perr(P, line, "define: '%.*s' defined twice", (int)nl, nm);
                return;
            }
            while (j < e && is_space(s[j]))
                j++;
            /* a '#' after white space starts a comment */
            size_t be = j;
            while (be < e && !(s[be] == '#' && be > j && is_space(s[be - 1])))
                be++;
            while (be > j && is_space(s[be - 1]))
                be--;
            if (be == j) {
                perr(P, line, "define: empty body");
                return;
            }
            if (!grow((void **)&P->defs, &P->defs_cap, P->ndefs + 1, sizeof *P->defs)) {
                perr(P, line, "out of memory");
                return;
            }
            defn *df = &P->defs[P->ndefs++];
            memcpy(df->name, nm, nl);
            df->name[nl] = '\0';
            df->body_off = j;
            df->body_len = be - j;
            df->line = line;
        } else if (tok_eq(kw, kwl, "rule")) {
            if (!grow((void **)&P->rs, &P->rs_cap, P->nrs + 1, sizeof *P->rs)) {
                perr(P, line, "out of memory");
                return;
            }
            rulesrc *r = &P->rs[P->nrs++];
            r->off = j;
            r->len = e - j;
            r->line = line;
            r->first_pat = P->npl;
            r->npat = 0;
            in_rule = 1;
        } else {
            perr(P, line, "unknown directive '%.*s' (word, define, rule, option)", (int)kwl, kw);
            return;
        }
    }
}

cyb__dates *cyb__dates_new(const char *data, size_t len, const char *filename, char *errbuf,
                           size_t errcap)
{
    if (errbuf && errcap)
        errbuf[0] = '\0';
    parser P;
    memset(&P, 0, sizeof P);
    P.data = data ? data : "";
    P.len = data ? len : 0;
    P.file = filename ? filename : "dates.txt";
    P.err = errbuf;
    P.errcap = errcap;
    cyb__dates *d = calloc(1, sizeof *d);
    if (!d) {
        perr(&P, 0, "out of memory");
        return NULL;
    }
    P.d = d;
    d->use_jit = 1;
    d->jit_ok = 1;
    /* the gate is on only when the rules ask for it (the shipped dates.txt
     * does): a folder's own num12 rules may let other words follow the number */
    d->num12_gate = 0;
    d->num4_gate = 0;
    d->word_gate = 0;
    d->rule_gate = 0;
    d->match_limit = 100000;
    d->depth_limit = 1000;
    d->heap_limit_kib = 1024;
    parse_file(&P);
    if (!P.failed)
        build_forms(&P);
    P.exp = calloc(P.nrs ? P.nrs : 1, sizeof *P.exp);
    if (!P.exp)
        perr(&P, 0, "out of memory");
    for (size_t k = 0; k < P.nrs && !P.failed; k++)
        compile_rule(&P, &P.rs[k]);
    if (!P.failed)
        build_prefilters(&P);
    if (d->rule_gate)
        set_rule_gates(d);
    for (int c = 0; c < d->ncls; c++) {
        int kind = d->cls[c].kind;
        if (kind == K_MONTH)
            d->month_mask |= UINT64_C(1) << (CLS_FIRST + c);
        if (kind == K_MONTH || kind == K_WEEKDAY || kind == K_SEASON)
            d->calendar_mask |= UINT64_C(1) << (CLS_FIRST + c);
    }
    for (size_t k = 0; P.exp && k < d->nrules; k++)
        free(P.exp[k]);
    free(P.exp);
    if (!P.failed && d->nrules == 0)
        perr(&P, 1, "no rules");
    for (size_t k = 0; k < d->nforms && !P.failed; k++) {
        const wform *f = &d->forms[k];
        if (!(f->mask & d->trig_any))
            continue; /* context words: looked up only next to a match */
        const unsigned char *w = (const unsigned char *)d->pool + f->off;
        d->lenmask[w[0]] |= UINT64_C(1) << f->len;
        unsigned key = trig_key(w, f->len);
        d->trig3[key >> 3] |= (unsigned char)(1u << (key & 7));
        if (f->len > 1)
            d->pair[(w[0] << 5) | (w[1] >> 3)] |= (unsigned char)(1u << (w[1] & 7));
        else /* a one-letter word: any non-letter may follow */
            for (unsigned c2 = 0; c2 < 256; c2++)
                if (byte_class(c2) != BC_LETTER)
                    d->pair[(w[0] << 5) | (c2 >> 3)] |= (unsigned char)(1u << (c2 & 7));
    }
    for (unsigned c = '0'; c <= '9'; c++) /* a run of digits: pair[] lets every one through */
        memset(d->pair + (c << 5), 0xFF, 32);
    if (!P.failed && !(d->cand = calloc(256 * 256, 1)))
        perr(&P, 0, "out of memory");
    for (unsigned prev = 0; !P.failed && prev < 256; prev++)
        for (unsigned cur = 0; cur < 256; cur++) {
            unsigned char bp = byte_class(prev), bcur = byte_class(cur);
            if ((bcur == BC_DIGIT && bp != BC_DIGIT) ||
                (bcur == BC_LETTER && bp == BC_OTHER && d->lenmask[cur]))
                d->cand[prev << 8 | cur] = 1;
        }
    free(P.defs);
    free(P.rs);
    free(P.pl);
    if (P.failed) {
        cyb__dates_free(d);
        return NULL;
    }
    return d;
}

/* ------------------------------------------------------------------ */
/* 4. scratch                                                          */
/* ------------------------------------------------------------------ */

struct cyb__dates_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mc;
};

void cyb__dates_scratch_free(cyb__dates_scratch *s)
{
    if (!s)
        return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mc);
    free(s);
}

cyb__dates_scratch *cyb__dates_scratch_new(const cyb__dates *d)
{
    if (!d)
        return NULL;
    cyb__dates_scratch *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->md = pcre2_match_data_create(d->maxcap + 1, NULL);
    s->mc = pcre2_match_context_create(NULL);
    if (!s->md || !s->mc) {
        cyb__dates_scratch_free(s);
        return NULL;
    }
    pcre2_set_match_limit(s->mc, d->match_limit);
    pcre2_set_depth_limit(s->mc, d->depth_limit);
    pcre2_set_heap_limit(s->mc, d->heap_limit_kib);
    /* With JIT, the anchored rules on a 256-byte window run on pcre2's
     * default 32 KiB machine stack: no stack of our own to map and unmap on
     * every call (a deeper match fails as "no match", within the limits
     * above). The interpreter keeps its backtracking frames in the match
     * data: run each rule once so a later cyb__dates_find() need not
     * allocate them. */
    if (d->use_jit && d->jit_ok)
        return s;
    for (size_t i = 0; i < d->nrules; i++)
        pcre2_match(d->rules[i].code, (PCRE2_SPTR) "", 0, 0, 0, s->md, s->mc);
    for (size_t i = 0; i < d->ngroups; i++)
        if (d->groups[i].pre)
            pcre2_match(d->groups[i].pre, (PCRE2_SPTR) "", 0, 0, 0, s->md, s->mc);
    return s;
}

/* ------------------------------------------------------------------ */
/* 5. calendar arithmetic and values                                   */
/* ------------------------------------------------------------------ */

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
    static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2)
        return (y == 0 || is_leap(y)) ? 29 : 28; /* year unknown: 29 February is possible */
    return md[m - 1];
}

/* Day number of a proleptic Gregorian date, counted from 1 March of year 0. */
static long day_number(int y, int m, int d)
{
    if (m < 3) {
        y -= 1;
        m += 12;
    }
    /* months counted from March: (153 * (m - 3) + 2) / 5 days before month m */
    return 365L * y + y / 4 - y / 100 + y / 400 + (153L * (m - 3) + 2) / 5 + d - 1;
}

static void from_day_number(long n, int *y, int *m, int *d)
{
    int yy = (int)((10000L * n + 14780) / 3652425);
    long doy = n - (365L * yy + yy / 4 - yy / 100 + yy / 400);
    if (doy < 0) {
        yy -= 1;
        doy = n - (365L * yy + yy / 4 - yy / 100 + yy / 400);
    }
    int mi = (int)((100 * doy + 52) / 3060); /* 0 = March */
    *d = (int)(doy - (mi * 306L + 5) / 10 + 1);
    *m = (mi + 2) % 12 + 1;
    *y = yy + (mi + 2) / 12;
}

/* ISO weekday, 1 = Monday. Day number 0 (1 March of year 0) was a Wednesday. */
static int iso_weekday(long n) { return (int)(((n % 7) + 7 + 2) % 7) + 1; }

typedef struct {
    const cyb__dates *d;
    const drule *r;
    const unsigned char *sub; /* norm + from */
    const PCRE2_SIZE *ov;
} mview;

static int slot_span(const mview *v, int slot, size_t *b, size_t *e)
{
    for (int i = 0; i < v->r->ng[slot]; i++) {
        unsigned g = v->r->groups[slot][i];
        if (v->ov[2 * g] != PCRE2_UNSET) {
            *b = v->ov[2 * g];
            *e = v->ov[2 * g + 1];
            return 1;
        }
    }
    return 0;
}

/* Leading decimal digits of s[b,e); -1 if none (at most 4 read). */
static int lead_int(const unsigned char *s, size_t b, size_t e, int *ndig)
{
    int v = 0, k = 0;
    while (b < e && s[b] >= '0' && s[b] <= '9' && k < 5) {
        v = v * 10 + (s[b] - '0');
        b++;
        k++;
    }
    if (ndig)
        *ndig = k;
    return k ? v : -1;
}

static int two_digit_year(int v) { return v < 50 ? 2000 + v : 1900 + v; }

static int get_year(const mview *v, int slot)
{
    size_t b, e;
    if (!slot_span(v, slot, &b, &e))
        return 0;
    int nd, y = lead_int(v->sub, b, e, &nd);
    if (y < 0)
        return -1;
    if (nd == 2)
        return two_digit_year(y);
    if (nd == 4 && y >= 1000 && y <= 2999)
        return y;
    return -1;
}

/* Month (digits or a month word), day, weekday, season, ordinal, rel. */
static int get_word_or_int(const mview *v, int slot, int kind, int *amb)
{
    size_t b, e;
    if (!slot_span(v, slot, &b, &e))
        return 0;
    int x = lead_int(v->sub, b, e, NULL);
    if (x >= 0)
        return x ? x : -1;
    int val = word_value(v->d, v->sub + b, e - b, kind, amb);
    return val ? val : -1;
}

/* A day: digits (an ordinal suffix may follow) or an ordinal word
 * (premier, first). 0 absent, -1 bad. */
static int get_int(const mview *v, int slot)
{
    size_t b, e;
    if (!slot_span(v, slot, &b, &e))
        return 0;
    int x = lead_int(v->sub, b, e, NULL);
    if (x < 0 && e > b)
        x = word_value(v->d, v->sub + b, e - b, K_ORDINAL, NULL);
    return x > 0 ? x : -1;
}

/* The end year of a range written with two digits after a four-digit start
 * (2023-24, 1999-00): in the start's century, after the start, at most 10
 * years later. Returns the year, or -1 when that is impossible; 0 when the
 * end is not two digits after a four-digit start. */
static int short_end_year(const mview *v, int start)
{
    size_t b, e;
    int nd = 0;
    if (start < 1000 || !slot_span(v, S_Y2, &b, &e))
        return 0;
    int x = lead_int(v->sub, b, e, &nd);
    if (nd != 2 || x < 0)
        return 0;
    int y = start - start % 100 + x;
    if (y <= start)
        y += 100;
    return y - start <= 10 ? y : -1;
}

typedef struct {
    int y, m, d; /* 0: unknown */
} ymd;

static int valid_ymd(const ymd *a)
{
    if (a->y < 0 || a->m < 0 || a->d < 0)
        return 0;
    if (a->m > 12 || (a->d && !a->m))
        return 0;
    if (a->d && a->d > month_days(a->y, a->m))
        return 0;
    return 1;
}

/* Copies b[0..n) to out as snprintf would: cut to cap - 1 bytes, NUL-terminated. */
static void put_value(char *out, size_t cap, const char *b, size_t n)
{
    if (!cap)
        return;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, b, n);
    out[n] = '\0';
}

/* Writes YYYY[-MM[-DD]] ("XXXX" for an unknown year) by hand: snprintf
 * was a visible part of the scan's cost, and values are computed for every
 * candidate match, not only the winners. */
static void fmt_ymd(char *out, size_t cap, const ymd *a)
{
    char b[16];
    size_t n = 0;
    if (a->y > 0 && a->y <= 9999) {
        b[n++] = (char)('0' + a->y / 1000);
        b[n++] = (char)('0' + a->y / 100 % 10);
        b[n++] = (char)('0' + a->y / 10 % 10);
        b[n++] = (char)('0' + a->y % 10);
    } else {
        memcpy(b, "XXXX", 4);
        n = 4;
    }
    if (a->m > 0 && a->m < 100) {
        b[n++] = '-';
        b[n++] = (char)('0' + a->m / 10);
        b[n++] = (char)('0' + a->m % 10);
        if (a->d > 0 && a->d < 100) {
            b[n++] = '-';
            b[n++] = (char)('0' + a->d / 10);
            b[n++] = (char)('0' + a->d % 10);
        }
    }
    put_value(out, cap, b, n);
}

/* Writes the range a/z; 0 when out is too small. */
static int fmt_range(char *out, size_t cap, const ymd *a, const ymd *z)
{
    if (cap < 24)
        return 0;
    fmt_ymd(out, cap, a); /* at most 10 bytes each */
    size_t k = strlen(out);
    out[k] = '/';
    fmt_ymd(out + k + 1, cap - k - 1, z);
    return 1;
}

/* Picks the year of a month (and day) with no year, relative to ref:
 * rel -1 the last one strictly before, +1 the next strictly after, 0 the
 * ref's year, none (-9) the nearest (ties go to the past). */
static int resolve_year(const int *ref, int m, int d, int rel)
{
    if (rel == 0)
        return ref[0];
    long r = d ? day_number(ref[0], ref[1], ref[2]) : (long)ref[0] * 12 + ref[1];
    int best = ref[0];
    long bestdist = 0;
    int have = 0;
    for (int y = ref[0] - 1; y <= ref[0] + 1; y++) {
        if (d && d > month_days(y, m))
            continue;
        long x = d ? day_number(y, m, d) : (long)y * 12 + m;
        long dist;
        if (rel == -1) {
            if (x >= r)
                continue;
            dist = r - x;
        } else if (rel == 1) {
            if (x <= r)
                continue;
            dist = x - r;
        } else {
            dist = x > r ? x - r : r - x;
            dist = dist * 2 + (x > r); /* ties: the past wins */
        }
        if (!have || dist < bestdist) {
            best = y;
            bestdist = dist;
            have = 1;
        }
    }
    return best;
}

/* Day number of weekday wd relative to ref: rel +1 the next one strictly
 * after, 0 the one of ref's week, -1 the last one strictly before, none the
 * latest one with ref's day included. */
static long weekday_day(const int *ref, int wd, int rel)
{
    long n = day_number(ref[0], ref[1], ref[2]);
    int rd = iso_weekday(n);
    long delta;
    if (rel == 1) {
        delta = (wd - rd + 7) % 7;
        if (!delta)
            delta = 7;
    } else if (rel == 0) {
        delta = wd - rd; /* this monday: the one of the ref's week */
    } else {
        delta = -((rd - wd + 7) % 7); /* the latest one, today included */
        if (rel == -1 && !delta)
            delta = -7;
    }
    return n + delta;
}

static const char *const season_codes[5] = {"", "SP", "SU", "FA", "WI"};

/* Computes the value of a match; returns 0 when the match is not a valid date. */
static int compute_value(const mview *v, int lang, const int *ref, char *out, size_t cap)
{
    size_t b, e;

    /* decades: 1990s, annees 90 -> TIMEX3 "199" */
    if (slot_span(v, S_DEC, &b, &e)) {
        int nd, x = lead_int(v->sub, b, e, &nd);
        if (x < 0)
            return 0;
        if (nd == 2)
            x = two_digit_year(x);
        else if (nd != 4)
            return 0;
        if (x % 10)
            return 0;
        snprintf(out, cap, "%d", x / 10);
        return 1;
    }

    int y = get_year(v, S_Y);
    if (y < 0)
        return 0;
    int rel = -9;
    if (slot_span(v, S_REL, &b, &e)) {
        int x = word_value(v->d, v->sub + b, e - b, K_REL, NULL);
        if (!x)
            return 0;
        rel = x - 2;
        if (rel == REL_TEXT) {
            ref = NULL; /* 10 decembre suivant: XXXX-12-10 whatever ref says */
            rel = -9;
        }
    }

    /* quarters and halves */
    int q = get_word_or_int(v, S_Q, K_ORDINAL, NULL);
    int h = get_word_or_int(v, S_H, K_ORDINAL, NULL);
    if (q || h) {
        int k = q ? q : h;
        if (k < 1 || k > (q ? 4 : 2))
            return 0;
        if (!y && slot_span(v, S_RYEAR, &b, &e)) {
            int x = word_value(v->d, v->sub + b, e - b, K_REL, NULL);
            if (!x)
                return 0;
            if (ref && x - 2 != REL_TEXT)
                y = ref[0] + (x - 2);
        } else if (!y && ref)
            y = ref[0];
        char ys[8];
        if (y)
            snprintf(ys, sizeof ys, "%04d", y);
        else
            memcpy(ys, "XXXX", 5);
        snprintf(out, cap, "%s-%c%d", ys, q ? 'Q' : 'H', k);
        return 1;
    }

    /* the year of a month, a day or a season relative to ref (February of
     * last year, juin de l'annee derniere, summer of last year): ref's year
     * plus ryear; without ref it stays unknown and is not resolved as a
     * month alone would be */
    int ryear = 0;
    if (!y && slot_span(v, S_RYEAR, &b, &e)) {
        int x = word_value(v->d, v->sub + b, e - b, K_REL, NULL);
        if (!x || x - 2 == REL_TEXT)
            return 0;
        ryear = 1;
        if (ref)
            y = ref[0] + (x - 2);
    }

    /* seasons */
    int se = get_word_or_int(v, S_SEASON, K_SEASON, NULL);
    int se2 = get_word_or_int(v, S_SEASON2, K_SEASON, NULL);
    if (se2) { /* between summer 2022 and fall 2023: 2022-SU/2023-FA */
        int y2 = get_year(v, S_Y2);
        if (se < 1 || se > 4 || se2 < 1 || se2 > 4 || y2 <= 0)
            return 0;
        if (!y) /* between spring and summer 2024: the start takes the end's year */
            y = se > se2 ? y2 - 1 : y2; /* entre l'hiver et le printemps 2024 */
        if (y * 4 + se >= y2 * 4 + se2) /* a range goes forward */
            return 0;
        snprintf(out, cap, "%04d-%s/%04d-%s", y, season_codes[se], y2, season_codes[se2]);
        return 1;
    }
    if (se) {
        if (se < 1 || se > 4)
            return 0;
        if (!y && ref && !ryear) {
            static const int start_month[5] = {0, 3, 6, 9, 12};
            long rr = (long)ref[0] * 12 + ref[1];
            int best = ref[0];
            long bd = -1;
            for (int yy = ref[0] - 2; yy <= ref[0] + 1; yy++) {
                long s0 = (long)yy * 12 + start_month[se]; /* first month */
                long dist;
                if (rel == -1) {
                    if (s0 + 3 > rr) /* not over yet */
                        continue;
                    dist = rr - s0;
                } else if (rel == 1) {
                    if (s0 <= rr)
                        continue;
                    dist = s0 - rr;
                } else {
                    long mid = s0 + 1;
                    dist = mid > rr ? mid - rr : rr - mid;
                }
                if (bd < 0 || dist < bd) {
                    bd = dist;
                    best = yy;
                }
            }
            y = best;
        }
        char ys[8];
        if (y)
            snprintf(ys, sizeof ys, "%04d", y);
        else
            memcpy(ys, "XXXX", 5);
        snprintf(out, cap, "%s-%s", ys, season_codes[se]);
        return 1;
    }


    /* days, months, years: d/m by name, or a/b whose order the language decides */
    ymd a = {y, 0, 0}, z = {0, 0, 0};
    a.m = get_word_or_int(v, S_M, K_MONTH, NULL);
    a.d = get_int(v, S_D);
    if (slot_span(v, S_A, &b, &e)) {
        int x = lead_int(v->sub, b, e, NULL);
        if (!slot_span(v, S_B, &b, &e))
            return 0;
        int w = lead_int(v->sub, b, e, NULL);
        if (x < 1 || w < 1)
            return 0;
        int dd = x, mm = w; /* French and undetermined: day first */
        if (lang == CYB_DATE_LANG_EN) {
            dd = w;
            mm = x;
        }
        if (mm > 12 && dd <= 12) { /* the other reading is the only possible one */
            int t = mm;
            mm = dd;
            dd = t;
        }
        a.d = dd;
        a.m = mm;
    }
    if (a.m < 0 || a.d < 0)
        return 0;
    z.y = get_year(v, S_Y2);
    if (z.y > 0) {
        int sy = short_end_year(v, a.y);
        if (sy)
            z.y = sy; /* 2023-24 */
    }
    z.m = get_word_or_int(v, S_M2, K_MONTH, NULL);
    z.d = get_int(v, S_D2);
    if (z.y < 0 || z.m < 0 || z.d < 0)
        return 0;
    int wd = get_word_or_int(v, S_WD, K_WEEKDAY, NULL);
    if (wd < 0)
        return 0;

    if (z.y || z.m || z.d) { /* range */
        int inherited = 0;
        if (!a.m && a.d)
            a.m = z.m; /* 8 et 9 mai */
        if (!z.m && z.d)
            z.m = a.m; /* january 25-26 */
        if (!a.y && z.y) {
            a.y = z.y; /* between march and june 2022 */
            inherited = 1;
        }
        if (!z.y && a.y)
            z.y = a.y;
        /* both ends of like precision (8 et 9 mai, march to june 2022),
         * except two written years, one of them with its month
         * (entre 2021 et mai 2023: 2021/2023-05) */
        int years_only_differ = !inherited && a.y && z.y && !a.d && !z.d;
        if ((!a.m != !z.m && !years_only_differ) || !a.d != !z.d || (!a.m && !a.y))
            return 0;
        if (!a.y && ref && a.m) {
            a.y = resolve_year(ref, a.m, a.d, rel);
            z.y = a.y;
            inherited = 1;
        }
        if (!valid_ymd(&a) || !valid_ymd(&z))
            return 0;
        long ka = (long)a.y * 10000 + a.m * 100 + a.d, kz = (long)z.y * 10000 + z.m * 100 + z.d;
        if (ka >= kz && inherited && a.y && a.m > z.m) { /* du 28 decembre au 2 janvier 2024 */
            a.y -= 1;
            if (!valid_ymd(&a))
                return 0;
            ka = (long)a.y * 10000 + a.m * 100 + a.d;
        }
        if (ka == kz || (a.y && ka > kz))
            return 0;
        return fmt_range(out, cap, &a, &z);
    }

    int wd2 = get_word_or_int(v, S_WD2, K_WEEKDAY, NULL);
    if (wd2) { /* du lundi au mercredi, Tuesday to Wednesday */
        if (wd < 1 || wd > 7 || wd2 < 1 || wd2 > 7 || wd == wd2 || a.y || a.m || a.d)
            return 0;
        if (!ref) {
            snprintf(out, cap, "XXXX-WXX-%d/XXXX-WXX-%d", wd, wd2);
            return 1;
        }
        /* the start as a weekday alone; the end the first wd2 after it
         * (du vendredi au lundi crosses the weekend) */
        long n = weekday_day(ref, wd, rel);
        ymd x, w;
        from_day_number(n, &x.y, &x.m, &x.d);
        from_day_number(n + (wd2 - wd + 7) % 7, &w.y, &w.m, &w.d);
        return fmt_range(out, cap, &x, &w);
    }
    if (!a.y && !a.m && !a.d) { /* a weekday on its own */
        if (wd < 1 || wd > 7)
            return 0;
        if (!ref) { /* "XXXX-WXX-%d" by hand, like fmt_ymd: every bare weekday comes here */
            char wv[] = "XXXX-WXX-0";
            wv[sizeof wv - 2] = (char)('0' + wd);
            put_value(out, cap, wv, sizeof wv - 1);
            return 1;
        }
        ymd x;
        from_day_number(weekday_day(ref, wd, rel), &x.y, &x.m, &x.d);
        fmt_ymd(out, cap, &x);
        return 1;
    }
    if (!a.y && ref && a.m && !ryear)
        a.y = resolve_year(ref, a.m, a.d, rel);
    if (!valid_ymd(&a) || (!a.m && !a.y))
        return 0;
    fmt_ymd(out, cap, &a);
    return 1;
}

/* ------------------------------------------------------------------ */
/* 6. the scanner                                                      */
/* ------------------------------------------------------------------ */

/* One anchored match. When every pattern has JIT code, pcre2_jit_match()
 * skips pcre2_match()'s argument checks: a failing attempt is most of the
 * work here. */
static int match_at(const cyb__dates *d, const pcre2_code *c, const unsigned char *sub, size_t len,
                    size_t at, cyb__dates_scratch *s)
{
    if (d->use_jit && d->jit_ok)
        return pcre2_jit_match(c, sub, len, at, 0, s->md, s->mc);
    return pcre2_match(c, sub, len, at, 0, s->md, s->mc);
}

/* Word class mask of the word that ends just before pos (spaces skipped). */
static uint64_t prev_word_mask(const cyb__dates *d, const unsigned char *t, size_t from, size_t pos,
                               size_t *wb, size_t *wl)
{
    size_t q = pos;
    while (q > from && t[q - 1] == ' ')
        q--;
    size_t e = q;
    while (q > from && byte_class(t[q - 1]) == BC_LETTER)
        q--;
    *wb = q;
    *wl = e - q;
    if (q == e)
        return 0;
    const wform *f = form_lookup(d, t + q, e - q);
    return f ? f->mask : 0;
}

static uint64_t next_word_mask(const cyb__dates *d, const unsigned char *t, size_t pos, size_t to)
{
    size_t q = pos;
    while (q < to && t[q] == ' ')
        q++;
    size_t b = q;
    while (q < to && byte_class(t[q]) == BC_LETTER)
        q++;
    if (q == b)
        return 0;
    const wform *f = form_lookup(d, t + b, q - b);
    return f ? f->mask : 0;
}

static int context_ok(const cyb__dates *d, const drule *r, const unsigned char *t,
                      const unsigned char *upper, size_t from, size_t to, size_t st, size_t en)
{
    if (r->prev | r->notprev | r->notcapprev) {
        size_t wb, wl;
        uint64_t m = prev_word_mask(d, t, from, st, &wb, &wl);
        if (r->prev && !(m & r->prev))
            return 0;
        if (m & r->notprev)
            return 0;
        if (r->notcapprev && upper && wl && upper[wb] && !(m & r->notcapprev))
            return 0; /* France 2030, Windows 2000: a name goes on */
    }
    if (r->notnext && (next_word_mask(d, t, en, to) & r->notnext))
        return 0;
    if (r->lowernext && upper) { /* the May circular, not a June Smith */
        size_t q = en;
        while (q < to && t[q] == ' ')
            q++;
        if (q < to && upper[q])
            return 0;
    }
    return 1;
}

/* strict: a word of an "amb" class (may, march, fall) must have come from a
 * capitalized word when the caller says which ones were. */
static int strict_ok(const mview *v, const unsigned char *upper, size_t from)
{
    static const int slots[6] = {S_M, S_M2, S_SEASON, S_SEASON2, S_WD, S_WD2};
    static const int kinds[6] = {K_MONTH, K_MONTH, K_SEASON, K_SEASON, K_WEEKDAY, K_WEEKDAY};
    size_t b, e;
    if (!upper || slot_span(v, S_Y, &b, &e) || slot_span(v, S_Y2, &b, &e))
        return 1; /* a year decides: 5 may 2020 */
    for (int i = 0; i < 6; i++) {
        if (!slot_span(v, slots[i], &b, &e) || e == b)
            continue;
        int amb = 0;
        if (word_value(v->d, v->sub + b, e - b, kinds[i], &amb) && amb && !upper[from + b])
            return 0;
    }
    return 1;
}

/* lowerstart: "the Fourth of July weekend" is a holiday's name, not a
 * date; with no year a capitalized first word (the ordinal) says so, with
 * one (the Fourth of July 2021, at a sentence start) it is a date. */
static int lower_start_ok(const mview *v, const unsigned char *upper, size_t st)
{
    size_t b, e;
    return !upper || !upper[st] || slot_span(v, S_Y, &b, &e) || slot_span(v, S_Y2, &b, &e);
}

/* The run of lower-case letters (or bytes of UTF-8 letters) at t[i]: a
 * word class matches it whole (WORD_END); its end. */
static size_t letters_end(const unsigned char *t, size_t i, size_t end)
{
    while (i < end && ((t[i] >= 'a' && t[i] <= 'z') || t[i] >= 0x80))
        i++;
    return i;
}

/* Is the word at t[i] a month word? */
static int month_at(const cyb__dates *d, const unsigned char *t, size_t i, size_t end)
{
    const wform *f = form_lookup(d, t + i, letters_end(t, i, end) - i);
    return f && (f->mask & d->month_mask);
}

/* The run of digits at t[i]; its end. */
static size_t digits_end(const unsigned char *t, size_t i, size_t end)
{
    while (i < end && byte_class(t[i]) == BC_DIGIT)
        i++;
    return i;
}

/* 1 or 2 digits at t[i], then sep, then a digit: the middle of num_slash
 * (12/06/2018, 12-06-18) or num_dot (12.06.18), whose parts are
 * [0-9]{1,2} with the same separator twice. */
static int short_part_then(const unsigned char *t, size_t i, size_t end, unsigned char sep)
{
    size_t e = digits_end(t, i, end);
    return e > i && e - i <= 2 && e + 1 < end && t[e] == sep && byte_class(t[e + 1]) == BC_DIGIT;
}

/* The ordinal suffix {ORD} at t[i] when a space or a dash follows it (as it
 * must in every num12 rule); its end, i when none. */
static size_t ord_end(const unsigned char *t, size_t i, size_t end)
{
    static const char *const ords[] = {"er", "re", "eme", "e", "st", "nd", "rd", "th"};
    for (size_t k = 0; k < sizeof ords / sizeof ords[0]; k++) {
        size_t l = strlen(ords[k]);
        if (i + l < end && memcmp(t + i, ords[k], l) == 0 && (t[i + l] == ' ' || t[i + l] == '-'))
            return i + l;
    }
    return i;
}

/* Can a num12 rule match at the run of 1 or 2 digits that ends at q? A
 * cheap necessary condition read off those rules (dates.txt: dmy, dm,
 * range_dd, range_dmdm, range_full_et/au, num_slash, num_dot, quarter,
 * half), checked before their prefilter: most such numbers ("15 people",
 * "3.5", "6-4", "12,") fail it, and a failed prefilter costs ~1,750
 * instructions. Every such rule consumes the whole run, then has
 *   [/.] 1-2 digits, the same sign, a digit    num_slash, num_dot
 *   - 1-2 digits - a digit                     num_slash (12-06-18)
 *   {ORD}? then [ ] or - ...                   the rest; after the spaces:
 *     a month word, "of", a range word of RANGE (et and au to a jusqu'au
 *     until through till), quarter trimestre half semestre, or "-";
 *   after the "-" of a range (range_dd: 8-10 mai, 3rd-5th June):
 *     [ ]? 1-2 digits {ORD}? spaces, then "of" or a month word.
 * It must stay at least as permissive as those rules: a rule edited or
 * added there must be added here (test-dates compares with
 * "option num12_gate=no"). */
static int num12_may_match(const cyb__dates *d, const unsigned char *t, size_t q, size_t end)
{
    static const char *const words[] = {"of", "et", "and", "au", "to", "a", "jusqu", "until",
                                        "through", "till"};
    static const char *const periods[] = {"quarter", "trimestre", "half", "semestre"};
    size_t i = q;
    if (i >= end)
        return 0;
    if (t[i] == '/' || t[i] == '.')
        return short_part_then(t, i + 1, end, t[i]);
    if (t[i] == '-' && short_part_then(t, i + 1, end, '-'))
        return 1;
    if (t[i] >= 'a' && t[i] <= 'z') { /* an ordinal suffix, then a space or a dash */
        size_t e = ord_end(t, i, end);
        if (e == i)
            return 0;
        i = e;
    }
    if (t[i] == ' ') {
        while (i < end && t[i] == ' ')
            i++;
        if (i >= end)
            return 0;
        if (t[i] != '-') {
            size_t e = letters_end(t, i, end);
            if (month_at(d, t, i, end))
                return 1;
            for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
                if (strlen(words[k]) == e - i && memcmp(t + i, words[k], e - i) == 0)
                    return 1;
            for (size_t k = 0; k < sizeof periods / sizeof periods[0]; k++) {
                size_t l = strlen(periods[k]);
                if (e - i >= l && memcmp(t + i, periods[k], l) == 0)
                    return 1;
            }
            return 0;
        }
    }
    if (t[i] != '-')
        return 0;
    i++; /* a range: [ ]?-[ ]? then the end's day, {ORD}, spaces, of or a month */
    if (i < end && t[i] == ' ')
        i++;
    size_t e = digits_end(t, i, end);
    if (e == i || e - i > 2)
        return 0;
    i = ord_end(t, e, end);
    if (i >= end || t[i] != ' ')
        return 0;
    while (i < end && t[i] == ' ')
        i++;
    if (i + 2 < end && t[i] == 'o' && t[i + 1] == 'f' && t[i + 2] == ' ')
        return 1;
    return i < end && month_at(d, t, i, end);
}

/* The words of RANGE and RANGE_DM (jusqu'au read up to its apostrophe). */
static const char *const range_words[] = {"et", "and", "au", "to", "a", "jusqu", "until", "through", "till"};

/* The word at t[i] (a run of letters) is one of list. */
static int word_in(const unsigned char *t, size_t i, size_t end, const char *const *list, size_t n)
{
    size_t e = letters_end(t, i, end);
    for (size_t k = 0; k < n; k++)
        if (strlen(list[k]) == e - i && memcmp(t + i, list[k], e - i) == 0)
            return 1;
    return 0;
}

/* Can a rule that starts at a weekday, an ordinal or a relative word (group
 * kind K_WEEKDAY, K_ORDINAL, K_REL) match at the word that ends at q? A cheap
 * necessary condition read off those rules (dates.txt), checked before
 * their prefilter, as num12_may_match() is for the numbers: most weekdays
 * ("on Friday the", "Friday's"), ordinals ("the first time") and relative
 * words ("this week", "that the") fail it.
 *   weekday (dmy dm mdy md range_wd range_wd_md range_weekdays): [ ]?-, or
 *     {C_} ([ ]?, then spaces) then a digit, a month word or a range word
 *     of RANGE_DM (et and au to a jusqu'au until through till)
 *   ordinal (dword quarter half): spaces, then a month word, "of", or
 *     quarter trimestre half semestre
 *   relative (rel_month rel_weekday rel_season rel_dem): spaces, then a
 *     month, weekday or season word
 * It must stay at least as permissive as those rules: a rule edited or
 * added there must be added here (test-dates compares with
 * "option word_gate=no"). */
static int word_may_match(const cyb__dates *d, int kind, const unsigned char *t, size_t q, size_t end)
{
    static const char *const periods[] = {"quarter", "trimestre", "half", "semestre"};
    size_t i = q;
    if (kind == K_WEEKDAY) {
        size_t j = i < end && t[i] == ' ' ? i + 1 : i;
        if (j < end && t[j] == '-')
            return 1; /* [ ]?- of RANGE_DM */
        if (j < end && t[j] == ',')
            i = j + 1; /* [ ]?, of {C_} */
    }
    if (i >= end || t[i] != ' ')
        return 0;
    while (i < end && t[i] == ' ')
        i++;
    if (i >= end)
        return 0;
    if (kind == K_REL) {
        const wform *f = form_lookup(d, t + i, letters_end(t, i, end) - i);
        return f && (f->mask & d->calendar_mask);
    }
    if (kind == K_WEEKDAY && (t[i] == '-' || byte_class(t[i]) == BC_DIGIT))
        return 1;
    if (month_at(d, t, i, end))
        return 1;
    if (kind == K_WEEKDAY)
        return word_in(t, i, end, range_words, sizeof range_words / sizeof range_words[0]);
    static const char *const of[] = {"of"};
    if (word_in(t, i, end, of, 1))
        return 1;
    for (size_t k = 0; k < sizeof periods / sizeof periods[0]; k++) {
        size_t l = strlen(periods[k]);
        if (i + l <= end && memcmp(t + i, periods[k], l) == 0)
            return 1;
    }
    return 0;
}

/* t[from, p) ends with lit. */
static int ends_with(const unsigned char *t, size_t from, size_t p, const char *lit)
{
    size_t l = strlen(lit);
    return p - from >= l && memcmp(t + p - l, lit, l) == 0;
}

/* Can a rule that starts at a 4 digit number t[p, q) (on=num4), other than
 * the base rules year and year_atleast, match there? A cheap necessary
 * condition read off those rules (dates.txt), checked before their
 * prefilter as num12_may_match() is for the shorter numbers: most years
 * ("in 2020 the", "2020,") fail it.
 *   a -, / or . after the year (range_yy, iso), an s (decade)
 *   a space, then - or / (range_yy: [ ]?[-/])
 *   spaces, then a digit (ydm) or a range word (TO_ET TO_AU: range_yy_between,
 *     range_yy_det, range_yy_from, range_y_my)
 *   "over " before (year_over); the/its/their/this before and a space after
 *     (year_det)
 * It must stay at least as permissive as those rules: a rule edited or
 * added there must be added here (test-dates compares with
 * "option num4_gate=no"). */
static int num4_may_match(const unsigned char *t, size_t from, size_t p, size_t q, size_t end)
{
    if (ends_with(t, from, p, "over "))
        return 1;
    if (q >= end)
        return 0;
    if (t[q] == '-' || t[q] == '/' || t[q] == '.' || t[q] == 's')
        return 1;
    if (t[q] != ' ')
        return 0;
    if (q + 1 < end && (t[q + 1] == '-' || t[q + 1] == '/'))
        return 1;
    if (ends_with(t, from, p, "the ") || ends_with(t, from, p, "its ") || ends_with(t, from, p, "their ") ||
        ends_with(t, from, p, "this "))
        return 1;
    size_t i = q;
    while (i < end && t[i] == ' ')
        i++;
    return i < end && (byte_class(t[i]) == BC_DIGIT ||
                       word_in(t, i, end, range_words, sizeof range_words / sizeof range_words[0]));
}

/* {RANGE} or {RANGE_DM} may start at t[i]: [ ]?- or spaces and a range word. */
static int range_at(const unsigned char *t, size_t i, size_t end)
{
    if (i < end && t[i] == '-')
        return 1;
    if (i >= end || t[i] != ' ')
        return 0;
    if (i + 1 < end && t[i + 1] == '-')
        return 1;
    while (i < end && t[i] == ' ')
        i++;
    return i < end && word_in(t, i, end, range_words, sizeof range_words / sizeof range_words[0]);
}

/* {NE} holds at t[q] (the subject ends at end). */
static int ne_at(const unsigned char *t, size_t q, size_t end)
{
    if (q >= end)
        return 1;
    unsigned char c = t[q];
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80 || c == '%')
        return 0;
    if (c && q + 1 < end && t[q + 1] >= '0' && t[q + 1] <= '9' && strchr(".,/:-", c))
        return 0;
    return !(c == ' ' && q + 1 < end && t[q + 1] == '%');
}

/* Can rule r (gate r->gate) match at its trigger t[p, q) (a run of digits
 * or a whole word: every shipped rule's trigger word ends at a WORD_END)?
 * A cheap necessary condition read off the rule's pattern in dates.txt,
 * permissive where the pattern is intricate (lookbehinds before an opener
 * are read as plain suffixes, {_} as any run of spaces). It must stay at
 * least as permissive as the rule: a shipped rule edited there must be
 * edited here (test-dates compares with "option rule_gate=no"). */
static int rule_may_match(int gate, const unsigned char *t, size_t from, size_t p, size_t q, size_t end)
{
    size_t i = q;
    switch (gate) {
    case G_DECADE:
        return q < end && t[q] == 's';
    case G_ATLEAST:
        return ends_with(t, from, p, "at least ") || ends_with(t, from, p, "depuis au moins ") ||
               ends_with(t, from, p, "since about ") || ends_with(t, from, p, "since roughly ") ||
               ends_with(t, from, p, "since approximately ") || ends_with(t, from, p, "since circa ") ||
               ends_with(t, from, p, "back to about ") || ends_with(t, from, p, "depuis environ ");
    case G_OVER:
        return ends_with(t, from, p, "over ");
    case G_YEAR_DET:
        return q < end && t[q] == ' ' &&
               (ends_with(t, from, p, "the ") || ends_with(t, from, p, "its ") ||
                ends_with(t, from, p, "their ") || ends_with(t, from, p, "this "));
    case G_YEAR: {
        /* {LB}: none of [0-9a-z\x80-\xff.,/:+\-#@$_] before; {YEAR4}: 19xx, 20xx */
        unsigned char b = p > from ? t[p - 1] : ' ';
        if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || b >= 0x80 || (b && strchr(".,/:+-#@$_", b)))
            return 0;
        if (q - p != 4 || !((t[p] == '1' && t[p + 1] == '9') || (t[p] == '2' && t[p + 1] == '0')))
            return 0;
        return ne_at(t, q, end);
    }
    case G_YEAR_OLD: /* (?<y>1[0-8][0-9]{2}): a news text's years are 19xx and 20xx */
        return q - p >= 2 && t[p] == '1' && t[p + 1] >= '0' && t[p + 1] <= '8';
    case G_ISO:
        return q < end && (t[q] == '-' || t[q] == '/' || t[q] == '.');
    case G_MY:
    case G_RANGE_MDD:
        if (i < end && t[i] == '.')
            i++;
        if (i >= end || t[i] != ' ')
            return 0;
        while (i < end && t[i] == ' ')
            i++;
        if (gate == G_MY)
            return i < end && ((t[i] >= '0' && t[i] <= '9') || t[i] == 'o');
        {
            size_t e = digits_end(t, i, end); /* {DAY}: 1 or 2 digits */
            return e > i && e - i <= 2 && range_at(t, ord_end(t, e, end), end);
        }
    case G_RYEAR:
        if (i >= end || t[i] != ' ')
            return 0;
        while (i < end && t[i] == ' ')
            i++;
        return i < end && (t[i] == 'o' || t[i] == 'd');
    case G_RANGE_MM:
        return range_at(t, q, end);
    case G_OPEN_ET:
    case G_OPEN_AU:
    case G_OPEN_ANY: {
        int et = ends_with(t, from, p, "entre ") || ends_with(t, from, p, "between ") ||
                 ends_with(t, from, p, "entre le ") || ends_with(t, from, p, "between the ");
        int au = ends_with(t, from, p, "du ") || ends_with(t, from, p, "de ") ||
                 ends_with(t, from, p, "d'") || ends_with(t, from, p, "from ") ||
                 ends_with(t, from, p, "from the ") || ends_with(t, from, p, "annees ") ||
                 ends_with(t, from, p, "years ");
        return gate == G_OPEN_ET ? et : gate == G_OPEN_AU ? au : et || au;
    }
    case G_MONTH_MOD:
        return q < end && t[q] == ' ' &&
               (ends_with(t, from, p, "a ") || ends_with(t, from, p, "an ") ||
                ends_with(t, from, p, "the ") || ends_with(t, from, p, "its ") ||
                ends_with(t, from, p, "their "));
    case G_QMARK:
        return q < end && t[q] >= '0' && t[q] <= '9';
    default:
        return 1;
    }
}

/* The scanner's next candidate start: the first p at or after at where a
 * run of digits starts (after a non-digit) or a word starts (a letter after
 * neither) that may be a trigger word; to when none. With SSE2 a 16-byte
 * step gives the mask of those starts at once (byte_class() of each byte
 * and of the byte before) and only their words are asked, of lenmask[] and
 * trig3[]; the step's mask is kept in *it for the next call, a few bytes
 * on. The last step of a sentence is the 16 bytes that end it. Without
 * SSE2 (and in a sentence of fewer than 16 bytes) a word's first two bytes
 * are asked of pair[] (every digit in it). A word let through that is no
 * trigger word gets no group from form_lookup(), and the scan reads on
 * after it as after a word skipped here. Never reads at or past to, nor
 * before the text. */
typedef struct {
    size_t base;   /* the step's first byte; mask covers [base, base + 16) */
    unsigned mask; /* its starts not yet asked */
    unsigned lm;   /* the step's letters */
} cand_iter;

static int pair_ok(const cyb__dates *d, const unsigned char *t, size_t p, size_t to)
{
    unsigned c = t[p], c2 = p + 1 < to ? t[p + 1] : ' ';
    return (d->pair[(c << 5) | (c2 >> 3)] >> (c2 & 7)) & 1;
}

#ifdef __SSE2__
/* The bytes of v whose byte_class() is BC_LETTER, as a 16-bit mask. */
static unsigned letter_mask(__m128i v)
{
    __m128i lo = _mm_or_si128(v, _mm_set1_epi8(0x20)); /* A-Z to a-z, nothing else into it */
    __m128i letter = _mm_or_si128(cyb__sse_in_range(lo, 'a', 26),
                                  _mm_cmplt_epi8(v, _mm_setzero_si128())); /* bytes of UTF-8 letters */
    return (unsigned)_mm_movemask_epi8(letter);
}
#endif

/* The end of the run of letters (byte_class() BC_LETTER) at t[q], to at
 * most: 16 bytes a step while they fit before to. */
static size_t letters_run_end(const unsigned char *t, size_t q, size_t to)
{
#ifdef __SSE2__
    for (; q + 16 <= to; q += 16) {
        unsigned lm = letter_mask(_mm_loadu_si128((const __m128i *)(t + q)));
        if (lm != 0xFFFFu)
            return q + (size_t)__builtin_ctz(~lm);
    }
#endif
    while (q < to && byte_class(t[q]) == BC_LETTER)
        q++;
    return q;
}

#ifdef __SSE2__
/* The first start of the step at base (mask m) that may start a trigger
 * word (a run of digits always), the starts after it left in it;
 * (size_t)-1 when none. */
/* (inline: the scan calls it at every step; out of line it costs a call each) */
static inline __attribute__((always_inline)) size_t step_first(const cyb__dates *d, cand_iter *it,
                                                               const unsigned char *t, unsigned m, size_t to)
{
    for (; m; m &= m - 1) {
        unsigned r = (unsigned)__builtin_ctz(m);
        size_t i = it->base + r;
        /* a word: its first byte and length (lenmask[], the scan's next
         * test) and trig3[] tell most words from the trigger words (the
         * length in the step's mask when the word ends in it); pair[],
         * asked before them, cost more than it saved */
        if (it->lm >> r & 1) {
            size_t len = (unsigned)__builtin_ctz(~(it->lm >> r));
            if (r + len >= 16)
                len = letters_run_end(t, it->base + 16, to) - i;
            if (len > MAX_WORD || !((d->lenmask[t[i]] >> len) & 1))
                continue;
            unsigned key = trig_key(t + i, len);
            if (!(d->trig3[key >> 3] >> (key & 7) & 1))
                continue;
        }
        it->mask = m & (m - 1);
        return i;
    }
    it->mask = 0;
    return (size_t)-1;
}
#endif

static size_t next_cand(const cyb__dates *d, cand_iter *it, const unsigned char *t, size_t from, size_t at,
                        size_t to)
{
#ifdef __SSE2__
    size_t p = at;
    if (p >= it->base && p < it->base + 16) { /* within the last step: its mask from at on */
        size_t i = step_first(d, it, t, it->mask & (0xFFFFu << (p - it->base)), to);
        if (i != (size_t)-1)
            return i;
        p = it->base + 16;
    }
    while (p < to && to >= 16) {
        size_t base = p + 16 <= to ? p : to - 16; /* the last step: the 16 bytes that end the sentence */
        __m128i v = _mm_loadu_si128((const __m128i *)(t + base));
        __m128i digit = cyb__sse_in_range(v, '0', 10);
        unsigned lm = letter_mask(v), dm = (unsigned)_mm_movemask_epi8(digit);
        /* the class of the byte before each: the sentence start follows a space */
        unsigned pc = base > from ? byte_class(t[base - 1]) : BC_OTHER;
        unsigned lp = lm << 1 | (pc == BC_LETTER), dp = dm << 1 | (pc == BC_DIGIT);
        if (base < from)
            lp &= ~(1u << (from - base)), dp &= ~(1u << (from - base));
        it->base = base;
        it->lm = lm;
        size_t i = step_first(d, it, t, (dm | (lm & ~lp)) & ~dp & (0xFFFFu << (p - base)), to);
        if (i != (size_t)-1)
            return i;
        p = base + 16;
    }
    if (to >= 16)
        return to;
#endif
    for (; at < to; at++)
        if (d->cand[(at > from ? (unsigned)t[at - 1] << 8 : ' ' << 8) | t[at]] && pair_ok(d, t, at, to))
            return at;
    return to;
}

size_t cyb__dates_find(const cyb__dates *d, cyb__dates_scratch *s, const char *norm,
                       const unsigned char *upper, size_t from, size_t to, int lang,
                       const int *ref, cyb__date_hit *hits, size_t cap)
{
    if (!d || !s || !norm || !hits || cap == 0 || from >= to)
        return 0;
    if (ref && (ref[1] < 1 || ref[1] > 12 || ref[2] < 1 || ref[2] > month_days(ref[0], ref[1]) ||
                ref[0] < 1 || ref[0] > 9999))
        ref = NULL; /* an impossible reference date resolves nothing */
    const unsigned char *t = (const unsigned char *)norm;
    const unsigned char *sub = t + from;
    size_t n = 0, p = from;
    cand_iter it = {(size_t)-32, 0, 0};
    while (p < to && n < cap) {
        /* skip to the next candidate start; the sentence start counts as
         * following a space */
        p = next_cand(d, &it, t, from, p, to);
        if (p >= to)
            break;
        unsigned char c = t[p];
        unsigned char bc = byte_class(c);
        int group = -1; /* the trigger group (d->groups), -1: no rule starts here */
        size_t q = p + 1;
        if (bc == BC_DIGIT) {
            while (q < to && byte_class(t[q]) == BC_DIGIT)
                q++;
            size_t len = q - p;
            group = len <= 2 ? 0 : len == 4 ? 1 : 2; /* see build_prefilters */
        } else if (bc == BC_LETTER) { /* its first two bytes start a trigger word (next_cand) */
            q = letters_run_end(t, q, to);
            size_t len = q - p;
            /* a word glued after digits (5mai) is part of a token, not a start */
            if (len <= MAX_WORD && ((d->lenmask[c] >> len) & 1) &&
                !(p > from && byte_class(t[p - 1]) == BC_DIGIT)) {
                const wform *f = form_lookup(d, t + p, q - p);
                if (f)
                    group = f->group;
            }
        } else {
            p++;
            continue;
        }
        if (group < 0 || d->groups[group].nrules == 0) {
            p = q;
            continue;
        }
        /* Rules see a window of the sentence: a date is short, and pcre2's
         * start-up checks (a required byte searched for up to the subject's
         * end) must not cost O(sentence) at every candidate. The window ends
         * at a word boundary when one comes soon after MAX_SPAN. */
        size_t wend = to;
        if (to - p > MAX_SPAN) {
            wend = p + MAX_SPAN;
            size_t lim = wend + 64 < to ? wend + 64 : to;
            while (wend < lim && byte_class(t[wend]) != BC_OTHER)
                wend++;
        }
        const tgroup *g = &d->groups[group];
        const uint32_t *try = g->rules;
        size_t ntry = g->nrules;
        size_t first = 0; /* the non-base rules before this one cannot match here */
        int gated = group == 0   ? d->num12_gate && !num12_may_match(d, t, q, wend)
                    : group == 1 ? d->num4_gate && !num4_may_match(t, from, p, q, wend)
                                 : g->word_kind >= 0 && d->word_gate && !word_may_match(d, g->word_kind, t, q, wend);
        int pre = gated ? PCRE2_ERROR_NOMATCH : g->pre ? match_at(d, g->pre, sub, wend - from, p - from, s) : 0;
        if (pre == PCRE2_ERROR_NOMATCH) {
            try = g->rules + g->nrules; /* no other rule can match here */
            ntry = g->nbase;
        } else if (pre > 0) {
            /* the prefilter's first matching branch (its mark, the rule's
             * index): each branch before it failed, so does its rule */
            PCRE2_SPTR mark = pcre2_get_mark(s->md);
            if (mark)
                first = strtoul((const char *)mark, NULL, 10);
        }
        size_t best_end = p, bad_end = p;
        char best_val[sizeof hits[0].value];
        for (size_t i = 0; i < ntry; i++) {
            const drule *r = &d->rules[try[i]];
            if ((r->lang && lang && r->lang != lang) || (try[i] < first && !r->base))
                continue;
            if (r->gate && !rule_may_match(r->gate, t, from, p, q, wend))
                continue;
            int rc = match_at(d, r->code, sub, wend - from, p - from, s);
            if (rc <= 0)
                continue; /* no match, or a limit reached: no date here */
            const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
            size_t st = from + ov[0], en = from + ov[1];
            if (st != p || en <= best_end)
                continue;
            if (!context_ok(d, r, t, upper, from, to, st, en))
                continue;
            mview v = {d, r, sub, ov};
            if (r->strict && !strict_ok(&v, upper, from))
                continue;
            if (r->lowerstart && !lower_start_ok(&v, upper, st)) {
                if (en > bad_end)
                    bad_end = en; /* a holiday's name: its month is no date either */
                continue;
            }
            char val[sizeof hits[0].value];
            if (!compute_value(&v, lang, ref, val, sizeof val)) {
                if (en > bad_end && !r->soft)
                    bad_end = en; /* 31/02/2020, 29 february 2023 */
                continue;
            }
            best_end = en;
            memcpy(best_val, val, sizeof val);
        }
        if (bad_end > best_end) {
            /* the longest reading is an impossible date: no shorter piece
             * of it (29 february, 2020) is a date either */
            p = bad_end;
            continue;
        }
        if (best_end > p) {
            hits[n].start = p;
            hits[n].end = best_end;
            memcpy(hits[n].value, best_val, sizeof best_val);
            n++;
            p = best_end;
            continue;
        }
        p = q;
    }
    return n;
}

/* Reads 1 or 2 digits at *p (advanced), -1 when none. */
static int small_number(const char **p, const char *end) {
    int v = 0, k = 0;
    while (*p < end && k < 3 && **p >= '0' && **p <= '9')
        v = v * 10 + (*(*p)++ - '0'), k++;
    return k == 0 || k > 2 ? -1 : v;
}

int cyb__dates_day_first(const char *surface, size_t n, const char *value, char out[11]) {
    const char *p = surface, *end = surface + n;
    int x = small_number(&p, end);
    if (x < 1 || p >= end || *p++ != '/')
        return 0;
    int w = small_number(&p, end);
    if (w < 1 || p >= end || *p != '/' || x == w || x > 12 || w > 12)
        return 0;
    char month_first[11];
    if (strlen(value) != 10)
        return 0;
    snprintf(month_first, sizeof month_first, "%.4s-%02d-%02d", value, x, w);
    if (strcmp(month_first, value) != 0)
        return 0;
    snprintf(out, 11, "%.4s-%02d-%02d", value, w, x);
    return 1;
}
