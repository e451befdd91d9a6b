/* Tokenizer and sentence splitter, on the normalized text.
 *
 * Tokens: words (letters and digits, with inner hyphens kept: nord-coreen,
 * jean-yves, asie-pacifique, cve-2021-44228, but a relation word after the
 * hyphen split off: new york | - | based), numbers (12.06.18, 1,000),
 * dotted acronyms (u.s.), acronyms with / or & (jpcert/cc, at&t), French
 * elided articles split off (l' + australie, jusqu' + a), English
 * possessive split off (anssi + 's), and single punctuation characters.
 * Sentences end at . ! ? (not after an abbreviation or an initial) and at
 * line breaks that are not a wrapped line. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "internal.h"

enum { C_OTHER = 0, C_SPACE, C_NL, C_LETTER, C_DIGIT };

/* The ASCII letters and digits, for the two byte tables below. */
#define ASCII_DIGITS(X) X('0'), X('1'), X('2'), X('3'), X('4'), X('5'), X('6'), X('7'), X('8'), X('9')
#define ASCII_LETTERS(X)                                                                                         \
  X('a'), X('b'), X('c'), X('d'), X('e'), X('f'), X('g'), X('h'), X('i'), X('j'), X('k'), X('l'), X('m'),         \
      X('n'), X('o'), X('p'), X('q'), X('r'), X('s'), X('t'), X('u'), X('v'), X('w'), X('x'), X('y'), X('z'),     \
      X('A'), X('B'), X('C'), X('D'), X('E'), X('F'), X('G'), X('H'), X('I'), X('J'), X('K'), X('L'), X('M'),     \
      X('N'), X('O'), X('P'), X('Q'), X('R'), X('S'), X('T'), X('U'), X('V'), X('W'), X('X'), X('Y'), X('Z')
#define AS_DIGIT(c) [c] = C_DIGIT
#define AS_LETTER(c) [c] = C_LETTER

static const unsigned char ascii_class[128] = {
    ['\t'] = C_SPACE, [' '] = C_SPACE, ['\n'] = C_NL, ASCII_DIGITS(AS_DIGIT), ASCII_LETTERS(AS_LETTER),
};

/* Class of the character at t[i] outside ASCII and its byte length. */
static int char_class_utf8(const char *t, size_t n, size_t i, size_t *len) {
  uint32_t cp;
  size_t k = cyb__utf8_decode((const unsigned char *)t + i, n - i, &cp);
  *len = k ? k : 1;
  if (!k || cp == 0xFFFD) return C_OTHER;
  if (u_isalpha((UChar32)cp)) return C_LETTER;
  if (u_isdigit((UChar32)cp)) return C_DIGIT;
  if (u_isUWhiteSpace((UChar32)cp)) return C_SPACE;
  return C_OTHER;
}

/* Class of the character at t[i] and its byte length; inline, since most
 * characters are ASCII and the tokenizer asks at every word's end. */
static inline int char_class(const char *t, size_t n, size_t i, size_t *len) {
  unsigned char c = (unsigned char)t[i];
  if (c < 0x80) {
    *len = 1;
    return ascii_class[c];
  }
  return char_class_utf8(t, n, i, len);
}

static inline int class_at(const char *t, size_t n, size_t i) {
  size_t len;
  return i < n ? char_class(t, n, i, &len) : C_OTHER;
}

static bool is_alnum_at(const char *t, size_t n, size_t i) {
  int c = class_at(t, n, i);
  return c == C_LETTER || c == C_DIGIT;
}

/* Short word lists, sorted by length then bytes: a binary search, not a
 * strlen and a memcmp for each word (cyb__is_abbreviation runs at every
 * full stop). */
typedef struct {
  const char *s;
  size_t n;
} word_entry;

