// The only file of Gazette that includes ICU headers (see include/gazette_icu.h).
#include "gazette_icu.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

struct gz_break {
    UBreakIterator *iterator;
    UText *text;
};

struct gz_translit {
    UTransliterator *translit;
};

void gz_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity > 0) {
        strncpy(buffer, text, (size_t)capacity - 1);
        buffer[capacity - 1] = 0;
    }
}

const char *gz_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

int gz_failure(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

gz_break *gz_break_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIteratorType type = kind == GZ_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &code);
    if (U_FAILURE(code)) {
        *status = code;
        return NULL;
    }
    gz_break *result = calloc(1, sizeof(gz_break));
    if (result == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->iterator = iterator;
    *status = code;
    return result;
}

void gz_break_set_utf8(gz_break *iterator, const char *utf8, int64_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    // utext_openUTF8 reuses the UText it is given, so no allocation per document.
    iterator->text = utext_openUTF8(iterator->text, utf8, length, &code);
    if (U_SUCCESS(code)) {
        ubrk_setUText(iterator->iterator, iterator->text, &code);
    }
    *status = code;
}

int32_t gz_break_first(gz_break *iterator) { return ubrk_first(iterator->iterator); }

int32_t gz_break_next(gz_break *iterator) { return ubrk_next(iterator->iterator); }

int32_t gz_break_rule_status(gz_break *iterator) { return ubrk_getRuleStatus(iterator->iterator); }

int gz_break_is_boundary(gz_break *iterator, int32_t offset) {
    return ubrk_isBoundary(iterator->iterator, offset) ? 1 : 0;
}

void gz_break_close(gz_break *iterator) {
    if (iterator == NULL) return;
    ubrk_close(iterator->iterator);
    if (iterator->text != NULL) utext_close(iterator->text);
    free(iterator);
}

