/*
 * libcyberner: named entities in French and English cyber-policy text.
 *
 * Conventions (see README.md):
 * - Every public name starts with cyberner_ / CYBERNER_.
 * - Objects are opaque. Each object returned to the caller has exactly one
 *   free function; calling it with NULL does nothing. Strings returned by an
 *   accessor are BORROWED: they live as long as the object they came from.
 * - Functions that can fail take a `cyberner_error **err` (may be NULL). On
 *   failure they return NULL (or a negative code) and, when err is not NULL,
 *   store a NEW error object that the caller frees with cyberner_error_free().
 * - Offsets are UTF-8 byte offsets into the caller's bytes, end exclusive.
 * - A model is immutable once built and may be used by any number of threads
 *   at the same time without locking. (It lends each call or tagger a
 *   hunspell speller of its own and keeps the ones given back: see README.)
 *   Options, results and errors belong to one thread at a time.
 * - The library never prints anything and reads no environment variable.
 */
#ifndef CYBERNER_H
#define CYBERNER_H

#include <stddef.h>
#include <stdint.h>

#include "cyberner_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define CYBERNER_API
#elif defined(__GNUC__)
#define CYBERNER_API __attribute__((visibility("default")))
#else
#define CYBERNER_API
#endif

/* ---- Versions ---------------------------------------------------------- */

/* "MAJOR.MINOR.PATCH" of the library that is running. */
CYBERNER_API const char *cyberner_version(void);
/* CYBERNER_VERSION_HEX of the library that is running. */
CYBERNER_API unsigned cyberner_version_hex(void);

/* ---- Error codes ------------------------------------------------------- */

/* One list makes the constants, cyberner_err_name() and cyberner_strerror(). */
#define CYBERNER_ERRNO_MAP(X)                                              \
  X(OK, 0, "success")                                                      \
  X(ENOMEM, -1, "out of memory")                                           \
  X(EINVAL, -2, "invalid argument")                                        \
  X(EIO, -3, "cannot read file or folder")                                 \
  X(EDICT, -4, "invalid dictionary")                                       \
  X(ERULE, -5, "invalid rule")                                             \
  X(EUTF8, -6, "invalid UTF-8 in input")                                   \
  X(EVERSION, -7, "unsupported dictionary format version")                 \
  X(EICU, -8, "ICU failure")                                               \
  X(ETOOBIG, -9, "input too large")

typedef enum cyberner_errno {
#define CYBERNER_ERRNO_ENUM_(name, value, text) CYBERNER_##name = (value),
  CYBERNER_ERRNO_MAP(CYBERNER_ERRNO_ENUM_)
#undef CYBERNER_ERRNO_ENUM_
  CYBERNER_ERRNO_LAST_ = -10
} cyberner_errno;

/* "EDICT"; "UNKNOWN" for a code not in the list. Static string. */
CYBERNER_API const char *cyberner_err_name(int code);
/* Human text of a code. Static string. */
CYBERNER_API const char *cyberner_strerror(int code);

typedef struct cyberner_error cyberner_error;

CYBERNER_API int cyberner_error_code(const cyberner_error *err);
/* Full message, with its place when there is one:
 * "dict/agencies.tsv:12: unknown label 'AGENCYY'", "input byte 1043: ...". */
CYBERNER_API const char *cyberner_error_message(const cyberner_error *err);
/* File of a dictionary or rule error, NULL otherwise (borrowed). */
CYBERNER_API const char *cyberner_error_file(const cyberner_error *err);
/* 1-based line in that file, 0 when none. */
CYBERNER_API size_t cyberner_error_line(const cyberner_error *err);
/* Byte offset in the input of an input error, -1 when none. */
CYBERNER_API int64_t cyberner_error_offset(const cyberner_error *err);
CYBERNER_API void cyberner_error_free(cyberner_error *err);

/* ---- Labels and languages ---------------------------------------------- */

typedef enum cyberner_label {
  CYBERNER_COUNTRY = 0,
  CYBERNER_LOCATION = 1,
  CYBERNER_NATIONALITY = 2,
  CYBERNER_AGENCY = 3,
  CYBERNER_ORGANIZATION = 4,
  CYBERNER_PERSON = 5,
  CYBERNER_DATE = 6,
  CYBERNER_EVENT = 7,
  CYBERNER_THREAT_ACTOR = 8,
  CYBERNER_VULNERABILITY = 9,
  CYBERNER_LABEL_COUNT = 10
} cyberner_label;