static bool in_list(const word_entry *w, size_t count, const char *s, size_t n) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = w[mid].n != n ? (w[mid].n < n ? -1 : 1) : memcmp(w[mid].s, s, n);
    if (c == 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/* French elided words: the apostrophe belongs to them and ends the token. */
static const word_entry elisions[] = {
    {"c", 1}, {"d", 1}, {"j", 1}, {"l", 1}, {"m", 1}, {"n", 1}, {"s", 1}, {"t", 1}, {"qu", 2}, {"jusqu", 5},
    {"lorsqu", 6}, {"presqu", 6}, {"puisqu", 6}, {"quoiqu", 6},
};

static bool is_elision(const char *s, size_t n) {
  return in_list(elisions, sizeof elisions / sizeof *elisions, s, n);
}

/* Abbreviations a full stop does not end a sentence after, abbreviated
 * months included (12 sept. 2023, Sept. 12, 2023). */
static const word_entry abbreviations[] = {
    {"m", 1}, {"p", 1}, {"av", 2}, {"bd", 2}, {"ca", 2}, {"cf", 2}, {"co", 2}, {"dr", 2}, {"ex", 2},
    {"ft", 2}, {"jr", 2}, {"lt", 2}, {"me", 2}, {"mm", 2}, {"mr", 2}, {"ms", 2}, {"mt", 2}, {"no", 2},
    {"nr", 2}, {"pp", 2}, {"pr", 2}, {"sr", 2}, {"st", 2}, {"vs", 2}, {"adm", 3}, {"apr", 3}, {"art", 3},
    {"aug", 3}, {"avr", 3}, {"cdt", 3}, {"cie", 3}, {"col", 3}, {"cpt", 3}, {"dec", 3}, {"env", 3},
    {"etc", 3}, {"feb", 3}, {"fev", 3}, {"fig", 3}, {"gal", 3}, {"gen", 3}, {"gov", 3}, {"hon", 3},
    {"inc", 3}, {"jan", 3}, {"jul", 3}, {"jun", 3}, {"ltd", 3}, {"mds", 3}, {"mgr", 3}, {"mio", 3},
    {"mme", 3}, {"mrd", 3}, {"mrs", 3}, {"nos", 3}, {"nov", 3}, {"oct", 3}, {"rep", 3}, {"rev", 3},
    {"sen", 3}, {"sep", 3}, {"sgt", 3}, {"ste", 3}, {"tel", 3}, {"vol", 3}, {"capt", 4}, {"corp", 4},
    {"dept", 4}, {"fevr", 4}, {"janv", 4}, {"juil", 4}, {"mlle", 4}, {"mmes", 4}, {"prof", 4}, {"sept", 4},
    {"lieut", 5}, {"approx", 6},
};

bool cyb__is_abbreviation(const char *s, size_t n) {
  return in_list(abbreviations, sizeof abbreviations / sizeof *abbreviations, s, n);
}

/* Words that, after a hyphen, say how something relates to the name before
 * it (Japan-based, Kremlin-linked, US-led, Hong Kong-registered, Cold
 * War-era): the name is a token of its own, so that a name of several words
 * matches too (New York-based). Sorted by length, then bytes (in_list). */
static const word_entry relation_words[] = {
    {"era", 3}, {"led", 3}, {"run", 3}, {"born", 4}, {"made", 4}, {"based", 5}, {"bound", 5}, {"built", 5}, {"owned", 5},
    {"allied", 6}, {"backed", 6}, {"funded", 6}, {"hosted", 6}, {"linked", 6}, {"listed", 6}, {"raised", 6},
    {"aligned", 7}, {"centric", 7}, {"flagged", 7}, {"leaning", 7}, {"trained", 7}, {"brokered", 8},
    {"educated", 8}, {"financed", 8}, {"friendly", 8}, {"inspired", 8}, {"operated", 8}, {"organised", 9},
    {"organized", 9}, {"sponsored", 9}, {"supported", 9}, {"affiliated", 10}, {"controlled", 10},
    {"registered", 10}, {"sanctioned", 10}, {"headquartered", 13},
};

static bool relation_suffix(const char *t, size_t n, size_t i) {
  size_t e = i;
  while (e < n && (unsigned char)t[e] < 0x80 && ascii_class[(unsigned char)t[e]] == C_LETTER) e++;
  return e > i && !is_alnum_at(t, n, e) && (e >= n || t[e] != '-') &&
         in_list(relation_words, sizeof relation_words / sizeof *relation_words, t + i, e - i);
}

/* Length of a dotted acronym (u.s., e.g., u.s.a.) at i, 0 when none. */
static size_t dotted_acronym(const char *t, size_t n, size_t i) {
  /* most words: an ASCII letter not followed by a dot */
  if ((unsigned char)t[i] < 0x80 && (i + 1 >= n || t[i + 1] != '.')) return 0;
  size_t j = i, pairs = 0, len;
  while (j < n && char_class(t, n, j, &len) == C_LETTER && j + len < n && t[j + len] == '.') {
    j += len + 1;
    pairs++;
  }
  if (pairs < 2 || is_alnum_at(t, n, j)) return 0; /* "a.b.c" or "u.s.army": no */
  return j - i;
}

/* UPPER2 for a capitalized word: two bytes of it or more upper case in the
 * input. The rules ask it of every capitalized word (is it an acronym?);
 * the tokenizer has the word's upper mask at hand. */
static uint16_t upper2_flag(const cyb__norm *nm, size_t s, size_t e) {
  size_t k = 0;
  for (size_t i = s; i < e && k < 2; i++) k += nm->upper[i] != 0;
  return k >= 2 ? CYB_TOK_UPPER2 : 0;
}

/* Case flags from the upper mask: CAP (the first letter is a capital) and
 * ALLCAPS (two letters or more, all capitals), with UPPER2. A letter is an
 * ASCII letter or the lead byte of a character outside ASCII. Most words
 * start with a small letter: one look at it settles them. */
static uint16_t case_flags(const cyb__norm *nm, size_t s, size_t e) {
  const unsigned char *t = (const unsigned char *)nm->text;
  size_t letters = 0;
  for (size_t i = s; i < e; i++) {
    unsigned char c = t[i];
    if (!((c < 0x80) ? ((c | 32) >= 'a' && (c | 32) <= 'z') : (c >= 0xC0))) continue;
    if (!nm->upper[i]) return letters ? CYB_TOK_CAP | upper2_flag(nm, s, e) : 0;
    letters++;
  }
  return letters >= 2 ? CYB_TOK_CAP | CYB_TOK_ALLCAPS | upper2_flag(nm, s, e)
         : letters    ? CYB_TOK_CAP | upper2_flag(nm, s, e)
                      : 0;
}

/* Flags an ASCII byte gives a word it is part of; 0: not part of a word's
 * letters and digits (bytes outside ASCII included). */
#define AS_DIGIT_FLAG(c) [c] = CYB_TOK_DIGIT
#define AS_ALPHA_FLAG(c) [c] = CYB_TOK_ALPHA
static const unsigned char ascii_word_flag[256] = {ASCII_DIGITS(AS_DIGIT_FLAG), ASCII_LETTERS(AS_ALPHA_FLAG)};

/* The bytes that may join two parts of a word (the checks in scan_word):
 * after any other byte the word ends, with no check to run. */
static const unsigned char joins_word[256] = {['-'] = 1, ['\''] = 1, ['.'] = 1, [','] = 1,
                                              [':'] = 1, ['/'] = 1,  ['&'] = 1};

#ifdef __SSE2__
/* The bytes after which short_word() leaves a word to scan_word(): those
 * that join (joins_word) and those outside ASCII (the word may go on). */
#define ROW16_1 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char not_short_end[256] = {
    ['-'] = 1, ['\''] = 1, ['.'] = 1, [','] = 1, [':'] = 1, ['/'] = 1, ['&'] = 1,
    [0x80] = ROW16_1, ROW16_1, ROW16_1, ROW16_1, ROW16_1, ROW16_1, ROW16_1, ROW16_1,
};

