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
 * Speed (same scores as feature-by-feature scoring, see the comments below):
 * - per-byte class table with a tight loop for runs of lower-case ASCII
 *   letters; letters kept as lower-cased code points: no re-lowercasing,
 *   n-gram keys are the packed code points (no byte hash);
 * - a known word (whole-word row, or a derived row for words of one or two
 *   letters) is one probe, first in a small cache-resident table of the most
 *   frequent words; its slot is prefetched while the next word is read;
 * - unknown words fall back to n-gram probes in one table per order, and
 *   stop extending at a position once an n-gram is unknown (the model is
 *   prefix-closed);
 * - a document stops being read once its answer cannot change (the rest of
 *   the text is too short to overturn the leader);
 * - texts over SPREAD_ABOVE bytes are read in 8 windows in spread order and
 *   stop once a spread sample of DECISIVE_LETTERS letters gives one answer
 *   DECISIVE_SHARE of the weight; over SAMPLE_ABOVE bytes only
 *   SAMPLE_WINDOWS windows of SAMPLE_WINDOW bytes are read at most, so a
 *   call costs at most about 64 KiB of work whatever the length. */
#include "langid.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define MAX_LANGS 16
#define MAX_WORD_CHARS 32   /* longer words are cut (URLs, hashes): same in build_model.py */
#define MAX_WHOLE_WORD 20   /* whole-word feature only up to this many letters */
#define CHUNK_LETTERS 30    /* a chunk closes at a sentence end once it has this many letters */
#define NAME_DIVISOR 8      /* names count 1/8 with CYB_LANGID_NAMES_DONT_VOTE */
#define MIN_PLAIN_LETTERS 6 /* ...if the chunk has at least this many letters outside names */
#define SAMPLE_ABOVE 65536
#define SAMPLE_WINDOWS 16
#define SAMPLE_WINDOW 4096
#define SPREAD_ABOVE 1024   /* longer texts are read in spread windows */
#define DECISIVE_LETTERS 256 /* a spread sample of this many letters... */
#define DECISIVE_SHARE 0.9  /* ...with this share for one answer decides */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif
#define HOT_SLOTS 8192      /* cache-resident table of the most frequent words */
#define HOT_WORDS 2600      /* ...holding at most this many words of the file */
#define HOT_SHORT 400       /* ...and of the derived short words (load <= 0.37: a word */
                            /* it lacks, a name, is known absent after 2 probes, not 7) */

struct cyb__langid {
    int nlang;
    int code[MAX_LANGS];         /* CYB_LANG_FR / _EN, or _UND for the others */
    int prior[MAX_LANGS];        /* cost units */
    double scale;                /* cost units per nat */
    int min_letters;
    double min_coverage;
    double temperature;
    size_t nrows;
    int lanes;                   /* cost bytes per slot: nlang rounded up to 8 */
    int stride;                  /* uint64_t per slot: key, then lanes cost bytes */
    /* n-grams (1 to 4 characters): the key is the n-gram itself, its code
     * points (all below 0x10000) packed 16 bits each, so no hashing of bytes
     * and no false match; 0 = empty slot. */
    uint64_t *gslot[4];          /* one table per order (1 to 4 characters): */
    size_t gmask[4];             /* the small low-order tables stay in cache */
    int gshift[4];
    /* Whole words (" word ", 3 to 20 letters): key = 64-bit hash of the
     * code points (never 0).  Their rows hold the summed costs of all the
     * word's features, so a known word costs one probe instead of about
     * four per character. */
    uint64_t *wslot;
    size_t wmask;
    /* The most frequent words (the first HOT_WORDS word rows of the file,
     * which build_model.py writes most frequent first, and the derived
     * one- and two-letter words) also go into this small table, which stays
     * in the CPU cache: most words of a text are found there. */
    uint64_t *hslot;
    size_t hmask, nhot;
};

/* ---------------------------------------------------------------- hashing */

#define GOLDEN 0x9e3779b97f4a7c15ULL
#define WORD_BASIS 1469598103934665603ULL
#define WORD_PRIME 1099511628211ULL

/* Mix the word hash before using its low bits as an index. */
static inline uint64_t finish(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h | 1;                /* 0 marks an empty slot */
}

static inline uint64_t word_step(uint64_t h, uint32_t cp)
{
    return (h ^ cp) * WORD_PRIME;
}

/* Slot of key in an open-addressing table (linear probing), or NULL. */
static inline const unsigned char *probe(const uint64_t *slot, size_t mask, int stride,
                                         size_t i, uint64_t key)
{
    for (;; i = (i + 1) & mask) {
        const uint64_t *s = slot + i * (size_t)stride;
        if (s[0] == key) return (const unsigned char *)(s + 1);
        if (s[0] == 0) return NULL;
    }
}

static inline const unsigned char *gram_lookup(const cyb__langid *m, int order, uint64_t key)
{
    int o = order - 1;
    return probe(m->gslot[o], m->gmask[o], m->stride, (size_t)((key * GOLDEN) >> m->gshift[o]), key);
}

