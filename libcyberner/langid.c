/* Language identification: naive Bayes over character n-grams.
 *
 * Text is cut into words (runs of letters, lower-cased).  Each word, padded
 * with one space on each side, gives its character n-grams of 1 to 4
 * characters and, if it has 3 to 20 characters, the whole padded word.  The
 * model (dict/langid/langid.tsv, built by tools/langid/build_model.py) gives
 * each known feature a cost per language; a sentence's language is the one
 * with the lowest total cost plus prior.  Languages other than fr and en are
 * in the model only so that their text can come back CYB_LANG_UND.
 *
 * Documents are cut into chunks (sentences or lines of at least
 * CHUNK_LETTERS letters) and each chunk votes with its letter count, so the
 * document's language is that of most of its text.
 *
 * Speed: one hash probe per feature, about 5 per character, in a table of
 * 8-byte slots; inputs over SAMPLE_ABOVE bytes are judged on SAMPLE_WINDOWS
 * windows of SAMPLE_WINDOW bytes spread evenly, so a call costs at most about
 * 64 KiB of work whatever the length. */
#include "langid.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LANGS 16
#define MAX_WORD_CHARS 32   /* longer words are cut (URLs, hashes): same in build_model.py */
#define MAX_WHOLE_WORD 20   /* whole-word feature only up to this many letters */
#define CHUNK_LETTERS 30    /* a chunk closes at a sentence end once it has this many letters */
#define NAME_DIVISOR 8      /* names count 1/8 with CYB_LANGID_NAMES_DONT_VOTE */
#define MIN_PLAIN_LETTERS 6 /* ...if the chunk has at least this many letters outside names */
#define SAMPLE_ABOVE 65536
#define SAMPLE_WINDOWS 16
#define SAMPLE_WINDOW 4096

struct cyb__langid {
    int nlang;
    int code[MAX_LANGS];         /* CYB_LANG_FR / _EN, or _UND for the others */
    int prior[MAX_LANGS];        /* cost units */
    double scale;                /* cost units per nat */
    int min_letters;
    double min_coverage;
    double temperature;
    size_t nrows;
    unsigned char *cost;         /* nrows * nlang */
    uint64_t *slot;              /* hash table: fingerprint << 32 | (row + 1), 0 = empty */
    size_t mask;
    /* Whole words (" word ", 3 to 20 letters): their rows hold the summed
     * costs of all the word's features, so a known word costs one probe
     * instead of about five per character. */
    uint64_t *wslot;
    size_t wmask;
};

/* ---------------------------------------------------------------- hashing */

#define FNV_BASIS 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL
#define WORD_BASIS (FNV_BASIS ^ 0x9e3779b97f4a7c15ULL) /* whole words hash apart */

static inline uint64_t fnv_add(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * FNV_PRIME;
    return h;
}

/* Mix the FNV state before splitting it into index and fingerprint: FNV's
 * low bits are weak for short keys. */
static inline uint64_t finish(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static inline long lookup_in(const uint64_t *slot, size_t mask, uint64_t h)
{
    h = finish(h);
    uint64_t fp = h >> 32;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint64_t s = slot[i];
        if (s == 0) return -1;
        if ((s >> 32) == fp) return (long)(uint32_t)s - 1;
    }
}

static inline long lookup(const cyb__langid *m, uint64_t h)
{
    return lookup_in(m->slot, m->mask, h);
}

/* ---------------------------------------------------------- model loading */

static void set_err(char *buf, size_t cap, size_t line, const char *fmt, ...)
{
    if (!buf || cap == 0) return;
    int n = snprintf(buf, cap, "langid.tsv:%zu: ", line);
    if (n < 0 || (size_t)n >= cap) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, cap - (size_t)n, fmt, ap);
    va_end(ap);
}

/* Next tab-separated field of [*p, end): returns its length and moves *p
 * past the tab (or to end). */
