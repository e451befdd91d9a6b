/* Language identification (fr / en / und) for documents and sentences.
 * Internal API: the cyb__ prefix marks symbols the shared library hides.
 * Model: dict/langid/langid.tsv, built by tools/langid/ (see its README). */
#ifndef CYB_LANGID_H
#define CYB_LANGID_H

#include <stddef.h>

enum { CYB_LANG_UND = 0, CYB_LANG_FR = 1, CYB_LANG_EN = 2 };

/* Down-weight capitalised words not at sentence start and all-caps tokens:
 * names must not flip a sentence. */
#define CYB_LANGID_NAMES_DONT_VOTE 1u

typedef struct cyb__langid cyb__langid;

/* Build the detector from the bytes of the model file (dict/langid/langid.tsv
 * as read from disk or from memory).  Returns NULL on error with
 * "langid.tsv:LINE: message" written to errbuf (NUL-terminated, truncated to
 * errcap). */
cyb__langid *cyb__langid_new(const char *data, size_t len, char *errbuf, size_t errcap);

/* NULL is a no-op. */
void cyb__langid_free(cyb__langid *m);

/* Detect the language of utf8[0,len).  Pure function of (m, bytes, flags):
 * no allocation, no global state, safe from any number of threads at once.
 * Writes a confidence in [0,1] when confidence != NULL.  Empty,
 * whitespace-only or too-little-evidence input gives CYB_LANG_UND.  Invalid
 * UTF-8 and NUL bytes are never read past len.
 * Inputs over 1 KiB are read in windows spread over the text and reading
 * stops once the answer is certain or decisive (then the confidence is that
 * of the part read); long inputs (over 64 KiB) are judged on at most 16
 * windows of 4 KiB spread evenly over the text, so the cost of one call is
 * bounded. */
int cyb__langid_detect(const cyb__langid *m, const char *utf8, size_t len,
                       unsigned flags, double *confidence);

/* A memo of the n-gram costs of the words the model's word table does not
 * hold (names, rare words: most come back in a text), for one thread and
 * one model: a tagger's. The answers are the same with it or without. */
typedef struct cyb__langid_memo cyb__langid_memo;
cyb__langid_memo *cyb__langid_memo_new(void); /* NULL: out of memory */
void cyb__langid_memo_free(cyb__langid_memo *memo);
/* cyb__langid_detect with a memo (NULL: none). */
int cyb__langid_detect_memo(const cyb__langid *m, cyb__langid_memo *memo, const char *utf8, size_t len,
                            unsigned flags, double *confidence);
/* Is utf8[0, len) in lang (CYB_LANG_FR or _EN) with a confidence of
 * min_conf at least? The answer of cyb__langid_detect_memo(), sooner: a
 * text of one chunk led by another language needs no probabilities. */
int cyb__langid_sentence_is(const cyb__langid *m, cyb__langid_memo *memo, const char *utf8, size_t len,
                            unsigned flags, int lang, double min_conf);

#endif