/* "COUNTRY" ...; NULL for a value out of range. Static string. */
CYBERNER_API const char *cyberner_label_name(int label);
/* Inverse of cyberner_label_name(); -1 when unknown. */
CYBERNER_API int cyberner_label_from_name(const char *name);

typedef enum cyberner_lang {
  CYBERNER_LANG_AUTO = -1, /* options only: detect */
  CYBERNER_LANG_UND = 0,   /* another language, or too little evidence */
  CYBERNER_LANG_FR = 1,
  CYBERNER_LANG_EN = 2
} cyberner_lang;

/* "und", "fr", "en"; NULL out of range. Static string. */
CYBERNER_API const char *cyberner_lang_name(int lang);
/* Inverse of cyberner_lang_name() (also "auto"); -2 when unknown. */
CYBERNER_API int cyberner_lang_from_name(const char *name);

/* ---- Model ------------------------------------------------------------- */

typedef struct cyberner_model cyberner_model;

/* Compile a model. dict_dir NULL: the dictionaries built into the library
 * (no file needed). extra_dir: a folder of the same layout loaded on top;
 * its entries replace those with the same label and id. NULL for none.
 * Returns a NEW model, or NULL with *err set (EDICT/ERULE errors name
 * file:line). */
CYBERNER_API cyberner_model *cyberner_model_new(const char *dict_dir, const char *extra_dir,
                                                cyberner_error **err);
/* Free every tagger made from the model first (and let every cyberner_tag
 * call on it return). */
CYBERNER_API void cyberner_model_free(cyberner_model *model);

/* Number of gazetteer entries of one label. */
CYBERNER_API size_t cyberner_model_entry_count(const cyberner_model *model, int label);
/* Non-fatal remarks made while compiling ("file:line: ..."; for instance a
 * missing hunspell dictionary). Borrowed strings. */
CYBERNER_API size_t cyberner_model_warning_count(const cyberner_model *model);
CYBERNER_API const char *cyberner_model_warning(const cyberner_model *model, size_t i);
/* Milliseconds the compilation took. */
CYBERNER_API double cyberner_model_compile_ms(const cyberner_model *model);

/* ---- Dictionary check -------------------------------------------------- */

typedef struct cyberner_dict_report cyberner_dict_report;

/* Load and validate a folder (NULL: the built-in one), reporting every
 * problem instead of stopping at the first. Returns a NEW report, or NULL
 * with *err set when the folder cannot be read at all. */
CYBERNER_API cyberner_dict_report *cyberner_dict_check(const char *dict_dir, cyberner_error **err);
CYBERNER_API void cyberner_dict_report_free(cyberner_dict_report *report);
/* Number of problems (errors and warnings). */
CYBERNER_API size_t cyberner_dict_report_count(const cyberner_dict_report *report);
/* 1 for an error, 0 for a warning. */
CYBERNER_API int cyberner_dict_report_is_error(const cyberner_dict_report *report, size_t i);
/* "file:line: message" (borrowed). */
CYBERNER_API const char *cyberner_dict_report_message(const cyberner_dict_report *report, size_t i);
CYBERNER_API size_t cyberner_dict_report_error_count(const cyberner_dict_report *report);
/* Entries of one label that loaded. */
CYBERNER_API size_t cyberner_dict_report_entry_count(const cyberner_dict_report *report, int label);

/* ---- Options ----------------------------------------------------------- */

typedef struct cyberner_options cyberner_options;

/* A NEW options object with the defaults: language auto, no reference date,
 * invalid UTF-8 replaced, every label, no minimum score. Passing NULL where
 * options are expected means these defaults. */
CYBERNER_API cyberner_options *cyberner_options_new(void);
CYBERNER_API void cyberner_options_free(cyberner_options *opts);
/* CYBERNER_LANG_AUTO, _FR or _EN (forces every sentence). */
CYBERNER_API int cyberner_options_set_lang(cyberner_options *opts, int lang);
/* Reference date for relative dates ("lundi", "août dernier");
 * 0, 0, 0 removes it. Returns CYBERNER_EINVAL for an impossible date. */
CYBERNER_API int cyberner_options_set_ref_date(cyberner_options *opts, int year, int month, int day);
/* 1: fail with CYBERNER_EUTF8 and the offset of the first bad byte.
 * 0 (default): each invalid byte is read as U+FFFD internally; offsets stay
 * on the original bytes and no entity contains an invalid byte. */