static size_t field(const char **p, const char *end, const char **start)
{
    const char *s = *p, *t = s;
    while (t < end && *t != '\t') t++;
    *start = s;
    *p = t < end ? t + 1 : t;
    return (size_t)(t - s);
}

static int parse_uint(const char *s, size_t n, long max, long *out)
{
    if (n == 0 || n > 9) return 0;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    if (v > max) return 0;
    *out = v;
    return 1;
}

static int parse_double(const char *s, size_t n, double *out)
{
    char tmp[32];
    if (n == 0 || n >= sizeof tmp) return 0;
    memcpy(tmp, s, n);
    tmp[n] = 0;
    char *e;
    *out = strtod(tmp, &e);
    return *e == 0;
}

static size_t utf8_len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static int insert(uint64_t *slot, size_t mask, int word, const char *key, size_t n, size_t row)
{
    uint64_t h = finish(fnv_add(word ? WORD_BASIS : FNV_BASIS, (const unsigned char *)key, n));
    uint64_t fp = h >> 32;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        if (slot[i] == 0) {
            slot[i] = fp << 32 | (uint64_t)(row + 1);
            return 1;
        }
        if ((slot[i] >> 32) == fp) return 0; /* duplicate (or 32-bit clash) */
    }
}

cyb__langid *cyb__langid_new(const char *data, size_t len, char *errbuf, size_t errcap)
{
    if (errbuf && errcap) errbuf[0] = 0;
    if (!data && len) {
        set_err(errbuf, errcap, 0, "no data");
        return NULL;
    }
    /* First pass: count the lines that can be rows, to size the arrays. */
    size_t maxrows = 0;
    for (size_t i = 0; i < len; i++)
        if (data[i] == '\n') maxrows++;
    maxrows++;

    cyb__langid *m = calloc(1, sizeof *m);
    if (!m) goto oom;
    m->scale = 1;
    m->min_letters = 3;
    m->min_coverage = 0;
    m->temperature = 1;
    size_t cap = 1024;
    while (cap < 2 * maxrows) cap *= 2;
    m->slot = calloc(cap, sizeof *m->slot);
    m->wslot = calloc(cap, sizeof *m->wslot);
    if (!m->slot || !m->wslot) goto oom;
    m->mask = m->wmask = cap - 1;

    const char *p = data, *end = data + len;
    size_t line = 0;
    int have_version = 0;
    while (p < end) {
        line++;
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *q = p, *f;
        size_t n;
        p = eol + 1;
        if (eol > q && eol[-1] == '\r') eol--;
        if (eol == q || *q == '#') continue;
        if (memchr(q, '\0', (size_t)(eol - q))) {
            set_err(errbuf, errcap, line, "NUL byte");
            goto fail;
        }
        n = field(&q, eol, &f);
        if (*f == '!') {            /* header directive */
            long v;
            double d;
            if (n == 8 && !memcmp(f, "!version", 8)) {
                n = field(&q, eol, &f);
                if (!parse_uint(f, n, 1000, &v) || v != 1) {
                    set_err(errbuf, errcap, line, "unsupported model version");
                    goto fail;
                }
                have_version = 1;
            } else if (n == 6 && !memcmp(f, "!langs", 6)) {
                if (m->nlang || m->nrows) {
                    set_err(errbuf, errcap, line, "!langs must come once, before the features");
                    goto fail;
                }
                int fr = 0, en = 0;
                while (q < eol) {
                    n = field(&q, eol, &f);
                    if (m->nlang == MAX_LANGS) {
                        set_err(errbuf, errcap, line, "more than %d languages", MAX_LANGS);
                        goto fail;
                    }
                    int c = CYB_LANG_UND;
                    if (n == 2 && !memcmp(f, "fr", 2)) c = CYB_LANG_FR, fr++;
                    if (n == 2 && !memcmp(f, "en", 2)) c = CYB_LANG_EN, en++;
                    m->code[m->nlang++] = c;
                }
                if (fr != 1 || en != 1) {
                    set_err(errbuf, errcap, line, "!langs must list fr and en once each");
                    goto fail;
                }
                m->cost = malloc(maxrows * (size_t)m->nlang);
                if (!m->cost) goto oom;
            } else if (n == 6 && !memcmp(f, "!prior", 6)) {
                for (int l = 0; l < m->nlang; l++) {
                    n = field(&q, eol, &f);
                    if (!parse_uint(f, n, 100000, &v)) {
                        set_err(errbuf, errcap, line, "bad prior (need one per language, after !langs)");
                        goto fail;
                    }
                    m->prior[l] = (int)v;
                }
            } else if (n == 6 && !memcmp(f, "!scale", 6)) {
                n = field(&q, eol, &f);
                if (!parse_uint(f, n, 1000, &v) || v == 0) {
                    set_err(errbuf, errcap, line, "bad scale");
                    goto fail;
                }
                m->scale = (double)v;
            } else if (n == 12 && !memcmp(f, "!min_letters", 12)) {
                n = field(&q, eol, &f);
                if (!parse_uint(f, n, 1000, &v)) {
                    set_err(errbuf, errcap, line, "bad min_letters");
                    goto fail;
                }
                m->min_letters = (int)v;
            } else if (n == 13 && !memcmp(f, "!min_coverage", 13)) {
                n = field(&q, eol, &f);
                if (!parse_double(f, n, &d) || !(d >= 0 && d <= 1)) {
                    set_err(errbuf, errcap, line, "bad min_coverage");
                    goto fail;
                }
                m->min_coverage = d;
            } else if (n == 12 && !memcmp(f, "!temperature", 12)) {
                n = field(&q, eol, &f);
                if (!parse_double(f, n, &d) || !(d > 0 && d < 100)) {
                    set_err(errbuf, errcap, line, "bad temperature");
                    goto fail;
                }
                m->temperature = d;
            } else {
                set_err(errbuf, errcap, line, "unknown directive");
                goto fail;
            }
            continue;
        }
        /* feature row: key, then one cost per language */
        if (!m->nlang) {
            set_err(errbuf, errcap, line, "feature before !langs");
            goto fail;
        }
        if (n == 0) {
            set_err(errbuf, errcap, line, "empty feature");
            goto fail;
        }
        unsigned char *row = m->cost + m->nrows * (size_t)m->nlang;
        for (int l = 0; l < m->nlang; l++) {
            long v;
            const char *g;
            size_t gn = field(&q, eol, &g);
            if (!parse_uint(g, gn, 255, &v)) {
                set_err(errbuf, errcap, line, "need %d costs from 0 to 255", m->nlang);
                goto fail;
            }
            row[l] = (unsigned char)v;
        }
        if (q < eol) {
            set_err(errbuf, errcap, line, "too many columns");
            goto fail;
        }
        /* a whole word has 3+ characters between its pads, so 5+ bytes;
         * n-grams have at most 4 characters (and may be longer in bytes) */
        int word = n >= 5 && f[0] == ' ' && f[n - 1] == ' ' && utf8_len(f, n) >= 5;
        if (!insert(word ? m->wslot : m->slot, m->mask, word, f, n, m->nrows)) {
            set_err(errbuf, errcap, line, "duplicate feature");
            goto fail;
        }
        m->nrows++;
    }
    if (!have_version || !m->nlang) {
        set_err(errbuf, errcap, line, "missing !version or !langs header");
        goto fail;
    }
    if (m->nrows == 0) {
        set_err(errbuf, errcap, line, "no features");
        goto fail;
    }
    return m;
oom:
    set_err(errbuf, errcap, 0, "out of memory");
fail:
    cyb__langid_free(m);
    return NULL;
}

