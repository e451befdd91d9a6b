/* dates.h - DATE recognizer of libcyberner (internal, not exported).
 *
 * The recognizer reads the library's normalized text (UTF-8, lower case,
 * accents removed, one kind of apostrophe, dash and space) and finds dates
 * with an ISO 8601 / TIMEX3 value. The patterns live in a rule file
 * (dict/rules/dates.txt, format in dict/rules/DATES.md) compiled once with
 * pcre2; the value computation is C code reading the named groups.
 *
 * Threads: a cyb__dates is immutable once built and may be shared by any
 * number of threads. Each thread (or call) uses its own cyb__dates_scratch.
 */
#ifndef CYB__DATES_H
#define CYB__DATES_H

#include <stddef.h>

#if defined(__GNUC__) && !defined(_WIN32)
#define CYB__DATES_HIDDEN __attribute__((visibility("hidden")))
#else
#define CYB__DATES_HIDDEN
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cyb__dates cyb__dates;                 /* compiled rules: immutable, shared by all threads */
typedef struct cyb__dates_scratch cyb__dates_scratch; /* per-call/per-thread scratch: pcre2 match data, JIT stack */

/* Compile the rules from the bytes of one rule file. data need not be
 * NUL-terminated. filename is only used in messages (NULL: "dates.txt").
 * On error returns NULL and writes "FILE:LINE: message" into errbuf (when
 * errbuf != NULL and errcap > 0); for a bad pattern the message carries
 * pcre2's error message and the offset in the expanded pattern. */
CYB__DATES_HIDDEN cyb__dates *cyb__dates_new(const char *data, size_t len, const char *filename,
                                             char *errbuf, size_t errcap);
/* NULL is a no-op. */
CYB__DATES_HIDDEN void cyb__dates_free(cyb__dates *d);

/* Scratch for one thread; NULL on allocation failure. */
CYB__DATES_HIDDEN cyb__dates_scratch *cyb__dates_scratch_new(const cyb__dates *d);
/* NULL is a no-op. */
CYB__DATES_HIDDEN void cyb__dates_scratch_free(cyb__dates_scratch *s);

/* One date: byte offsets into norm (end exclusive) and its ISO value
 * ("2024-06-20", "2023-05-08/2023-05-09", "XXXX-WXX-1", "2023-FA", ...). */
typedef struct {
    size_t start, end;
    char value[48];
} cyb__date_hit;

enum { CYB_DATE_LANG_UND = 0, CYB_DATE_LANG_FR = 1, CYB_DATE_LANG_EN = 2 };

/* Find the dates in norm[from,to) - one sentence, of language lang.
 * upper (may be NULL) is parallel to norm: non-zero where the normalized byte
 * came from an upper-case character. ref (may be NULL) is {year, month, day}
 * used to resolve relative and partial expressions; without it they stay
 * partial ("XXXX-WXX-1", "XXXX-08"). Writes up to cap non-overlapping hits in
 * text order and returns how many were written. Allocates nothing. */
CYB__DATES_HIDDEN size_t cyb__dates_find(const cyb__dates *d, cyb__dates_scratch *s, const char *norm,
                                         const unsigned char *upper, size_t from, size_t to, int lang,
                                         const int *ref, cyb__date_hit *hits, size_t cap);

/* "02/08/2024" read month first (2024-02-08, value): when both numbers may
 * be a month, writes the day-first reading (2024-08-02) to out[11] and
 * returns 1; 0 when the date is no such ambiguous slashed one. The caller
 * decides from the document (another date that agrees with that reading). */
CYB__DATES_HIDDEN int cyb__dates_day_first(const char *surface, size_t n, const char *value, char out[11]);

#ifdef __cplusplus
}
#endif

#endif /* CYB__DATES_H */