/* Most words: ASCII letters and digits, fewer than 16, then a byte that
 * joins nothing (a space). Read at once from 16 bytes of text and of the
 * upper mask: the end, the flags and the case flags that scan_word() and
 * case_flags() would give, or 0 when the word is another kind (then they
 * read it). Needs 16 bytes of text at i. */
static inline size_t short_word(const char *text, const unsigned char *upper, size_t i, uint16_t *flags) {
  __m128i v = _mm_loadu_si128((const __m128i *)(text + i));
  __m128i lo = _mm_or_si128(v, _mm_set1_epi8(0x20)); /* A-Z and a-z to a-z, nothing else into it */
  unsigned dm = (unsigned)_mm_movemask_epi8(cyb__sse_in_range(v, '0', 10));
  unsigned lm = (unsigned)_mm_movemask_epi8(cyb__sse_in_range(lo, 'a', 26));
  unsigned stop = (unsigned)__builtin_ctz(~(dm | lm)); /* 16 when all 16 bytes are word bytes */
  unsigned char next = (unsigned char)text[i + stop];
  if (stop == 0 || stop >= 16 || not_short_end[next]) return 0;
  unsigned in = (1u << stop) - 1;
  dm &= in, lm &= in;
  if (!lm) { /* digits only (stop > 0) */
    *flags = CYB_TOK_DIGIT | CYB_TOK_NUMBER;
    return i + stop;
  }
  uint16_t f = CYB_TOK_ALPHA | (dm ? CYB_TOK_DIGIT : 0);
  if (!(lm & 1) || upper[i]) { /* (most words: a small first letter, no case flag) */
    /* case_flags(): the first letter a capital, then no small letter after it */
    unsigned um = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(upper + i)), _mm_setzero_si128()));
    unsigned small = lm & um; /* letters not upper case in the input */
    unsigned up = ~um & in;   /* bytes upper case in the input */
    /* the first letter is a capital; all of two or more (lm & (lm - 1): a
     * second bit, no popcount call): ALLCAPS */
    if (!(small & (lm & -lm)))
      f |= CYB_TOK_CAP | (!small && (lm & (lm - 1)) ? CYB_TOK_ALLCAPS : 0) |
           (up & (up - 1) ? CYB_TOK_UPPER2 : 0);
  }
  *flags = f;
  return i + stop;
}
#else
static inline size_t short_word(const char *text, const unsigned char *upper, size_t i, uint16_t *flags) {
  (void)text, (void)upper, (void)i, (void)flags;
  return 0; /* scan_word() reads every word */
}
#endif