void cyb__langid_free(cyb__langid *m)
{
    if (!m) return;
    free(m->cost);
    free(m->slot);
    free(m->wslot);
    free(m);
}

/* ----------------------------------------------------------- tokenisation */

enum { K_SEP = 0, K_LOWER = 1, K_UPPER = 2, K_UNCASED = 3 };

/* Classify the character at s[0..n) (n >= 1): returns its length in bytes and
 * sets *kind; for letters, writes the lower-cased UTF-8 bytes to out (at most
 * 3) and their count to *outn.  Invalid UTF-8 is a one-byte separator.
 * Must stay in step with norm_char() in tools/langid/build_model.py. */
static size_t classify(const unsigned char *s, size_t n, int *kind,
                       unsigned char *out, size_t *outn)
{
    unsigned c = s[0];
    *kind = K_SEP;
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z') *kind = K_LOWER;
        else if (c >= 'A' && c <= 'Z') *kind = K_UPPER, c += 32;
        else return 1;
        out[0] = (unsigned char)c;
        *outn = 1;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || (s[1] & 0xC0) != 0x80) return 1;
        unsigned cp = (c & 0x1F) << 6 | (s[1] & 0x3F);
        if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return 2;  /* Latin-1 symbols */
        *kind = K_LOWER;
        if (cp <= 0xDE) *kind = K_UPPER, cp += 0x20;
        else if (cp == 0x152) *kind = K_UPPER, cp = 0x153;    /* Œ */
        else if (cp == 0x178) *kind = K_UPPER, cp = 0xFF;     /* Ÿ */
        else if (cp > 0xFF && cp != 0x153) *kind = K_UNCASED; /* case of other scripts is not tracked */
        out[0] = (unsigned char)(0xC0 | cp >> 6);
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        *outn = 2;
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 1;
        unsigned cp = (c & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
        if (cp < 0x800) return 1;                         /* overlong */
        if ((cp >= 0x2000 && cp <= 0x2FFF) || (cp >= 0x3000 && cp <= 0x303F) ||
            cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 3;                                     /* punctuation, symbols */
        *kind = K_UNCASED;
        memcpy(out, s, 3);
        *outn = 3;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4 && n >= 4 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
        return 4;                                         /* emoji and the like */
    return 1;
}

/* Does this separator start a new sentence (for the names rule)? */
static int opens_sentence(const unsigned char *s, size_t n)
{
    switch (s[0]) {
    case '.': case '!': case '?': case ':': case '\n': case '"': case '(': case '[':
        return 1;
    case 0xC2:
        return n >= 2 && s[1] == 0xAB;                   /* « */
    case 0xE2:                                            /* – — “ • */
        return n >= 3 && s[1] == 0x80 &&
               (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x9C || s[2] == 0xA2);
    }
    return 0;
}

/* Does this separator end a chunk (sentence end or line break)? */
static int ends_chunk(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    if (c == '\n') return 1;
    if ((c == '.' || c == '!' || c == '?') && (i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == '\n'))
        return 1;
    return 0;
}

/* ---------------------------------------------------------------- scoring */

typedef struct {
    uint32_t plain[MAX_LANGS];  /* costs of ordinary words */
    uint32_t names[MAX_LANGS];  /* costs of name-like words */
    unsigned plain_letters, name_letters;
    unsigned long_feats, long_found; /* 3-grams and longer: total, known */
} chunk_acc;

typedef struct {
    double weight[3];           /* letters voting fr, en, other */
    double letters;             /* letters of chunks with a decision */
} doc_acc;

/* Add the costs of every n-gram of one word (normalised bytes w, char
 * starts off[0..nch]) to acc; count its features of 3 characters and more
 * (*feats) and how many of them the model knows (*found). */
static void ngram_costs(const cyb__langid *m, const unsigned char *w, const unsigned char *off,
                        int nch, uint32_t *acc, unsigned *feats, unsigned *found)
{
    /* padded word = ' ' w ' ' : positions 0 and nch+1 are the pads */
    static const unsigned char sp = ' ';
    int np = nch + 2;
    int nl = m->nlang;
    for (int i = 0; i < np; i++) {
        uint64_t h = FNV_BASIS;
        int last = i + 4 < np ? i + 4 : np;
        for (int j = i; j < last; j++) {
            if (j == 0 || j == np - 1)
                h = fnv_add(h, &sp, 1);
            else
                h = fnv_add(h, w + off[j - 1], (size_t)(off[j] - off[j - 1]));
            int order = j - i + 1;
            if (order == 1 && (j == 0 || j == np - 1)) continue; /* lone pad */
            long r = lookup(m, h);
            if (order >= 3) (*feats)++;
            if (r < 0) continue;
            if (order >= 3) (*found)++;
            const unsigned char *c = m->cost + (size_t)r * (size_t)nl;
            for (int l = 0; l < nl; l++) acc[l] += c[l];
        }
    }
}

/* Row of a whole word (normalised bytes w[0..n)), or -1. */
static long word_lookup(const cyb__langid *m, const unsigned char *w, size_t n)
{
    static const unsigned char sp = ' ';
    uint64_t h = fnv_add(fnv_add(fnv_add(WORD_BASIS, &sp, 1), w, n), &sp, 1);
    return lookup_in(m->wslot, m->wmask, h);
}

static void score_word(const cyb__langid *m, const unsigned char *w, const unsigned char *off,
                       int nch, int name, chunk_acc *a)
{
    uint32_t *acc = name ? a->names : a->plain;
    long r = nch >= 3 && nch <= MAX_WHOLE_WORD ? word_lookup(m, w, off[nch]) : -1;
    if (r >= 0) {
        const unsigned char *c = m->cost + (size_t)r * (size_t)m->nlang;
        for (int l = 0; l < m->nlang; l++) acc[l] += c[l];
        a->long_feats += (unsigned)nch;   /* a known word counts as fully covered */
        a->long_found += (unsigned)nch;
    } else {
        ngram_costs(m, w, off, nch, acc, &a->long_feats, &a->long_found);
    }
    if (name) a->name_letters += (unsigned)nch;
    else a->plain_letters += (unsigned)nch;
}

/* Decide a chunk: returns 0 = fr, 1 = en, 2 = other, -1 = too little
 * evidence; *conf = probability of the answer. */
static int decide(const cyb__langid *m, const chunk_acc *a, unsigned flags, double *conf)
{
    int nl = m->nlang;
    unsigned letters = a->plain_letters + a->name_letters;
    double tot[MAX_LANGS];
    *conf = 0;
    if (letters < (unsigned)m->min_letters) return -1;
    if (a->long_feats && (double)a->long_found < m->min_coverage * a->long_feats) {
        *conf = 1.0 - (double)a->long_found / a->long_feats; /* unknown script or language */
        return 2;
    }
    /* Names vote at 1/NAME_DIVISOR only when enough ordinary words remain
     * to decide on (a headline in Title Case keeps all its words). */
    int quiet = (flags & CYB_LANGID_NAMES_DONT_VOTE) && a->plain_letters >= MIN_PLAIN_LETTERS;
    int best = 0;
    for (int l = 0; l < nl; l++) {
        tot[l] = (double)a->plain[l] +
                 (quiet ? (double)a->names[l] / NAME_DIVISOR : (double)a->names[l]) +
                 m->prior[l];
        if (tot[l] < tot[best]) best = l;
    }
    /* probabilities of fr / en / other from the tempered costs */
    double p[3] = {0, 0, 0}, z = 0;
    for (int l = 0; l < nl; l++) {
        double e = exp(-(tot[l] - tot[best]) / m->scale * m->temperature);
        int g = m->code[l] == CYB_LANG_FR ? 0 : m->code[l] == CYB_LANG_EN ? 1 : 2;
        p[g] += e;
        z += e;
    }
    int g = m->code[best] == CYB_LANG_FR ? 0 : m->code[best] == CYB_LANG_EN ? 1 : 2;
    *conf = p[g] / z;
    return g;
}

static void close_chunk(const cyb__langid *m, chunk_acc *a, unsigned flags, doc_acc *d)
{
    double conf;
    int g = decide(m, a, flags, &conf);
    if (g >= 0) {
        double letters = (double)(a->plain_letters + a->name_letters);
        d->weight[g] += letters * conf;
        d->letters += letters;
    }
    memset(a, 0, sizeof *a);
}

/* Run the text s[0..n) through the scorer, adding its chunks to d. */
static void scan(const cyb__langid *m, const unsigned char *s, size_t n, unsigned flags, doc_acc *d)
{
    chunk_acc a;
    unsigned char w[MAX_WORD_CHARS * 3 + 3];
    unsigned char off[MAX_WORD_CHARS + 1];
    int nch = 0, ncased = 0, nupper = 0, first_upper = 0;
    int sentence_start = 1;
    memset(&a, 0, sizeof a);
    off[0] = 0;
    size_t i = 0;
    while (i <= n) {
        int kind = K_SEP;
        unsigned char lc[4];
        size_t lcn = 0, cl = 1;
        if (i < n) cl = classify(s + i, n - i, &kind, lc, &lcn);
        if (kind != K_SEP) {
            if (nch == 0) first_upper = kind == K_UPPER;
            if (kind == K_UPPER) nupper++, ncased++;
            else if (kind == K_LOWER) ncased++;
            if (nch < MAX_WORD_CHARS) {
                memcpy(w + off[nch], lc, lcn);
                off[nch + 1] = (unsigned char)(off[nch] + lcn);
                nch++;
            }
            i += cl;
            continue;
        }
        /* separator (or end of text): finish the pending word */
        if (nch) {
            int allcaps = ncased >= 2 && nupper == ncased;
            int name = allcaps || (first_upper && !sentence_start);
            score_word(m, w, off, nch, name, &a);
            nch = ncased = nupper = 0;
            sentence_start = 0;
        }
        if (i >= n) break;
        if (opens_sentence(s + i, n - i)) sentence_start = 1;
        if (ends_chunk(s, n, i) && a.plain_letters + a.name_letters >= CHUNK_LETTERS) {
            close_chunk(m, &a, flags, d);
            sentence_start = 1;
        }
        i += cl;
    }
    close_chunk(m, &a, flags, d);
}

int cyb__langid_detect(const cyb__langid *m, const char *utf8, size_t len,
                       unsigned flags, double *confidence)
{
    doc_acc d;
    memset(&d, 0, sizeof d);
    if (confidence) *confidence = 0;
    if (!m || !utf8) return CYB_LANG_UND;
    const unsigned char *s = (const unsigned char *)utf8;
    if (len <= SAMPLE_ABOVE) {
        scan(m, s, len, flags, &d);
    } else {
        /* Bounded work for long documents: evenly spread windows, each
         * moved forward to the next space so no word is cut in two. */
        for (int k = 0; k < SAMPLE_WINDOWS; k++) {
            size_t start = (size_t)((double)(len - SAMPLE_WINDOW) * k / (SAMPLE_WINDOWS - 1));
            size_t stop = start + SAMPLE_WINDOW;
            size_t lim = start + 64;
            while (start < lim && s[start] != ' ' && s[start] != '\n') start++;
            lim = stop + 64 < len ? stop + 64 : len;
            while (stop < lim && s[stop] != ' ' && s[stop] != '\n') stop++;
            scan(m, s + start, stop - start, flags, &d);
        }
    }
    if (d.letters <= 0) return CYB_LANG_UND;
    int g = 0;
    for (int k = 1; k < 3; k++)
        if (d.weight[k] > d.weight[g]) g = k;
    if (confidence) *confidence = d.weight[g] / d.letters;
    return g == 0 ? CYB_LANG_FR : g == 1 ? CYB_LANG_EN : CYB_LANG_UND;
}