// Converts UTF-8 to a freshly allocated UTF-16 buffer with `extra` spare units.
static UChar *utf16_from_utf8(const char *src, int32_t length, int32_t extra, int32_t *out_length,
                              int32_t *out_capacity, UErrorCode *code) {
    int32_t needed = 0;
    UErrorCode probe = U_ZERO_ERROR;
    u_strFromUTF8WithSub(NULL, 0, &needed, src, length, 0xFFFD, NULL, &probe);
    if (probe != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(probe)) {
        *code = probe;
        return NULL;
    }
    int32_t capacity = needed + extra + 1;
    UChar *buffer = malloc(sizeof(UChar) * (size_t)capacity);
    if (buffer == NULL) {
        *code = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    u_strFromUTF8WithSub(buffer, capacity, out_length, src, length, 0xFFFD, NULL, code);
    *out_capacity = capacity;
    return buffer;
}

static int32_t utf8_from_utf16(const UChar *src, int32_t length, char *dest, int32_t capacity, UErrorCode *code) {
    int32_t needed = 0;
    u_strToUTF8WithSub(dest, capacity, &needed, src, length, 0xFFFD, NULL, code);
    return needed;
}

int32_t gz_nfkc_casefold(const char *src, int32_t length, char *dest, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&code);
    if (U_FAILURE(code)) { *status = code; return 0; }
    int32_t source_length = 0, source_capacity = 0;
    UChar *source = utf16_from_utf8(src, length, 0, &source_length, &source_capacity, &code);
    if (U_FAILURE(code)) { free(source); *status = code; return 0; }
    int32_t folded_capacity = source_length * 3 + 16;
    UChar *folded = malloc(sizeof(UChar) * (size_t)folded_capacity);
    if (folded == NULL) { free(source); *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
    int32_t folded_length = unorm2_normalize(normalizer, source, source_length, folded, folded_capacity, &code);
    if (code == U_BUFFER_OVERFLOW_ERROR) {
        free(folded);
        folded_capacity = folded_length + 1;
        folded = malloc(sizeof(UChar) * (size_t)folded_capacity);
        code = U_ZERO_ERROR;
        if (folded == NULL) { free(source); *status = U_MEMORY_ALLOCATION_ERROR; return 0; }
        folded_length = unorm2_normalize(normalizer, source, source_length, folded, folded_capacity, &code);
    }
    int32_t result = 0;
    if (U_SUCCESS(code)) result = utf8_from_utf16(folded, folded_length, dest, capacity, &code);
    free(source);
    free(folded);
    *status = code;
    return result;
}

gz_translit *gz_translit_open(const char *id, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UChar uid[256];
    int32_t uid_length = 0;
    u_strFromUTF8(uid, 256, &uid_length, id, -1, &code);
    if (U_FAILURE(code)) { *status = code; return NULL; }
    UTransliterator *translit = utrans_openU(uid, uid_length, UTRANS_FORWARD, NULL, 0, NULL, &code);
    if (U_FAILURE(code)) { *status = code; return NULL; }
    gz_translit *result = calloc(1, sizeof(gz_translit));
    if (result == NULL) { utrans_close(translit); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->translit = translit;
    *status = code;
    return result;
}

int32_t gz_translit_apply(gz_translit *translit, const char *src, int32_t length, char *dest, int32_t capacity,
                          int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t text_length = 0, text_capacity = 0;
    // Transliteration may grow the text ("Щ" -> "Shch"); leave generous room.
    UChar *text = utf16_from_utf8(src, length, length * 4 + 16, &text_length, &text_capacity, &code);
    if (U_FAILURE(code)) { free(text); *status = code; return 0; }
    int32_t limit = text_length;
    utrans_transUChars(translit->translit, text, &text_length, text_capacity, 0, &limit, &code);
    int32_t result = 0;
    if (U_SUCCESS(code)) result = utf8_from_utf16(text, text_length, dest, capacity, &code);
    free(text);
    *status = code;
    return result;
}

void gz_translit_close(gz_translit *translit) {
    if (translit == NULL) return;
    utrans_close(translit->translit);
    free(translit);
}

const char *gz_iso_country(int32_t index) {
    const char *const *countries = uloc_getISOCountries();
    for (int32_t i = 0; countries[i] != NULL; i++) {
        if (i == index) return countries[i];
    }
    return NULL;
}

const char *gz_iso3_country(const char *alpha2) {
    char locale[16];
    snprintf(locale, sizeof locale, "_%s", alpha2);
    return uloc_getISO3Country(locale);
}

int32_t gz_display_country(const char *alpha2, const char *display_locale, char *dest, int32_t capacity,
                           int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    char locale[16];
    UChar name[256];
    snprintf(locale, sizeof locale, "_%s", alpha2);
    int32_t length = uloc_getDisplayCountry(locale, display_locale, name, 256, &code);
    int32_t result = 0;
    if (U_SUCCESS(code)) result = utf8_from_utf16(name, length, dest, capacity, &code);
    *status = code;
    return result;
}

// ---- Charset detection and conversion (feeds, newswire XML without a usable declaration) ----
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

int32_t gz_charset_detect(const char *bytes, int32_t length, const char *declared, char *name, int32_t capacity,
                          int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&code);
    if (U_FAILURE(code)) {
        *status = code;
        return -1;
    }
    // Markup (<tags>) is left out of the statistics: feeds and pages are mostly ASCII tags around the text.
    ucsdet_enableInputFilter(detector, 1);
    ucsdet_setText(detector, bytes, length, &code);
    if (declared != NULL && declared[0] != 0) ucsdet_setDeclaredEncoding(detector, declared, -1, &code);
    const UCharsetMatch *match = U_SUCCESS(code) ? ucsdet_detect(detector, &code) : NULL;
    int32_t confidence = -1;
    if (match != NULL && U_SUCCESS(code)) {
        const char *found = ucsdet_getName(match, &code);
        confidence = ucsdet_getConfidence(match, &code);
        if (U_SUCCESS(code) && found != NULL && capacity > 0) {
            strncpy(name, found, (size_t)capacity - 1);
            name[capacity - 1] = 0;
        } else {
            confidence = -1;
        }
    }
    ucsdet_close(detector);
    *status = code;
    return confidence;
}

/// Counts substitutions, then substitutes as ICU's default callback does.
static void gz_counting_substitute(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                                   int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
    if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
        (*(int32_t *)context)++;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, err);
}

int32_t gz_convert_to_utf8(const char *charset, const char *src, int32_t length, char *dest, int32_t capacity,
                           int32_t *substitutions, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    *substitutions = 0;
    UConverter *source = ucnv_open(charset, &code);
    if (U_FAILURE(code)) {
        *status = code;
        return 0;
    }
    UConverter *target = ucnv_open("UTF-8", &code);
    if (U_FAILURE(code)) {
        ucnv_close(source);
        *status = code;
        return 0;
    }
    ucnv_setToUCallBack(source, gz_counting_substitute, substitutions, NULL, NULL, &code);
    char *out = dest;
    const char *in = src;
    UChar pivot[1024];
    UChar *pivotSource = pivot, *pivotTarget = pivot;
    // One input byte never makes more than 3 bytes of UTF-8, so a caller that gives 3 * length + 16 bytes
    // never sees U_BUFFER_OVERFLOW_ERROR.
    ucnv_convertEx(target, source, &out, dest + capacity, &in, src + length, pivot, &pivotSource, &pivotTarget,
                   pivot + 1024, true, true, &code);
    ucnv_close(source);
    ucnv_close(target);
    *status = code;
    return (int32_t)(out - dest);
}

int32_t gz_convert_from_utf8(const char *charset, const char *src, int32_t length, char *dest, int32_t capacity,
                             int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t written = ucnv_convert(charset, "UTF-8", dest, capacity, src, length, &code);
    *status = code;
    return written;
}

int gz_charset_known(const char *charset) {
    UErrorCode code = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &code);
    if (converter != NULL) ucnv_close(converter);
    return U_SUCCESS(code) ? 1 : 0;
}
