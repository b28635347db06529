// A narrow C interface to the system ICU for the GazetteICU Swift module.
//
// This header must include nothing but <stdint.h>: Swift modules that see
// the system ICU's types beside Foundation's private ICU fail to build
// (see ../shared/notes/swift-icu-libxml2.md). All ICU types stay in the .c file.
#ifndef GAZETTE_ICU_H
#define GAZETTE_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Opaque break iterator over UTF-8 text (words or sentences).
typedef struct gz_break gz_break;
/// Opaque ICU transliterator.
typedef struct gz_translit gz_translit;

enum { GZ_BREAK_WORD = 0, GZ_BREAK_SENTENCE = 1 };
enum { GZ_DONE = -1 };

/// Rule-status ranges of the word break iterator (from ICU's UWordBreak).
enum {
    GZ_WORD_NONE = 0, GZ_WORD_NONE_LIMIT = 100,
    GZ_WORD_NUMBER = 100, GZ_WORD_NUMBER_LIMIT = 200,
    GZ_WORD_LETTER = 200, GZ_WORD_LETTER_LIMIT = 300,
    GZ_WORD_KANA = 300, GZ_WORD_KANA_LIMIT = 400,
    GZ_WORD_IDEO = 400, GZ_WORD_IDEO_LIMIT = 500
};

/// ICU's version as "72.1"; writes at most `capacity` bytes including the NUL.
void gz_icu_version(char *buffer, int32_t capacity);
/// The symbolic name of an ICU status code ("U_ILLEGAL_ARGUMENT_ERROR").
const char *gz_error_name(int32_t status);
/// Whether a status is a failure.
int gz_failure(int32_t status);

/// Opens a break iterator of `kind` for `locale` with no text yet.
gz_break *gz_break_open(int32_t kind, const char *locale, int32_t *status);
/// Points the iterator at UTF-8 text, which must outlive its use. No copy is made.
void gz_break_set_utf8(gz_break *iterator, const char *utf8, int64_t length, int32_t *status);
/// First boundary (a UTF-8 byte offset).
int32_t gz_break_first(gz_break *iterator);
/// Next boundary, or GZ_DONE.
int32_t gz_break_next(gz_break *iterator);
/// Rule status of the segment that ends at the current boundary.
int32_t gz_break_rule_status(gz_break *iterator);
/// Whether a UTF-8 byte offset is a boundary of the current text.
int gz_break_is_boundary(gz_break *iterator, int32_t offset);
/// Releases the iterator.
void gz_break_close(gz_break *iterator);

/// NFKC case folding of UTF-8 text into `dest`; returns the needed length in bytes.
int32_t gz_nfkc_casefold(const char *src, int32_t length, char *dest, int32_t capacity, int32_t *status);

/// Opens a transliterator by ICU id ("Any-Latin; Latin-ASCII").
gz_translit *gz_translit_open(const char *id, int32_t *status);
/// Transliterates UTF-8 text into `dest`; returns the needed length in bytes.
int32_t gz_translit_apply(gz_translit *translit, const char *src, int32_t length, char *dest, int32_t capacity, int32_t *status);
/// Releases the transliterator.
void gz_translit_close(gz_translit *translit);

/// The ISO 3166-1 alpha-2 code at `index` in ICU's list, or NULL past its end.
const char *gz_iso_country(int32_t index);
/// The alpha-3 code for an alpha-2 code ("" when unknown).
const char *gz_iso3_country(const char *alpha2);
/// CLDR display name of a region in a display locale, as UTF-8; returns the needed length.
int32_t gz_display_country(const char *alpha2, const char *display_locale, char *dest, int32_t capacity, int32_t *status);

/// ICU's charset detector (ucsdet) on `length` bytes: writes the best guess's charset name ("windows-1252",
/// "Big5", ...) into `name` (at most `capacity` bytes with the NUL) and returns its confidence 0...100, or -1
/// when ICU has no guess. `declared` (may be NULL) is a charset hint, as the detector's declared encoding.
int32_t gz_charset_detect(const char *bytes, int32_t length, const char *declared, char *name, int32_t capacity,
                          int32_t *status);
/// Converts `length` bytes in `charset` to UTF-8 into `dest` (give it 3 * length + 16 bytes); returns the length
/// written. Bytes that do not fit the charset become U+FFFD; `substitutions` counts them.
int32_t gz_convert_to_utf8(const char *charset, const char *src, int32_t length, char *dest, int32_t capacity,
                           int32_t *substitutions, int32_t *status);
/// Converts UTF-8 to `charset` into `dest`; returns the length written (or needed, with U_BUFFER_OVERFLOW_ERROR).
int32_t gz_convert_from_utf8(const char *charset, const char *src, int32_t length, char *dest, int32_t capacity,
                             int32_t *status);
/// Whether ICU knows a converter for `charset` (an IANA or MIME name or alias).
int gz_charset_known(const char *charset);

#ifdef __cplusplus
}
#endif

#endif
