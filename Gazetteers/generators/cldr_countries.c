/*
 * cldr_countries.c: print Gazette country gazetteer rows from ICU's CLDR data.
 *
 *   cc cldr_countries.c -licuuc -licui18n -o cldr_countries
 *   ./cldr_countries names   > rows   (country, lang, form, kind; no header)
 *   ./cldr_countries iso     > rows   (alpha-2, alpha-3; no header)
 *
 * Regions: uloc_getISOCountries() (ICU already leaves out deprecated codes
 * such as AN, BU, CS, DD, FX, NT, SU, TP, YD, YU, ZR), minus the codes that
 * are not ISO 3166-1 country codes (DG, EA, IC exceptional reservations,
 * XK user-assigned Kosovo).
 *
 * Forms per language (en, nl, de, fr):
 *   name   uloc_getDisplayCountry("_XX", lang)
 *   name   CLDR "Countries%variant" entry (e.g. en "Ivory Coast", "Turkey")
 *   short  CLDR "Countries%short" entry (e.g. en "US", "UK", "Hong Kong")
 * A display name "A (B)" with a capitalised B ("Myanmar (Burma)") yields "A"
 * and "B" as separate name forms, since the parenthesised form never occurs
 * in running text; a variant or short form with a parenthesis is skipped
 * ("Congo (Republic)" would yield "Republic"). A form equal to an earlier
 * form of the same country and language is not repeated.
 * Output order is ICU's (alphabetical by code), then language, then kind;
 * generate.sh sorts it again with LC_ALL=C sort so that the file is stable.
 */
#include <stdio.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

static const char *const LANGS[] = {"en", "nl", "de", "fr"};
static const char *const EXCLUDE[] = {
    /* not ISO 3166-1 country codes */
    "DG", "EA", "IC", "XK", "EU", "EZ", "UN", "QO", "ZZ",
    /* deprecated / transitional; ICU 72 does not list them, kept as a guard */
    "AN", "BU", "CS", "DD", "DY", "FX", "HV", "NH", "NT", "RH", "SU", "TP",
    "YD", "YU", "ZR", NULL};

#define MAXFORMS 16
#define CAP 512

static int excluded(const char *cc) {
    for (int i = 0; EXCLUDE[i]; i++)
        if (strcmp(EXCLUDE[i], cc) == 0) return 1;
    return 0;
}

static char seen[MAXFORMS][CAP];
static int nseen;

static void emit(const char *cc, const char *lang, const char *form, const char *kind) {
    if (!form[0]) return;
    for (int i = 0; i < nseen; i++)
        if (strcmp(seen[i], form) == 0) return;
    if (nseen < MAXFORMS) snprintf(seen[nseen++], CAP, "%s", form);
    printf("country:%s\t%s\t%s\t%s\n", cc, lang, form, kind);
}

/* Emit a form; "A (B)" becomes "A" and "B" when B is capitalised. */
static void emit_split(const char *cc, const char *lang, const char *form, const char *kind) {
    const char *open = strstr(form, " (");
    size_t len = strlen(form);
    /* only when the parenthesis holds a name: fr "Saint-Martin (partie
       néerlandaise)" stays whole, so that it does not collide with MF */
    if (open && len > 0 && form[len - 1] == ')' && open[2] >= 'A' && open[2] <= 'Z') {
        char a[CAP], b[CAP];
        snprintf(a, sizeof a, "%.*s", (int)(open - form), form);
        snprintf(b, sizeof b, "%.*s", (int)(len - 1 - (size_t)(open + 2 - form)), open + 2);
        emit(cc, lang, a, kind);
        emit(cc, lang, b, kind);
    } else {
        emit(cc, lang, form, kind);
    }
}

static int to_utf8(const UChar *u, int32_t ulen, char *out, int32_t cap) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(out, cap, &n, u, ulen, &st);
    if (U_FAILURE(st) || n >= cap) { out[0] = 0; return 0; }
    out[n] = 0;
    return 1;
}

/* Look up table[cc] in the language's own region bundle (no fallback to root). */
static void alt_form(const char *cc, const char *lang, const char *table, const char *kind) {
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *rb = ures_open(U_ICUDATA_NAME "-region", lang, &st);
    if (U_FAILURE(st)) return;
    UResourceBundle *t = ures_getByKey(rb, table, NULL, &st);
    if (U_SUCCESS(st)) {
        int32_t len = 0;
        const UChar *s = ures_getStringByKey(t, cc, &len, &st);
        char buf[CAP];
        /* alternative names with a parenthesis ("Congo (Republic)") are skipped:
           their parts are either ambiguous or not names */
        if (U_SUCCESS(st) && to_utf8(s, len, buf, sizeof buf) && !strchr(buf, '(')) emit(cc, lang, buf, kind);
    }
    ures_close(t);
    ures_close(rb);
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "names";
    int names = strcmp(mode, "names") == 0, iso = strcmp(mode, "iso") == 0;
    if (!names && !iso) {
        fprintf(stderr, "usage: %s names|iso\n", argv[0]);
        return 2;
    }
    for (const char *const *c = uloc_getISOCountries(); *c; c++) {
        const char *cc = *c;
        if (excluded(cc)) continue;
        char loc[8];
        snprintf(loc, sizeof loc, "_%s", cc);
        if (iso) {
            const char *a3 = uloc_getISO3Country(loc);
            if (!a3 || !a3[0]) { fprintf(stderr, "no alpha-3 for %s\n", cc); return 1; }
            printf("%s\t%s\n", cc, a3);
            continue;
        }
        for (size_t l = 0; l < sizeof LANGS / sizeof LANGS[0]; l++) {
            UChar u[CAP];
            char buf[CAP];
            UErrorCode st = U_ZERO_ERROR;
            nseen = 0;
            int32_t n = uloc_getDisplayCountry(loc, LANGS[l], u, CAP, &st);
            if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING) {
                fprintf(stderr, "no %s name for %s: %s\n", LANGS[l], cc, u_errorName(st));
                return 1;
            }
            if (to_utf8(u, n, buf, sizeof buf)) emit_split(cc, LANGS[l], buf, "name");
            alt_form(cc, LANGS[l], "Countries%variant", "name");
            alt_form(cc, LANGS[l], "Countries%short", "short");
        }
    }
    return 0;
}