static inline const unsigned char *word_lookup(const cyb__langid *m, uint64_t h)
{
    const unsigned char *c = probe(m->hslot, m->hmask, m->stride, (size_t)h & m->hmask, h);
    return c ? c : probe(m->wslot, m->wmask, m->stride, (size_t)h & m->wmask, h);
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
    const char *s = *p, *t = memchr(s, '\t', (size_t)(end - s));
    if (!t) t = end;
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

/* A feature of the model file: is it a whole word (3+ characters between
 * its pads, so 5+ bytes)?  N-grams have at most 4 characters. */
static int is_word(const char *f, size_t n)
{
    return n >= 5 && f[0] == ' ' && f[n - 1] == ' ' && (n > 12 || utf8_len(f, n) >= 5);
}

/* Decode the UTF-8 of a model feature into code points (at most cap);
 * returns their count, or -1 if invalid, above U+FFFF or too long. */
static int decode_feature(const unsigned char *s, size_t n, uint32_t *cp, int cap)
{
    int k = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        uint32_t v;
        if (c < 0x80) v = c, i += 1;
        else if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80)
            v = (c & 0x1F) << 6 | (s[i + 1] & 0x3F), i += 2;
        else if (c >= 0xE0 && c <= 0xEF && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
                 (s[i + 2] & 0xC0) == 0x80)
            v = (c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F), i += 3;
        else return -1;
        if (v == 0 || k == cap) return -1;
        cp[k++] = v;
    }
    return k;
}

static size_t table_size(size_t rows)
{
    size_t cap = 1024;
    while (cap < rows + rows / 2) cap *= 2;   /* load factor <= 2/3 */
    return cap;
}

/* Insert key with its costs; 0 if the key is already there. */
static int insert(uint64_t *slot, size_t mask, int stride, size_t i, uint64_t key,
                  const unsigned char *cost, int nlang)
{
    for (;; i = (i + 1) & mask) {
        uint64_t *s = slot + i * (size_t)stride;
        if (s[0] == key) return 0;
        if (s[0] == 0) {
            s[0] = key;
            memcpy(s + 1, cost, (size_t)nlang);
            return 1;
        }
    }
}

static void ngram_costs(const cyb__langid *m, const uint32_t *w, int nch,
                        uint32_t *acc, unsigned *feats, unsigned *found);

/* Insert a word row (key h = its finished hash); the first HOT_WORDS also
 * go into the hot table.  0 if the word is already there. */
static int insert_word(cyb__langid *m, uint64_t h, const unsigned char *row, size_t hot_limit)
{
    if (!insert(m->wslot, m->wmask, m->stride, (size_t)h & m->wmask, h, row, m->nlang)) return 0;
    if (m->nhot < hot_limit) {
        insert(m->hslot, m->hmask, m->stride, (size_t)h & m->hmask, h, row, m->nlang);
        m->nhot++;
    }
    return 1;
}

/* Words of one or two letters (" l ", " de ") have no whole-word row in the
 * file, but they are a third of French words: give each one whose n-grams of
 * 3+ characters are all known a derived word-table row with the sum of all
 * its n-gram costs, so it costs one probe instead of up to eight.  Scores
 * are unchanged: the row is the exact sum, made relative to the best
 * language (the same shift for every language); a word whose sum would not
 * fit in a byte keeps the n-gram path. */
static void add_short_words(cyb__langid *m)
{
    for (int o = 2; o < 4; o++)                           /* " x " 3-grams, " xy " 4-grams */
    for (size_t i = 0; i <= m->gmask[o]; i++) {
        uint64_t key = m->gslot[o][i * (size_t)m->stride];
        uint32_t w[2];
        int nch;
        if ((key & 0xFFFF) != ' ') continue;
        if (key >> 16 >= 1u << 16 && key >> 16 < 1ull << 32 && (key >> 32) == ' ' &&
            ((key >> 16) & 0xFFFF) != ' ')
            nch = 1, w[0] = (uint32_t)(key >> 16 & 0xFFFF);                 /* " x " */
        else if (key >> 48 == ' ' && ((key >> 32) & 0xFFFF) != ' ' && ((key >> 16) & 0xFFFF) != ' ')
            nch = 2, w[0] = (uint32_t)(key >> 32 & 0xFFFF), w[1] = (uint32_t)(key >> 16 & 0xFFFF);
        else continue;
        if (w[0] == 0 || (nch == 2 && w[1] == 0)) continue;
        uint32_t acc[MAX_LANGS] = {0};
        unsigned feats = 0, found = 0;
        ngram_costs(m, w, nch, acc, &feats, &found);
        if (found != feats) continue;
        uint32_t lo = acc[0];
        for (int l = 1; l < m->nlang; l++) if (acc[l] < lo) lo = acc[l];
        unsigned char row[MAX_LANGS];
        int fits = 1;
        for (int l = 0; l < m->nlang; l++) {
            if (acc[l] - lo > 255) fits = 0;
            row[l] = (unsigned char)(acc[l] - lo);
        }
        if (!fits) continue;
        uint64_t h = WORD_BASIS;
        for (int j = 0; j < nch; j++) h = word_step(h, w[j]);
        h = finish(h);
        insert_word(m, h, row, HOT_WORDS + HOT_SHORT);
    }
}