/* End of the word or number starting at i; sets *flags, case flags
 * included. (Most words take short_word() first.) */
static size_t scan_word(const cyb__norm *nm, size_t i, uint16_t *flags) {
  const char *t = nm->text;
  size_t n = nm->len, j = i, seg = i, len;
  uint16_t f = 0;
  for (;;) {
    int c;
    /* fast path: the ASCII letters and digits that make most of a word */
    /* (the text ends with a NUL and has none inside; a NUL has no flag) */
    const unsigned char *p = (const unsigned char *)t + j;
    for (unsigned char w; (w = ascii_word_flag[*p]) != 0; p++) f |= w;
    j = (size_t)(p - (const unsigned char *)t);
    /* a byte outside ASCII: the rest of the word, slowly (an ASCII byte here
     * is no letter or digit) */
    if (j < n && (unsigned char)t[j] >= 0x80)
      while (j < n && ((c = char_class(t, n, j, &len)) == C_LETTER || c == C_DIGIT)) {
        f |= c == C_LETTER ? CYB_TOK_ALPHA : CYB_TOK_DIGIT;
        j += len;
      }
    if (j >= n || !joins_word[(unsigned char)t[j]]) break; /* most words: a space */
    char x = t[j];
    /* New York | - | based; only after a name (not co-hosted, state-run) */
    if (x == '-' && (f & CYB_TOK_ALPHA) && nm->upper[seg] && relation_suffix(t, n, j + 1)) break;
    if (x == '-' && is_alnum_at(t, n, j + 1) && !dotted_acronym(t, n, j + 1)) { /* Japan-U.S.-ROK: three names */
      f |= CYB_TOK_HYPHEN;
      j++;
      seg = j;
      continue;
    }
    if (x == '\'') {
      int after = class_at(t, n, j + 1);
      if (is_elision(t + seg, j - seg) && seg == i && (after == C_LETTER || j + 1 >= n)) {
        j++; /* l'australie: the token is "l'" */
        f |= CYB_TOK_ELISION;
        break;
      }
      if (t[j + 1] == 's' && !is_alnum_at(t, n, j + 2)) break; /* possessive 's */
      if (class_at(t, n, j + 1) == C_LETTER && (f & CYB_TOK_ALPHA)) {
        j++;
        continue; /* aujourd'hui, o'neill */
      }
      break;
    }
    if ((x == '.' || x == ',' || x == ':') && class_at(t, n, j - 1) == C_DIGIT && class_at(t, n, j + 1) == C_DIGIT) {
      j++; /* 12.06.18, 1,000, 10:30 */
      continue;
    }
    if ((x == '/' || x == '&') && is_alnum_at(t, n, j + 1)) {
      if (x == '/') f |= CYB_TOK_SLASH;
      j++; /* jpcert/cc, 12/06/2018, at&t */
      continue;
    }
    break;
  }
  if (!(f & CYB_TOK_ALPHA) && (f & CYB_TOK_DIGIT)) f |= CYB_TOK_NUMBER;
  if (f & CYB_TOK_ALPHA) f |= case_flags(nm, i, j);
  *flags = f;
  return j;
}

