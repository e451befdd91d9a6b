/* Normalization: a folded copy of the input with a map back to it.
 *
 * Every character is folded on its own: compatibility decomposition (NFKD),
 * full case folding, combining marks dropped, plus our own unifications
 * (apostrophes, dashes, spaces, ligatures). Because accents are removed,
 * composition (NFC) never matters: a decomposed "E + U+0301" and a
 * precomposed "É" both give "e". The folding of every BMP code point is
 * computed once with ICU when the model is compiled; the hot path is a table
 * lookup (and an ASCII fast path), with ICU called only for astral planes. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct cyb__fold {
  uint32_t off[0x10000]; /* into pool */
  uint8_t len[0x10000];
  uint8_t upper[0x10000];
  char *pool;
  size_t pool_len, pool_cap;
};

/* Our unifications, applied before ICU. Returns the replacement or NULL. */
static const char *fold_override(uint32_t cp) {
  switch (cp) {
  case 0x2019: case 0x2018: case 0x02BC: case 0x02BB: case 0x0060:
  case 0x00B4: case 0x2032: case 0x201B: case 0xFF07:
    return "'";
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
  case 0x2015: case 0x2212: case 0xFE63: case 0xFF0D:
    return "-";
  case 0x2028: case 0x2029: case 0x0085:
    return "\n";
  case 0x0153: case 0x0152: return "oe";
  case 0x00E6: case 0x00C6: return "ae";
  case 0x00F8: case 0x00D8: return "o";
  case 0x0111: case 0x0110: return "d";
  case 0x0142: case 0x0141: return "l";
  case 0x0131: return "i";
  case 0x00FE: case 0x00DE: return "th";
  case 0x00F0: case 0x00D0: return "d";
  case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: return "\"";
  default:
    return NULL;
  }
}

/* Fold one code point into out (UTF-8, at most cap bytes). Returns the
 * length, or 0 when the character disappears (format characters, marks). */
static size_t fold_one(uint32_t cp, char *out, size_t cap) {
  const char *o = fold_override(cp);
  if (o) {
    size_t n = strlen(o);
    memcpy(out, o, n);
    return n;
  }
  if (cp == '\n') {
    out[0] = '\n';
    return 1;
  }
  int8_t type = u_charType((UChar32)cp);
  if (type == U_CONTROL_CHAR || type == U_SPACE_SEPARATOR) { /* NUL, tabs, NBSP... */
    out[0] = ' ';
    return 1;
  }
  if (type == U_FORMAT_CHAR || type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK)
    return 0; /* zero-width spaces, soft hyphen, BOM, lone accents */
  if (type == U_DASH_PUNCTUATION) {
    out[0] = '-';
    return 1;
  }
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&st);
  UChar src[2], dec[64], fold[128];
  int32_t srclen = 0;
  U16_APPEND_UNSAFE(src, srclen, (UChar32)cp);
  int32_t declen = U_SUCCESS(st) ? unorm2_normalize(nfkd, src, srclen, dec, 64, &st) : 0;
  if (U_FAILURE(st)) {
    memcpy(dec, src, sizeof(UChar) * (size_t)srclen);
    declen = srclen;
    st = U_ZERO_ERROR;
  }
  int32_t foldlen = u_strFoldCase(fold, 128, dec, declen, U_FOLD_CASE_DEFAULT, &st);
  if (U_FAILURE(st)) return 0;
  size_t n = 0;
  for (int32_t i = 0; i < foldlen;) {
    UChar32 c;
    U16_NEXT(fold, i, foldlen, c);
    int8_t t = u_charType(c);
    if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR) continue;
    char tmp[8];
    const char *ov = fold_override((uint32_t)c);
    size_t k = ov ? strlen(ov) : cyb__utf8_encode((uint32_t)c, tmp);
    if (n + k > cap) break;
    memcpy(out + n, ov ? ov : tmp, k);
    n += k;
  }
  return n;
}

static bool is_upper_cp(uint32_t cp) {
  return u_isupper((UChar32)cp) || u_istitle((UChar32)cp);
}