#define LOAD_QUEUE 16
typedef struct {
    uint64_t key;
    size_t home, line;
    int table;                   /* 0-3: n-gram order - 1, 4: words */
    unsigned char row[MAX_LANGS];
} pending;

static int insert_pending(cyb__langid *m, const pending *p)
{
    if (p->table == 4) {
        if (!insert(m->wslot, m->wmask, m->stride, p->home, p->key, p->row, m->nlang)) return 0;
        if (m->nhot < HOT_WORDS) {
            insert(m->hslot, m->hmask, m->stride, (size_t)p->key & m->hmask, p->key, p->row, m->nlang);
            m->nhot++;
        }
        return 1;
    }
    return insert(m->gslot[p->table], m->gmask[p->table], m->stride, p->home, p->key, p->row,
                  m->nlang);
}

cyb__langid *cyb__langid_new(const char *data, size_t len, char *errbuf, size_t errcap)
{
    pending queue[LOAD_QUEUE];
    size_t qhead = 0, qtail = 0;
    if (errbuf && errcap) errbuf[0] = 0;
    if (!data && len) {
        set_err(errbuf, errcap, 0, "no data");
        return NULL;
    }
    /* First pass: count the rows of each kind, to size the tables. */
    size_t nwords = 0, ngrams[4] = {0, 0, 0, 0}, nshort = 0;
    for (const char *p = data, *end = data + len; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        if (eol > p && *p != '#' && *p != '!') {
            const char *t = memchr(p, '\t', (size_t)(eol - p));
            size_t fn = (size_t)((t ? t : eol) - p);
            if (is_word(p, fn)) nwords++;
            else if (fn <= 12) {
                size_t o = utf8_len(p, fn);
                if (o >= 1 && o <= 4) ngrams[o - 1]++;
                nshort += fn >= 3 && p[0] == ' ' && p[fn - 1] == ' ';
            }
        }
        p = eol + 1;
    }

    cyb__langid *m = calloc(1, sizeof *m);
    if (!m) goto oom;
    m->scale = 1;
    m->min_letters = 3;
    m->min_coverage = 0;
    m->temperature = 1;

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
                m->lanes = m->nlang <= 8 ? 8 : 16;
                m->stride = 1 + m->lanes / 8;
                size_t wcap = table_size(nwords + nshort);
                for (int o = 0; o < 4; o++) {
                    size_t gcap = table_size(ngrams[o]);
                    m->gslot[o] = calloc(gcap * (size_t)m->stride, sizeof *m->gslot[o]);
                    if (!m->gslot[o]) goto oom;
                    m->gmask[o] = gcap - 1;
                    m->gshift[o] = 64;
                    for (size_t c = gcap; c > 1; c >>= 1) m->gshift[o]--;
                }
                m->wslot = calloc(wcap * (size_t)m->stride, sizeof *m->wslot);
                m->hslot = calloc(HOT_SLOTS * (size_t)m->stride, sizeof *m->hslot);
                if (!m->wslot || !m->hslot) goto oom;
                m->hmask = HOT_SLOTS - 1;
                m->wmask = wcap - 1;
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
        unsigned char row[MAX_LANGS];
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
        uint32_t cp[MAX_WORD_CHARS + 2];
        int k = decode_feature((const unsigned char *)f, n, cp, MAX_WORD_CHARS + 2);
        if (k < 0) {
            set_err(errbuf, errcap, line, "bad feature (invalid UTF-8 or too long)");
            goto fail;
        }
        /* Rows wait in a small queue with their home slot prefetched, so
         * that the (uncached) inserts of several rows overlap; rows are
         * inserted in file order all the same. */
        pending *pq = &queue[qtail % LOAD_QUEUE];
        if (qtail - qhead == LOAD_QUEUE) {
            if (!insert_pending(m, &queue[qhead % LOAD_QUEUE])) {
                line = queue[qhead % LOAD_QUEUE].line;
                set_err(errbuf, errcap, line, "duplicate feature");
                goto fail;
            }
            qhead++;
        }
        pq->line = line;
        memcpy(pq->row, row, sizeof row);
        if (is_word(f, n)) {
            uint64_t h = WORD_BASIS;
            for (int j = 1; j < k - 1; j++) h = word_step(h, cp[j]);
            pq->key = finish(h);
            pq->table = 4;
            pq->home = (size_t)pq->key & m->wmask;
            PREFETCH(m->wslot + pq->home * (size_t)m->stride);
            qtail++;
        } else if (k <= 4) {
            uint64_t key = 0;
            for (int j = 0; j < k; j++) key = key << 16 | cp[j];
            int o = k - 1;
            pq->key = key;
            pq->table = o;
            pq->home = (size_t)((key * GOLDEN) >> m->gshift[o]);
            PREFETCH(m->gslot[o] + pq->home * (size_t)m->stride);
            qtail++;
        } /* else: an n-gram of 5+ characters is never looked up */
        m->nrows++;
    }
    for (; qhead < qtail; qhead++) {
        if (!insert_pending(m, &queue[qhead % LOAD_QUEUE])) {
            line = queue[qhead % LOAD_QUEUE].line;
            set_err(errbuf, errcap, line, "duplicate feature");
            goto fail;
        }
    }
    if (!have_version || !m->nlang) {
        set_err(errbuf, errcap, line, "missing !version or !langs header");
        goto fail;
    }
    if (m->nrows == 0) {
        set_err(errbuf, errcap, line, "no features");
        goto fail;
    }
    add_short_words(m);
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
    for (int o = 0; o < 4; o++) free(m->gslot[o]);
    free(m->wslot);
    free(m->hslot);
    free(m);
}