/* Napoléon III: a token of the letters of Roman numerals only. */
static bool roman_numeral(const cyb__norm *nm, const cyb__token *t) {
  for (size_t i = t->start; i < t->end; i++)
    if (!nm->text[i] || !strchr("ivxlcdm", nm->text[i])) return false;
  return true;
}

/* Does a sentence end after token k? */
static bool ends_sentence(const cyb__norm *nm, const cyb__tokens *tt, size_t k) {
  const cyb__token *t = &tt->tok[k];
  if (k + 1 >= tt->ntok) return true;
  const cyb__token *nx = &tt->tok[k + 1];
  /* most tokens: a word on the same line (the checks below need a line
   * break before the next token or a full stop) */
  if (!(nx->flags & CYB_TOK_NEWLINE_BEFORE) && !(t->flags & CYB_TOK_PUNCT)) return false;
  /* one input character folded into several tokens ("…" gives "..."): a
   * sentence never ends inside it */
  if (nm->map[nx->start] == nm->map[t->end - 1]) return false;
  if (nx->flags & CYB_TOK_NEWLINE_BEFORE) {
    /* A wrapped line (lower-case word or comma, then a lower-case word) goes on. */
    bool open = (t->flags & CYB_TOK_ALPHA && !(t->flags & CYB_TOK_CAP)) || cyb__tok_is(nm, t, ",");
    bool cont = (nx->flags & CYB_TOK_ALPHA) && !(nx->flags & CYB_TOK_CAP);
    const char *p = nm->text + t->end;
    bool blank = false; /* a blank line always ends the sentence */
    for (const char *q = p; q < nm->text + nx->start; q++)
      if (*q == '\n' && memchr(q + 1, '\n', (size_t)(nm->text + nx->start - q - 1))) blank = true;
    return blank || !(open && cont);
  }
  if (!(t->flags & CYB_TOK_PUNCT)) return false;
  bool stop = cyb__tok_is(nm, t, ".") || cyb__tok_is(nm, t, "!") || cyb__tok_is(nm, t, "?") ||
              cyb__tok_is(nm, t, "\xe2\x80\xa6");
  if (!stop) return false;
  /* a dot between two words with no space, or between capitals and a
   * number: a name, an address or a reference (CERT.LV,
   * Cybermalveillance.gouv.fr, MSC.428(98)), not the end of a sentence
   * (OCR text runs sentences together: Bonaparte.11 mars 1801 still ends) */
  const uint16_t pf = k > 0 ? tt->tok[k - 1].flags : 0;
  if (cyb__tok_is(nm, t, ".") && k > 0 && tt->tok[k - 1].end == t->start && nx->start == t->end &&
      (pf & CYB_TOK_ALPHA) &&
      ((nx->flags & CYB_TOK_ALPHA) ||
       ((pf & CYB_TOK_ALLCAPS) && (nx->flags & CYB_TOK_NUMBER) && !roman_numeral(nm, &tt->tok[k - 1]))))
    return false;
  if (cyb__tok_is(nm, t, ".") && k > 0) {
    const cyb__token *pv = &tt->tok[k - 1];
    if (pv->end == t->start) {
      if (cyb__is_abbreviation(nm->text + pv->start, pv->end - pv->start)) return false;
      /* an initial: "J. Smith" */
      size_t len;
      if ((pv->flags & CYB_TOK_CAP) && char_class(nm->text, nm->len, pv->start, &len) == C_LETTER &&
          pv->start + len == pv->end)
        return false;
    }
  }
  /* next must look like a sentence start */
  if (nx->flags & (CYB_TOK_CAP | CYB_TOK_NUMBER)) return true;
  if (nx->flags & CYB_TOK_PUNCT) return true; /* quotes, dashes, bullets */
  return false;
}