cyb__fold *cyb__fold_new(cyberner_error **err) {
  cyb__fold *f = calloc(1, sizeof *f);
  if (!f) {
    cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory building the folding table");
    return NULL;
  }
  UErrorCode st = U_ZERO_ERROR;
  unorm2_getNFKDInstance(&st);
  if (U_FAILURE(st)) {
    cyb__fail(err, CYBERNER_EICU, NULL, 0, -1, "ICU NFKD normalizer unavailable: %s",
              u_errorName(st));
    free(f);
    return NULL;
  }
  for (uint32_t cp = 0; cp < 0x10000; cp++) {
    char buf[128];
    size_t n = (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : fold_one(cp, buf, sizeof buf);
    if (n > 255) n = 255;
    if (cyb__grow((void **)&f->pool, &f->pool_cap, f->pool_len + n, 1)) {
      cyb__fold_free(f);
      cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory building the folding table");
      return NULL;
    }
    memcpy(f->pool + f->pool_len, buf, n);
    f->off[cp] = (uint32_t)f->pool_len;
    f->len[cp] = (uint8_t)n;
    f->upper[cp] = is_upper_cp(cp);
    f->pool_len += n;
  }
  return f;
}

void cyb__fold_free(cyb__fold *f) {
  if (!f) return;
  free(f->pool);
  free(f);
}

static int norm_reserve(cyb__norm *nm, size_t extra) {
  size_t need = nm->len + extra + 1;
  if (need <= nm->cap) return 0;
  size_t cap = nm->cap ? nm->cap : 256;
  while (cap < need) cap *= 2;
  char *t = realloc(nm->text, cap);
  if (!t) return CYBERNER_ENOMEM;
  nm->text = t;
  uint32_t *m = realloc(nm->map, cap * sizeof *m);
  if (!m) return CYBERNER_ENOMEM;
  nm->map = m;
  unsigned char *u = realloc(nm->upper, cap);
  if (!u) return CYBERNER_ENOMEM;
  nm->upper = u;
  nm->cap = cap;
  return 0;
}

/* ASCII folding: upper case to lower, controls (NUL, tab, CR) to a space
 * since they separate words, the backquote to the apostrophe. */
static const unsigned char ascii_fold[128] = {
#define R4(b) b, b + 1, b + 2, b + 3
#define R16(b) R4(b), R4(b + 4), R4(b + 8), R4(b + 12)
#define SP4 ' ', ' ', ' ', ' '
    SP4, SP4, ' ', ' ', '\n', SP4, SP4, SP4, SP4, SP4, ' ',
    R16(32), R16(48), '@', R16('a'), R4('q'), R4('u'), 'y', 'z', '[', '\\', ']', '^', '_', '\'',
    R16('a'), R4('q'), R4('u'), 'y', 'z', '{', '|', '}', '~', ' '};
#undef R4
#undef R16
#undef SP4

#ifdef __SSE2__
/* ascii_fold, map and upper for 16 ASCII bytes at s[i] into position o. */
static void fold_ascii16(const unsigned char *s, size_t i, cyb__norm *nm, size_t o) {
  __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
  __m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
  __m128i r = _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
  __m128i ctl = _mm_or_si128(_mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))),
                             _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
  r = _mm_or_si128(_mm_andnot_si128(ctl, r), _mm_and_si128(ctl, _mm_set1_epi8(' ')));
  __m128i bq = _mm_cmpeq_epi8(v, _mm_set1_epi8('`'));
  r = _mm_or_si128(_mm_andnot_si128(bq, r), _mm_and_si128(bq, _mm_set1_epi8('\'')));
  _mm_storeu_si128((__m128i *)(nm->text + o), r);
  _mm_storeu_si128((__m128i *)(nm->upper + o), _mm_and_si128(up, _mm_set1_epi8(1)));
  __m128i m = _mm_add_epi32(_mm_set1_epi32((int)(uint32_t)i), _mm_set_epi32(3, 2, 1, 0));
  for (int q = 0; q < 4; q++, m = _mm_add_epi32(m, _mm_set1_epi32(4)))
    _mm_storeu_si128((__m128i *)(nm->map + o + 4 * q), m);
}
#endif