/* ----------------------------------------------------------- tokenisation */

enum { K_SEP = 0, K_LOWER = 1, K_UPPER = 2, K_UNCASED = 3 };

/* Byte classes: the low bits are the kind of an ASCII byte (K_SEP, K_LOWER,
 * K_UPPER) or B_HIGH for a byte >= 0x80 (decoded by classify_high());
 * the flags mark the ASCII separators that open a sentence (names rule) or
 * may end a chunk. */
enum { B_KIND = 3, B_HIGH = 3, B_OPENS = 4, B_ENDS = 8 };

static const unsigned char *byte_class(void)
{
#define L1 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
#define U1 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2
#define H8 3, 3, 3, 3, 3, 3, 3, 3
#define H64 H8, H8, H8, H8, H8, H8, H8, H8
    static const unsigned char t[256] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12, 0, 0, 0, 0, 0,          /* \n: opens + ends */
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 12, 4, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 12, 0,         /* ! " ( . */
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 12,          /* : ? */
        0, U1, U1, 4, 0, 0, 0, 0,                                 /* @ A-Z [ */
        0, L1, L1, 0, 0, 0, 0, 0,                                 /* ` a-z */
        H64, H64};
#undef L1
#undef U1
#undef H8
#undef H64
    return t;
}

/* Classify the character at s[0..n) whose first byte is >= 0x80: returns
 * its length in bytes and sets *kind; for letters, sets *cp to the
 * lower-cased code point.  Invalid UTF-8 is a one-byte separator.
 * Must stay in step with norm_char() in tools/langid/build_model.py. */
static size_t classify_high(const unsigned char *s, size_t n, int *kind, uint32_t *cp)
{
    unsigned c = s[0];
    *kind = K_SEP;
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || (s[1] & 0xC0) != 0x80) return 1;
        unsigned v = (c & 0x1F) << 6 | (s[1] & 0x3F);
        if (v < 0xC0 || v == 0xD7 || v == 0xF7) return 2;     /* Latin-1 symbols */
        *kind = K_LOWER;
        if (v <= 0xDE) *kind = K_UPPER, v += 0x20;
        else if (v == 0x152) *kind = K_UPPER, v = 0x153;      /* Œ */
        else if (v == 0x178) *kind = K_UPPER, v = 0xFF;       /* Ÿ */
        else if (v > 0xFF && v != 0x153) *kind = K_UNCASED;   /* case of other scripts is not tracked */
        *cp = v;
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 1;
        unsigned v = (c & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
        if (v < 0x800) return 1;                          /* overlong */
        if ((v >= 0x2000 && v <= 0x2FFF) || (v >= 0x3000 && v <= 0x303F) ||
            v == 0xFEFF || (v >= 0xD800 && v <= 0xDFFF))
            return 3;                                     /* punctuation, symbols */
        *kind = K_UNCASED;
        *cp = v;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4 && n >= 4 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
        return 4;                                         /* emoji and the like */
    return 1;
}

/* Does this non-ASCII separator open a sentence (for the names rule)? */
static int high_opens_sentence(const unsigned char *s, size_t n)
{
    if (s[0] == 0xC2) return n >= 2 && s[1] == 0xAB;     /* « */
    if (s[0] == 0xE2)                                     /* – — “ • */
        return n >= 3 && s[1] == 0x80 &&
               (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x9C || s[2] == 0xA2);
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
    /* cyb__langid_sentence_is(): the first chunk waits in `first` undecided
     * (held) while it may stay the only one, whose leader alone may settle
     * the question without the probabilities */
    int lazy, held;
    chunk_acc first;
} doc_acc;