int cyb__tokenize(const cyb__norm *nm, cyb__tokens *out) {
  const char *t = nm->text;
  const unsigned char *up = nm->upper; /* locals: short_word() read them through nm at every word */
  size_t n = nm->len, i = 0;
  out->nsent = 0;
  /* room for the tokens and sentences of most texts at once (a byte in two
   * or three starts a token, one in 30 or more a sentence): growing by
   * doubling copies the arrays again at every step */
  if (cyb__grow((void **)&out->tok, &out->cap, n / 2, sizeof *out->tok) ||
      cyb__grow((void **)&out->sent, &out->sent_cap, n / 32, sizeof *out->sent))
    return CYBERNER_ENOMEM;
  cyb__token *tok = out->tok;
  size_t ntok = 0, cap = out->cap;
  uint16_t before = CYB_TOK_SPACE_BEFORE | CYB_TOK_NEWLINE_BEFORE;
  while (i < n) {
    size_t len = 1;
    unsigned char b = (unsigned char)t[i];
    int c = b < 0x80 ? ascii_class[b] : char_class(t, n, i, &len);
    size_t e;
    uint16_t f = 0;
    /* most tokens: a short word (never a dotted acronym: short_word() leaves
     * a letter before a full stop and bytes outside ASCII to the rest),
     * then one space and another: read in a loop of their own, which keeps
     * its few locals in registers */
    if (c >= C_LETTER && i + 16 <= n && (e = short_word(t, up, i, &f)) != 0) {
      for (;;) {
        if (ntok >= cap) {
          out->ntok = ntok;
          if (cyb__grow((void **)&out->tok, &out->cap, ntok + 1, sizeof *out->tok)) return CYBERNER_ENOMEM;
          tok = out->tok, cap = out->cap;
        }
        tok[ntok++] = (cyb__token){.start = (uint32_t)i, .end = (uint32_t)e, .vid = CYB_NO_VID, .flags = (uint16_t)(f | before)};
        i = e; /* < n: short_word() ends within its 16 bytes */
        if (t[i] != ' ') {
          before = 0;
          break;
        }
        before = CYB_TOK_SPACE_BEFORE, i++;
        if (i + 16 > n) break;
        b = (unsigned char)t[i];
        if (b >= 0x80 || ascii_class[b] < C_LETTER || (e = short_word(t, up, i, &f)) == 0) break;
      }
      continue;
    }
    if (c == C_SPACE) {
      before |= CYB_TOK_SPACE_BEFORE;
      i += len;
      continue;
    }
    if (c == C_NL) {
      before |= CYB_TOK_SPACE_BEFORE | CYB_TOK_NEWLINE_BEFORE;
      i += len;
      continue;
    }
    /* a dotted acronym starts with a letter and a full stop (or a letter outside ASCII) */
    size_t dl = c == C_LETTER && (b >= 0x80 || (i + 1 < n && t[i + 1] == '.')) ? dotted_acronym(t, n, i) : 0;
    if (dl) {
      e = i + dl;
      f = CYB_TOK_ALPHA | CYB_TOK_DOTTED | case_flags(nm, i, e);
    } else if (c == C_LETTER || c == C_DIGIT) {
      e = scan_word(nm, i, &f); /* case flags included */
    } else if (t[i] == '\'' && i + 1 < n && t[i + 1] == 's' && !is_alnum_at(t, n, i + 2) && i > 0 &&
               is_alnum_at(t, n, i - 1)) {
      e = i + 2; /* English possessive: ANSSI + 's */
      f = CYB_TOK_ALPHA | case_flags(nm, i, e);
    } else {
      e = i + len;
      f = CYB_TOK_PUNCT;
    }
    /* the array and its count in locals: stores through out->tok could alias out */
    if (ntok >= cap) {
      out->ntok = ntok;
      if (cyb__grow((void **)&out->tok, &out->cap, ntok + 1, sizeof *out->tok)) return CYBERNER_ENOMEM;
      tok = out->tok, cap = out->cap;
    }
    tok[ntok++] = (cyb__token){.start = (uint32_t)i, .end = (uint32_t)e, .vid = CYB_NO_VID, .flags = (uint16_t)(f | before)};
    before = 0;
    i = e;
    if (i < n && t[i] == ' ') before = CYB_TOK_SPACE_BEFORE, i++; /* most tokens: one space after (C_SPACE above) */
  }
  out->ntok = ntok;
  /* sentences */
  size_t first = 0, words = 0, caps = 0; /* the sentence's words so far, capitalized ones */
  for (size_t k = 0; k < ntok; k++) {
    /* most tokens: a word, on the line of the next one (ends_sentence's
     * first test), in a sentence not yet cut: counted in a tight loop */
    size_t stop = first + CYB_MAX_SENTENCE_TOKENS - 1 < ntok - 1 ? first + CYB_MAX_SENTENCE_TOKENS - 1 : ntok - 1;
    const cyb__token *tk = tok + k, *tend = tok + stop;
    uint16_t f = tk->flags;
    for (; tk < tend && !(f & CYB_TOK_PUNCT); tk++) {
      uint16_t nf = tk[1].flags;
      if (nf & CYB_TOK_NEWLINE_BEFORE) break;
      if (f & CYB_TOK_ALPHA) words++, caps += (f & CYB_TOK_CAP) != 0;
      f = nf;
    }
    k = (size_t)(tk - tok);
    if (f & CYB_TOK_ALPHA) words++, caps += (f & CYB_TOK_CAP) != 0;
    /* a "sentence" of more tokens than any prose has (a list or a table
     * without stops, a 100 MB line) is cut: the rules look around each
     * token within its sentence, and their work must stay linear; the
     * first test settles no token the loop above leaves (but at the cut) */
    if (k + 1 - first < CYB_MAX_SENTENCE_TOKENS && !ends_sentence(nm, out, k)) continue;
    if (cyb__grow((void **)&out->sent, &out->sent_cap, out->nsent + 1, sizeof *out->sent))
      return CYBERNER_ENOMEM;
    cyb__sentence *s = &out->sent[out->nsent++];
    s->tok_begin = (uint32_t)first;
    s->tok_end = (uint32_t)(k + 1);
    s->start = out->tok[first].start;
    s->end = out->tok[k].end;
    s->lang = 0;
    s->conf = 0;
    s->fw[0] = s->fw[1] = s->fw[2] = 0;
    s->titlecase = words >= 4 && caps * 5 >= words * 4;
    out->tok[first].flags |= CYB_TOK_SENT_START;
    first = k + 1;
    words = caps = 0;
  }
  return 0;
}

void cyb__tokens_free(cyb__tokens *t) {
  free(t->tok);
  free(t->sent);
  memset(t, 0, sizeof *t);
}