int cyb__normalize(const cyb__fold *f, const char *src, size_t n, cyb__norm *nm) {
  const unsigned char *s = (const unsigned char *)src;
  nm->len = 0;
  nm->invalid = 0;
  nm->first_invalid = SIZE_MAX;
  if (norm_reserve(nm, n + n / 8 + 16)) return CYBERNER_ENOMEM;
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) { /* ASCII fast path: a whole run, one byte in, one byte out */
#ifdef __SSE2__
      /* 16 bytes a step up to the first byte outside ASCII (the same
       * folding as ascii_fold below). Room for the rest of the input: the text before
       * may have grown (a replacement character for one invalid byte) */
      if (norm_reserve(nm, n - i)) return CYBERNER_ENOMEM;
      while (i + 16 <= n) {
        /* the ASCII bytes before one outside ASCII too (accented text has
         * short runs): all 16 are folded, the output after the run is
         * written again by what follows it */
        unsigned high = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(s + i)));
        size_t run = high ? (size_t)__builtin_ctz(high) : 16;
        fold_ascii16(s, i, nm, nm->len);
        nm->len += run;
        i += run;
        if (high) break;
      }
      if (i >= n || s[i] >= 0x80) continue;
#endif
      size_t e = i;
      while (e < n && s[e] < 0x80) e++;
      if (norm_reserve(nm, (e - i) + (n - e) / 4)) return CYBERNER_ENOMEM;
      char *text = nm->text + nm->len;
      uint32_t *map = nm->map + nm->len;
      unsigned char *upper = nm->upper + nm->len;
      for (size_t j = i; j < e; j++) {
        unsigned char c = s[j];
        *text++ = (char)ascii_fold[c];
        *map++ = (uint32_t)j;
        *upper++ = (unsigned)(c - 'A') < 26u;
      }
      nm->len += e - i;
      i = e;
      continue;
    }
    uint32_t cp;
    size_t k;
    if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      /* most characters outside ASCII in Latin text (é, à, ç): two bytes,
       * decoded here as cyb__utf8_decode would */
      cp = (uint32_t)(s[i] & 0x1F) << 6 | (s[i + 1] & 0x3Fu);
      k = 2;
    } else {
      k = cyb__utf8_decode(s + i, n - i, &cp);
    }
    char tmp[128];
    const char *out;
    size_t outlen;
    unsigned char up;
    if (k == 0) { /* invalid byte: U+FFFD, one byte consumed */
      if (nm->first_invalid == SIZE_MAX) nm->first_invalid = i;
      nm->invalid++;
      k = 1;
      out = "\xEF\xBF\xBD";
      outlen = 3;
      up = 0;
    } else if (cp < 0x10000) {
      out = f->pool + f->off[cp];
      outlen = f->len[cp];
      up = f->upper[cp];
    } else {
      outlen = fold_one(cp, tmp, sizeof tmp);
      out = tmp;
      up = is_upper_cp(cp);
    }
    if (norm_reserve(nm, outlen + (n - i) / 4)) return CYBERNER_ENOMEM;
    /* through locals: stores through nm->text could alias nm */
    char *text = nm->text;
    uint32_t *map = nm->map;
    unsigned char *upper = nm->upper;
    size_t o = nm->len;
    for (size_t j = 0; j < outlen; j++, o++) {
      text[o] = out[j];
      map[o] = (uint32_t)i;
      upper[o] = up;
    }
    nm->len = o;
    i += k;
  }
  nm->text[nm->len] = '\0';
  return 0;
}

size_t cyb__norm_src_end_at(const cyb__norm *nm, const char *src, size_t n, size_t norm_end) {
  if (norm_end == 0) return nm->len ? nm->map[0] : 0;
  const unsigned char *s = (const unsigned char *)src;
  size_t e = nm->map[norm_end - 1];
  uint32_t cp;
  size_t k = s[e] < 0x80 ? 1 : cyb__utf8_decode(s + e, n - e, &cp); /* most ends: an ASCII character */
  e += k ? k : 1;
  while (e < n && s[e] >= 0x80) { /* swallow combining marks that were dropped */
    k = cyb__utf8_decode(s + e, n - e, &cp);
    if (!k) break;
    int8_t t = u_charType((UChar32)cp);
    if (t != U_NON_SPACING_MARK && t != U_ENCLOSING_MARK) break;
    e += k;
  }
  return e;
}

void cyb__norm_free(cyb__norm *nm) {
  free(nm->text);
  free(nm->map);
  free(nm->upper);
  memset(nm, 0, sizeof *nm);
}