static inline void add_costs(uint32_t *acc, const unsigned char *c, int lanes)
{
#ifdef __SSE2__
    if (lanes == 8) {
        const __m128i z = _mm_setzero_si128();
        __m128i v = _mm_unpacklo_epi8(_mm_loadl_epi64((const __m128i *)(const void *)c), z);
        __m128i *a = (__m128i *)(void *)acc;
        _mm_storeu_si128(a, _mm_add_epi32(_mm_loadu_si128(a), _mm_unpacklo_epi16(v, z)));
        _mm_storeu_si128(a + 1, _mm_add_epi32(_mm_loadu_si128(a + 1), _mm_unpackhi_epi16(v, z)));
        return;
    }
#endif
    if (lanes == 8) {
        for (int l = 0; l < 8; l++) acc[l] += c[l];
    } else {
        for (int l = 0; l < 16; l++) acc[l] += c[l];
    }
}

/* Add the costs of every n-gram of one word (code points w[0..nch)) to acc;
 * count its features of 3 characters and more (*feats) and how many of them
 * the model knows (*found). */
static void ngram_costs(const cyb__langid *m, const uint32_t *w, int nch,
                        uint32_t *acc, unsigned *feats, unsigned *found)
{
    /* The model is prefix-closed (build_model.py keeps an n-gram only if
     * its prefix one character shorter is kept), so once an n-gram is
     * unknown its longer extensions are too: they are counted as unknown
     * 3+-grams without a probe.  Unknown words (names, typos, OCR noise)
     * cost far fewer probes this way. */
    uint32_t p[MAX_WORD_CHARS + 2];   /* padded word: ' ' w ' ' */
    int np = nch + 2, lanes = m->lanes;
    p[0] = ' ';
    memcpy(p + 1, w, (size_t)nch * sizeof *w);
    p[np - 1] = ' ';
    for (int i = 0; i < np; i++) {
        uint64_t key = 0;
        int last = i + 4 < np ? i + 4 : np;
        for (int j = i; j < last; j++) {
            key = key << 16 | p[j];
            if (key == ' ') continue;                     /* lone pad */
            int o = j - i;
            const unsigned char *c = gram_lookup(m, o + 1, key);
            if (!c) {
                /* this one and the longer ones at i: the 3+-grams unknown */
                int from = j > i + 2 ? j : i + 2;
                if (last > from) *feats += (unsigned)(last - from);
                break;
            }
            if (o >= 2) (*feats)++, (*found)++;
            add_costs(acc, c, lanes);
        }
    }
}

/* Two ways a set, the most recently used first, 8192 sets by the word's
 * hash (2.4 MB a tagger): on news text direct-mapped slots pushed each
 * other out, and a word computed again costs ~1,300 instructions. */
#define MEMO_SETS 8192
#define MEMO_CHARS 16   /* longer words are not kept */
struct memo_slot {
    uint64_t h;
    int nch; /* 0: empty */
    unsigned feats, found;
    uint32_t w[MEMO_CHARS];
    uint32_t cost[MAX_LANGS]; /* what ngram_costs() adds to acc[0..lanes) */
};
struct cyb__langid_memo {
    struct memo_slot slot[MEMO_SETS][2];
};

cyb__langid_memo *cyb__langid_memo_new(void) { return calloc(1, sizeof(cyb__langid_memo)); }

void cyb__langid_memo_free(cyb__langid_memo *memo) { free(memo); }

static inline int memo_holds(const struct memo_slot *ms, const uint32_t *w, int nch, uint64_t h)
{
    return ms->nch == nch && ms->h == h && memcmp(ms->w, w, (size_t)nch * sizeof *w) == 0;
}

/* ngram_costs() of a word through the memo: the sums it adds are the same
 * whether added n-gram by n-gram or at once. */
static void memo_costs(const cyb__langid *m, cyb__langid_memo *memo, const uint32_t *w, int nch, uint64_t h,
                       uint32_t *acc, unsigned *feats, unsigned *found)
{
    struct memo_slot *set = memo->slot[h & (MEMO_SETS - 1)], *ms = &set[0];
    if (!memo_holds(ms, w, nch, h)) {
        struct memo_slot t = set[1];
        set[1] = set[0]; /* the first way goes second (either a hit's or the newest's place) */
        if (memo_holds(&t, w, nch, h)) {
            set[0] = t;
        } else {
            memset(ms->cost, 0, sizeof ms->cost);
            ms->feats = ms->found = 0;
            ngram_costs(m, w, nch, ms->cost, &ms->feats, &ms->found);
            ms->h = h;
            ms->nch = nch;
            memcpy(ms->w, w, (size_t)nch * sizeof *w);
        }
    }
#ifdef __SSE2__
    for (int l = 0; l < m->lanes; l += 4) { /* lanes: 8 or 16 */
        __m128i *a = (__m128i *)(void *)(acc + l);
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(ms->cost + l));
        _mm_storeu_si128(a, _mm_add_epi32(_mm_loadu_si128(a), v));
    }
#else
    for (int l = 0; l < m->lanes; l++) acc[l] += ms->cost[l];
#endif
    *feats += ms->feats;
    *found += ms->found;
}