CYBERNER_API int cyberner_options_set_strict_utf8(cyberner_options *opts, int strict);
/* Bit (1u << label) for each label to keep; 0 keeps all. Bits above the
 * last label are ignored (so ~(1u << CYBERNER_PERSON) keeps all but people);
 * a mask with no label bit at all is CYBERNER_EINVAL. */
CYBERNER_API int cyberner_options_set_labels(cyberner_options *opts, uint32_t mask);
/* Drop entities whose score is below this (0 to 1). */
CYBERNER_API int cyberner_options_set_min_score(cyberner_options *opts, double min_score);

/* ---- Tagging ----------------------------------------------------------- */

typedef struct cyberner_result cyberner_result;

/* Tag utf8[0, len). NUL bytes are ordinary separators, not terminators.
 * Returns a NEW result, or NULL with *err set. */
CYBERNER_API cyberner_result *cyberner_tag(const cyberner_model *model, const char *utf8, size_t len,
                                           const cyberner_options *opts, cyberner_error **err);
CYBERNER_API void cyberner_result_free(cyberner_result *result);

/* A tagger keeps the working buffers of tagging between calls: for many
 * documents, cyberner_tagger_tag() gives the same results as cyberner_tag()
 * without allocating and freeing its scratch each time. One tagger per
 * thread (it is not shared between threads at the same time); any number of
 * taggers share one model, which must outlive them. Returns a NEW tagger, or
 * NULL with *err set. */
typedef struct cyberner_tagger cyberner_tagger;
CYBERNER_API cyberner_tagger *cyberner_tagger_new(const cyberner_model *model, cyberner_error **err);
CYBERNER_API cyberner_result *cyberner_tagger_tag(cyberner_tagger *tagger, const char *utf8, size_t len,
                                                  const cyberner_options *opts, cyberner_error **err);
/* NULL is a no-op. The results it made stay valid. */
CYBERNER_API void cyberner_tagger_free(cyberner_tagger *tagger);

/* Document language (CYBERNER_LANG_*) and its confidence in [0, 1]. */
CYBERNER_API int cyberner_result_lang(const cyberner_result *result);
CYBERNER_API double cyberner_result_lang_confidence(const cyberner_result *result);
/* Number of invalid UTF-8 bytes that were replaced. */
CYBERNER_API size_t cyberner_result_invalid_bytes(const cyberner_result *result);

/* Entities, in text order, never overlapping. */
CYBERNER_API size_t cyberner_result_count(const cyberner_result *result);
CYBERNER_API size_t cyberner_entity_start(const cyberner_result *result, size_t i);
CYBERNER_API size_t cyberner_entity_end(const cyberner_result *result, size_t i);
CYBERNER_API int cyberner_entity_label(const cyberner_result *result, size_t i);
/* Link key ("anssi", "KR", "FR+JP"), NULL when unknown. Borrowed. */
CYBERNER_API const char *cyberner_entity_id(const cyberner_result *result, size_t i);
/* Normalized value (ISO 8601 for dates), NULL when none. Borrowed. */
CYBERNER_API const char *cyberner_entity_value(const cyberner_result *result, size_t i);
/* What found it: "dict:agencies.tsv", "rule:date", "acronym", ... Borrowed. */
CYBERNER_API const char *cyberner_entity_source(const cyberner_result *result, size_t i);
CYBERNER_API double cyberner_entity_score(const cyberner_result *result, size_t i);
/* Language of the sentence the entity is in. */
CYBERNER_API int cyberner_entity_lang(const cyberner_result *result, size_t i);

/* Sentences, in text order, covering the non-blank text. A sentence ends at
 * . ! ? (not after an abbreviation or an initial) and at a line break that
 * does not wrap a line; a run of more than 512 tokens without such an end
 * is cut into sentences of 512 tokens, so that tagging stays linear on any
 * input. */
CYBERNER_API size_t cyberner_result_sentence_count(const cyberner_result *result);
CYBERNER_API size_t cyberner_sentence_start(const cyberner_result *result, size_t i);
CYBERNER_API size_t cyberner_sentence_end(const cyberner_result *result, size_t i);
CYBERNER_API int cyberner_sentence_lang(const cyberner_result *result, size_t i);

/* ---- Language detection alone ------------------------------------------ */

/* Language of utf8[0, len) (CYBERNER_LANG_FR, _EN or _UND); writes the
 * confidence when confidence is not NULL. Thread-safe, no allocation. */
CYBERNER_API int cyberner_detect_language(const cyberner_model *model, const char *utf8, size_t len,
                                          double *confidence);

#ifdef __cplusplus
}
#endif

#endif /* CYBERNER_H */