/* Score one word: code points w[0..nch), h = its finished word hash. */
static inline void score_word(const cyb__langid *m, cyb__langid_memo *memo, const uint32_t *w, int nch,
                              uint64_t h, int name, chunk_acc *a)
{
    uint32_t *acc = name ? a->names : a->plain;
    const unsigned char *c = nch <= MAX_WHOLE_WORD ? word_lookup(m, h) : NULL;
    if (c) {
        /* a known word counts as fully covered: nch features for the file's
         * words, the 3+-grams for the derived short ones (add_short_words) */
        unsigned k = nch >= 3 ? (unsigned)nch : nch == 2 ? 3 : 1;
        add_costs(acc, c, m->lanes);
        a->long_feats += k;
        a->long_found += k;
    } else if (memo && nch <= MEMO_CHARS) {
        memo_costs(m, memo, w, nch, h, acc, &a->long_feats, &a->long_found);
    } else {
        ngram_costs(m, w, nch, acc, &a->long_feats, &a->long_found);
    }
    if (name) a->name_letters += (unsigned)nch;
    else a->plain_letters += (unsigned)nch;
}

/* Decide a chunk: returns 0 = fr, 1 = en, 2 = other, -1 = too little
 * evidence; *conf = probability of the answer. With want >= 0, an answer
 * other than want comes back without its probability (*conf 0). */
static int decide(const cyb__langid *m, const chunk_acc *a, unsigned flags, int want, double *conf)
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
    /* The totals in integers, NAME_DIVISOR times the cost when names are
     * quiet: plain + names / NAME_DIVISOR + prior is exact in a double, so
     * the order (and the leader of a tie, the first) is the same, and most
     * calls (want another group) end without a floating-point operation. */
    int64_t it[MAX_LANGS];
    int best = 0;
    for (int l = 0; l < nl; l++) {
        it[l] = quiet ? ((int64_t)a->plain[l] + m->prior[l]) * NAME_DIVISOR + a->names[l]
                      : (int64_t)a->plain[l] + a->names[l] + m->prior[l];
        if (it[l] < it[best]) best = l;
    }
    int g = m->code[best] == CYB_LANG_FR ? 0 : m->code[best] == CYB_LANG_EN ? 1 : 2;
    if (want >= 0 && g != want) return g;
    for (int l = 0; l < nl; l++) tot[l] = quiet ? (double)it[l] / NAME_DIVISOR : (double)it[l];
    /* probabilities of fr / en / other from the tempered costs; languages
     * more than 40 nats (tempered) behind weigh nothing, which saves exp() */
    double p[3] = {0, 0, 0}, z = 0, k = m->temperature / m->scale;
    for (int l = 0; l < nl; l++) {
        double x = (tot[l] - tot[best]) * k;
        if (x > 40) continue;
        double e = x == 0 ? 1.0 : exp(-x); /* the leader (and a tie): exp(-0) is exactly 1 */
        int lg = m->code[l] == CYB_LANG_FR ? 0 : m->code[l] == CYB_LANG_EN ? 1 : 2;
        p[lg] += e;
        z += e;
    }
    *conf = p[g] / z;
    return g;
}

/* Add a chunk's vote to the document's answer. */
static void add_chunk(const cyb__langid *m, const chunk_acc *a, unsigned flags, doc_acc *d)
{
    double conf;
    int g = decide(m, a, flags, -1, &conf);
    if (g >= 0) {
        double letters = (double)(a->plain_letters + a->name_letters);
        d->weight[g] += letters * conf;
        d->letters += letters;
    }
}

/* Close a chunk; `rest` bounds the letters still to read (decided() is
 * asked next; SIZE_MAX at the end of the text). In lazy mode the first
 * chunk with a vote is held when holding it changes nothing: no chunk
 * voted before it and decided() would find nothing settled after it
 * (letters <= rest). A chunk of too few letters has no vote (decide()
 * gives -1) and leaves the held one waiting. The caller empties `a` when
 * it reads on (not after the text's last chunk). */
static void close_chunk(const cyb__langid *m, const chunk_acc *a, unsigned flags, doc_acc *d, size_t rest)
{
    unsigned letters = a->plain_letters + a->name_letters;
    if (d->lazy && letters >= (unsigned)m->min_letters) {
        if (d->held) {
            add_chunk(m, &d->first, flags, d); /* votes in text order, as without the wait */
            d->held = 0;
        } else if (d->letters == 0 && letters <= rest) {
            d->first = *a;
            d->held = 1;
            return;
        }
    }
    add_chunk(m, a, flags, d);
}

/* Is the document's answer already certain?  The rest of the text has at
 * most `rest` letters (a letter takes at least one byte), and a chunk adds
 * at most its letter count to one language's weight: once the leader is
 * ahead of every other group by more than that, nothing can change the
 * answer, so the scan stops (exact, not a guess). */
static int decided(const doc_acc *d, size_t rest)
{
    if (d->letters <= (double)rest) return 0;             /* cheap common case */
    const double *w = d->weight;
    int g = w[1] > w[0] ? 1 : 0;
    if (w[2] > w[g]) g = 2;
    for (int k = 0; k < 3; k++)
        if (k != g && !(w[g] > w[k] + (double)rest)) return 0;
    return 1;
}

/* Run the text s[0..n) through the scorer, adding its chunks to d; `after`
 * is how many bytes other calls will still scan.  Returns 1 if the
 * document's answer became certain (see decided()) and the caller can stop. */
static int scan(const cyb__langid *m, cyb__langid_memo *memo, const unsigned char *s, size_t n, unsigned flags,
                doc_acc *d, size_t after)
{
    const unsigned char *bc = byte_class();
    chunk_acc a;
    /* A finished word waits in the other buffer until the next word is
     * read: its table slots are prefetched meanwhile, so the (often
     * uncached) lookup overlaps the tokenisation of the next word. */
    uint32_t wbuf[2][MAX_WORD_CHARS];
    uint32_t *w = wbuf[0];
    uint64_t h = WORD_BASIS, ph = 0;
    int nch = 0, ncased = 0, nupper = 0, first_upper = 0;
    int pnch = 0, pname = 0, cur = 0;
    int sentence_start = 1;
    memset(&a, 0, sizeof a);
    size_t i = 0;
#define FLUSH_PENDING() \
    do { \
        if (pnch) score_word(m, memo, wbuf[cur ^ 1], pnch, ph, pname, &a), pnch = 0; \
    } while (0)
    for (;;) {
        int kind, opens = 0, ends = 0;
        uint32_t cp = 0;
        size_t cl = 1;
        if (i < n) {
            unsigned c = s[i], b = bc[c];
            kind = (int)(b & B_KIND);
            if (kind == K_LOWER || kind == K_UPPER) {
                cp = c | 0x20;
            } else if (kind == B_HIGH) {
                cl = classify_high(s + i, n - i, &kind, &cp);
                if (kind == K_SEP) opens = high_opens_sentence(s + i, n - i);
            } else {
                opens = b & B_OPENS;
                /* a chunk ends at a line break, or at . ! ? before a space,
                 * a line break or the end of the text */
                if (b & B_ENDS)
                    ends = c == '\n' || i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == '\n';
            }
            if (kind != K_SEP) {
                if (nch == 0) first_upper = kind == K_UPPER;
                nupper += kind == K_UPPER;
                ncased += kind != K_UNCASED;
                if (nch < MAX_WORD_CHARS) {
                    w[nch++] = cp;
                    h = word_step(h, cp);
                }
                i += cl;
                /* fast path: the ASCII letters that follow (upper-case ones
                 * too: a word in capitals is a name), counted at the end */
                if (nch < MAX_WORD_CHARS) {
                    const unsigned char *p = s + i;
                    uint32_t *wp = w + nch;
                    size_t lim = n - i, j = 0;
                    if (lim > (size_t)(MAX_WORD_CHARS - nch)) lim = (size_t)(MAX_WORD_CHARS - nch);
                    unsigned low = 0; /* 0x20 a lower-case letter */
                    for (; j < lim; j++) {
                        uint32_t x = p[j], lc = x | 0x20u;
                        if (lc - 'a' >= 26u) break;
                        low += x & 0x20u;
                        wp[j] = lc;
                        h = word_step(h, lc);
                    }
                    nch += (int)j, ncased += (int)j, nupper += (int)(j - low / 0x20u);
                    i += j;
                }
                continue;
            }
        }
        /* separator (or end of text): the word just read becomes the
         * pending one, the previous pending word is scored */
        if (nch) {
            int allcaps = ncased >= 2 && nupper == ncased;
            int name = allcaps || (first_upper && !sentence_start);
            FLUSH_PENDING();
            ph = finish(h);
            if (nch <= MAX_WHOLE_WORD) {
                PREFETCH(m->hslot + ((size_t)ph & m->hmask) * (size_t)m->stride);
                PREFETCH(m->wslot + ((size_t)ph & m->wmask) * (size_t)m->stride);
            }
            pnch = nch, pname = name;
            cur ^= 1;
            w = wbuf[cur];
            nch = ncased = nupper = 0;
            h = WORD_BASIS;
            sentence_start = 0;
        }
        if (i >= n) break;
        if (opens) sentence_start = 1;
        if (ends) {
            FLUSH_PENDING();
            if (a.plain_letters + a.name_letters >= CHUNK_LETTERS) {
                close_chunk(m, &a, flags, d, n - i + after);
                memset(&a, 0, sizeof a);
                sentence_start = 1;
                if (decided(d, n - i + after)) return 1;
            }
        }
        i += cl;
        /* the separators that neither open nor end anything (spaces,
         * digits, commas) change nothing while no word is open */
        while (i < n && bc[s[i]] == 0) i++;
    }
    FLUSH_PENDING();
#undef FLUSH_PENDING
    close_chunk(m, &a, flags, d, SIZE_MAX);
    return 0;
}

/* Has the document answer been decisive on a spread sample?  At least
 * DECISIVE_LETTERS letters read, from two windows or more at different
 * places of the text, and the leader holds DECISIVE_SHARE of them
 * (weighted by confidence). */
static int decisive(const doc_acc *d)
{
    if (d->letters < DECISIVE_LETTERS) return 0;
    double top = d->weight[0] > d->weight[1] ? d->weight[0] : d->weight[1];
    if (d->weight[2] > top) top = d->weight[2];
    return top >= DECISIVE_SHARE * d->letters;
}

/* Move a window edge forward to the next space or line break (at most 64
 * bytes on) so that no word is cut in two. */
static size_t edge(const unsigned char *s, size_t len, size_t at)
{
    size_t lim = at + 64 < len ? at + 64 : len;
    while (at < lim && s[at] != ' ' && s[at] != '\n') at++;
    return at;
}

/* The language whose letters weigh most, and their share (*confidence). */
static int answer(const doc_acc *d, double *confidence)
{
    if (d->letters <= 0) return CYB_LANG_UND;
    int g = 0;
    for (int k = 1; k < 3; k++)
        if (d->weight[k] > d->weight[g]) g = k;
    if (confidence) *confidence = d->weight[g] / d->letters;
    return g == 0 ? CYB_LANG_FR : g == 1 ? CYB_LANG_EN : CYB_LANG_UND;
}

int cyb__langid_detect(const cyb__langid *m, const char *utf8, size_t len,
                       unsigned flags, double *confidence)
{
    return cyb__langid_detect_memo(m, NULL, utf8, len, flags, confidence);
}

int cyb__langid_detect_memo(const cyb__langid *m, cyb__langid_memo *memo, const char *utf8, size_t len,
                            unsigned flags, double *confidence)
{
    doc_acc d;
    memset(&d, 0, sizeof d);
    if (confidence) *confidence = 0;
    if (!m || !utf8) return CYB_LANG_UND;
    const unsigned char *s = (const unsigned char *)utf8;
    if (len <= SPREAD_ABOVE) {
        scan(m, memo, s, len, flags, &d, 0); /* sentences, short documents */
    } else {
        /* Windows: up to 64 KiB, the whole text cut in 8 parts; above,
         * SAMPLE_WINDOWS windows of SAMPLE_WINDOW bytes spread evenly
         * (bounded work).  They are read in bit-reversed order (first,
         * middle, quarters, ...) so that any prefix of the reading order is
         * spread over the text, and reading stops as soon as the answer is
         * certain (decided()) or decisive on that spread sample. */
        size_t start[SAMPLE_WINDOWS], stop[SAMPLE_WINDOWS];
        int nw, bits;
        if (len <= SAMPLE_ABOVE) {
            nw = 8;
            size_t prev = 0;
            for (int k = 0; k < nw; k++) {
                size_t e = k == nw - 1 ? len : edge(s, len, len / (size_t)nw * (size_t)(k + 1));
                if (e < prev) e = prev;
                start[k] = prev, stop[k] = e, prev = e;
            }
        } else {
            nw = SAMPLE_WINDOWS;
            for (int k = 0; k < nw; k++) {
                size_t a0 = (size_t)((double)(len - SAMPLE_WINDOW) * k / (SAMPLE_WINDOWS - 1));
                start[k] = edge(s, len, a0);
                stop[k] = edge(s, len, a0 + SAMPLE_WINDOW);
            }
        }
        for (bits = 0; (1 << bits) < nw; bits++) {}
        for (int r = 0; r < nw; r++) {
            int k = 0;
            for (int b = 0; b < bits; b++) k |= ((r >> b) & 1) << (bits - 1 - b);
            size_t after = 0;             /* bytes of the windows still to read */
            for (int r2 = r + 1; r2 < nw; r2++) {
                int k2 = 0;
                for (int b = 0; b < bits; b++) k2 |= ((r2 >> b) & 1) << (bits - 1 - b);
                after += stop[k2] - start[k2];
            }
            if (scan(m, memo, s + start[k], stop[k] - start[k], flags, &d, after)) break;
            if (r >= 1 && decisive(&d)) break;
        }
    }
    return answer(&d, confidence);
}

int cyb__langid_sentence_is(const cyb__langid *m, cyb__langid_memo *memo, const char *utf8, size_t len,
                            unsigned flags, int lang, double min_conf)
{
    double conf = 0;
    if (!m || !utf8 || len > SPREAD_ABOVE)
        return cyb__langid_detect_memo(m, memo, utf8, len, flags, &conf) == lang && conf >= min_conf;
    doc_acc d; /* all but `first`, which is written before it is read (held) */
    d.weight[0] = d.weight[1] = d.weight[2] = d.letters = 0;
    d.lazy = 1;
    d.held = 0;
    scan(m, memo, (const unsigned char *)utf8, len, flags, &d, 0);
    if (d.held) {
        /* the only chunk with a vote: its leader is the answer, and one
         * of another group (the usual case) is a no at once */
        int want = lang == CYB_LANG_FR ? 0 : 1;
        if (decide(m, &d.first, flags, want, &conf) != want) return 0;
        add_chunk(m, &d.first, flags, &d);
    }
    return answer(&d, &conf) == lang && conf >= min_conf;
}
