/* test-dates.c - unit tests of the DATE recognizer (libcyberner/dates.c).
 *
 * Usage: test-dates [RULES_FILE]
 *   RULES_FILE defaults to $CYB_TEST_DICT_DIR/rules/dates.txt.
 *   CYB_DATES_BENCH=file1:file2 also runs a throughput measurement over
 *   those files (lower-cased, one sentence a line) and prints MB/s.
 *
 * The tests do not depend on the rest of the library: a tiny normalizer
 * stand-in below does what the library's normalizer does to the few
 * characters these texts use (lower case, accents, apostrophes, dashes,
 * spaces) and builds the upper-case mask.
 */
#define _POSIX_C_SOURCE 200809L
#include "dates.h"

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *rules_path;
static char *rules_data;
static size_t rules_len;
static cyb__dates *model;

/* ------------------------------------------------------------------ */
/* normalizer stand-in                                                 */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *from;
    const char *to;
    int upper;
} nmap;

static const nmap nmaps[] = {
    {"\xc3\xa0", "a", 0}, {"\xc3\xa1", "a", 0}, {"\xc3\xa2", "a", 0}, {"\xc3\xa4", "a", 0},
    {"\xc3\xa7", "c", 0}, {"\xc3\xa8", "e", 0}, {"\xc3\xa9", "e", 0}, {"\xc3\xaa", "e", 0},
    {"\xc3\xab", "e", 0}, {"\xc3\xae", "i", 0}, {"\xc3\xaf", "i", 0}, {"\xc3\xb4", "o", 0},
    {"\xc3\xb6", "o", 0}, {"\xc3\xb9", "u", 0}, {"\xc3\xbb", "u", 0}, {"\xc3\xbc", "u", 0},
    {"\xc3\x80", "a", 1}, {"\xc3\x82", "a", 1}, {"\xc3\x87", "c", 1}, {"\xc3\x88", "e", 1},
    {"\xc3\x89", "e", 1}, {"\xc3\x8a", "e", 1}, {"\xc3\x8e", "i", 1}, {"\xc3\x94", "o", 1},
    {"\xc3\x9b", "u", 1}, {"\xc5\x93", "oe", 0}, {"\xc5\x92", "oe", 1}, {"\xc3\xa6", "ae", 0},
    {"\xc2\xa0", " ", 0},  /* NBSP */
    {"\xe2\x80\xaf", " ", 0}, /* narrow NBSP */
    {"\xe2\x80\x99", "'", 0}, /* right single quote */
    {"\xe2\x80\x98", "'", 0},
    {"\xe2\x80\x93", "-", 0}, /* en dash */
    {"\xe2\x80\x94", "-", 0},
    {"\xe2\x80\x91", "-", 0},
    {"\t", " ", 0},
};

/* Returns a malloc'ed normalized copy; *upper gets a malloc'ed mask. */
static char *normalize(const char *in, size_t n, unsigned char **upper, size_t *outlen)
{
    char *out = malloc(n * 2 + 1);
    unsigned char *up = malloc(n * 2 + 1);
    ck_assert_ptr_nonnull(out);
    ck_assert_ptr_nonnull(up);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)in[i];
        if (c >= 0x80 || c == '\t') {
            size_t k;
            for (k = 0; k < sizeof nmaps / sizeof nmaps[0]; k++) {
                size_t fl = strlen(nmaps[k].from);
                if (i + fl <= n && memcmp(in + i, nmaps[k].from, fl) == 0) {
                    for (const char *t = nmaps[k].to; *t; t++) {
                        up[o] = (unsigned char)nmaps[k].upper;
                        out[o++] = *t;
                    }
                    i += fl;
                    break;
                }
            }
            if (k < sizeof nmaps / sizeof nmaps[0])
                continue;
        }
        if (c >= 'A' && c <= 'Z') {
            up[o] = 1;
            out[o++] = (char)(c + 32);
        } else {
            up[o] = 0;
            out[o++] = (char)c;
        }
        i++;
    }
    out[o] = '\0';
    *upper = up;
    *outlen = o;
    return out;
}

/* Runs the recognizer on text and renders "span=value;span=value". */
static void run(const cyb__dates *d, const char *text, int lang, const char *ref, int with_upper,
                char *out, size_t cap)
{
    unsigned char *up;
    size_t nl;
    char *norm = normalize(text, strlen(text), &up, &nl);
    int r[3], *rp = NULL;
    if (ref) {
        ck_assert_int_eq(sscanf(ref, "%d-%d-%d", &r[0], &r[1], &r[2]), 3);
        rp = r;
    }
    cyb__dates_scratch *s = cyb__dates_scratch_new(d);
    ck_assert_ptr_nonnull(s);
    cyb__date_hit hits[16];
    size_t k = cyb__dates_find(d, s, norm, with_upper ? up : NULL, 0, nl, lang, rp, hits, 16);
    out[0] = '\0';
    size_t o = 0;
    for (size_t i = 0; i < k; i++) {
        ck_assert(hits[i].start < hits[i].end && hits[i].end <= nl);
        if (i)
            ck_assert(hits[i].start >= hits[i - 1].end);
        int w = snprintf(out + o, cap - o, "%s%.*s=%s", i ? ";" : "",
                         (int)(hits[i].end - hits[i].start), norm + hits[i].start, hits[i].value);
        ck_assert(w > 0 && (size_t)w < cap - o);
        o += (size_t)w;
    }
    cyb__dates_scratch_free(s);
    free(norm);
    free(up);
}

enum { FR = CYB_DATE_LANG_FR, EN = CYB_DATE_LANG_EN, UND = CYB_DATE_LANG_UND };

typedef struct {
    int lang;
    const char *ref; /* reference date or NULL */
    const char *text;
    const char *expect; /* normalized span=value;... ("" = no date) */
} dcase;

#define NOREF NULL

/* ------------------------------------------------------------------ */
/* cases: one form per line, French and English                        */
/* ------------------------------------------------------------------ */

static const dcase cases_full[] = {
    {FR, NOREF, "Publi\xc3\xa9 le 20 Juin 2024 Mis \xc3\xa0 jour le 20 Juin 2024",
     "20 juin 2024=2024-06-20;20 juin 2024=2024-06-20"},
    {EN, NOREF, "The agreement was signed on 20 June 2024 in Paris.", "20 june 2024=2024-06-20"},
    {FR, NOREF, "s'est tenu \xc3\xa0 Tokyo le mardi 12 juin 2018.", "mardi 12 juin 2018=2018-06-12"},
    {EN, NOREF, "The meeting took place on Tuesday 12 June 2018.",
     "tuesday 12 june 2018=2018-06-12"},
    {EN, NOREF, "On Tuesday, June 12, 2018, the ministers met.",
     "tuesday, june 12, 2018=2018-06-12"},
    {FR, NOREF, "applicable au 1er janvier 2020.", "1er janvier 2020=2020-01-01"},
    {EN, NOREF, "applicable from the 1st of January 2020.", "1st of january 2020=2020-01-01"},
    {EN, NOREF, "close button28 January 2016", "28 january 2016=2016-01-28"},
    {FR, NOREF, "Publi\xc3\xa9 le 28\xc2\xa0janvier\xc2\xa0" "2016.", "28 janvier 2016=2016-01-28"},
    {EN, NOREF, "announced on January 28, 2016, by the minister", "january 28, 2016=2016-01-28"},
    {EN, NOREF, "announced on Jan. 28, 2016.", "jan. 28, 2016=2016-01-28"},
    {FR, NOREF, "publi\xc3\xa9 le 12 janv. 2019 par", "12 janv. 2019=2019-01-12"},
    {EN, NOREF, "It starts on 28th January.", "28th january=XXXX-01-28"},
    {FR, NOREF, "Il commence le 28 janvier.", "28 janvier=XXXX-01-28"},
    {EN, NOREF, "from 2014 26th August to 2016 11th February",
     "2014 26th august=2014-08-26;2016 11th february=2016-02-11"},
    {FR, NOREF, "du 2014 26 ao\xc3\xbbt au 2016 11 f\xc3\xa9vrier",
     "2014 26 aout=2014-08-26;2016 11 fevrier=2016-02-11"},
    {UND, NOREF, "Valls II 2014 26 ao\xc3\xbbt", "2014 26 aout=2014-08-26"},
    {EN, NOREF, "the act of 18\xc2\xa0" "December\xc2\xa0" "2013 and", "18 december 2013=2013-12-18"},
    {FR, NOREF, "le 14 juillet 1789", "14 juillet 1789=1789-07-14"},
    {EN, NOREF, "on 29 February 2023", ""},
    {EN, NOREF, "on 29 February 2024", "29 february 2024=2024-02-29"},
    /* day ordinals written as words */
    {FR, NOREF, "Le premier mars 2024, l'agence", "premier mars 2024=2024-03-01"},
    {EN, NOREF, "On the first of March 2024, the agency", "first of march 2024=2024-03-01"},
    {FR, NOREF, "jusqu'au premier mars", "premier mars=XXXX-03-01"},
    {EN, NOREF, "until the first of March", "first of march=XXXX-03-01"},
    {EN, NOREF, "by the second of June 2021", "second of june 2021=2021-06-02"},
    {EN, NOREF, "the first of many, the first march", ""},
    {FR, NOREF, "le premier ministre, le premier avril 2023", "premier avril 2023=2023-04-01"},
    /* a capitalized ordinal with no year names a holiday, and its month is no date (lowerstart) */
    {EN, NOREF, "over the Fourth of July weekend, on July 4", "july 4=XXXX-07-04"},
    {EN, NOREF, "the Fourth of July 2021 was quiet", "fourth of july 2021=2021-07-04"},
    {EN, NOREF, "until the fourth of July", "fourth of july=XXXX-07-04"},
    /* two years joined by and after the/its/their before an event noun: one range (range_yy_det) */
    {EN, NOREF, "the team it links to the 2015 and 2016 attacks on the grid", "2015 and 2016=2015/2016"},
    {EN, NOREF, "In 2015 and 2016 the attacks went on", "2015=2015;2016=2016"},
};

static const dcase cases_numeric[] = {
    {FR, NOREF, "Communiqu\xc3\xa9 conjoint (12.06.18)", "12.06.18=2018-06-12"},
    {EN, NOREF, "Joint statement (12.06.18).", "12.06.18=2018-06-12"},
    {FR, NOREF, "le 12.06.2018 \xc3\xa0 Paris", "12.06.2018=2018-06-12"},
    {FR, NOREF, "mis en ligne le 2018-06-12.", "2018-06-12=2018-06-12"},
    {EN, NOREF, "posted 2018-06-12.", "2018-06-12=2018-06-12"},
    {FR, NOREF, "r\xc3\xa9union du 12/06/2018 \xc3\xa0 Paris", "12/06/2018=2018-06-12"},
    {EN, NOREF, "meeting of 12/06/2018 in Washington", "12/06/2018=2018-12-06"},
    {UND, NOREF, "12/06/2018", "12/06/2018=2018-06-12"},
    {EN, NOREF, "meeting of 13/06/2018", "13/06/2018=2018-06-13"},
    {FR, NOREF, "r\xc3\xa9union du 06/13/2018", "06/13/2018=2018-06-13"},
    {FR, NOREF, "le 12-06-18", "12-06-18=2018-06-12"},
    {FR, NOREF, "le 31/02/2020", ""},
    {EN, NOREF, "on 31/02/2020", ""},
    {FR, NOREF, "le 12/06/75", "12/06/75=1975-06-12"},
};

static const dcase cases_range[] = {
    {FR, NOREF, "se rencontrent, les 8 et 9 mai 2023, \xc3\xa0 S\xc3\xa9oul",
     "8 et 9 mai 2023=2023-05-08/2023-05-09"},
    {EN, NOREF, "held in Lille on 25 and 26\xc2\xa0January\xc2\xa0" "2016.",
     "25 and 26 january 2016=2016-01-25/2016-01-26"},
    {FR, NOREF, "du 8 au 10 mai 2023", "8 au 10 mai 2023=2023-05-08/2023-05-10"},
    {EN, NOREF, "from 8 to 10 May 2023", "8 to 10 may 2023=2023-05-08/2023-05-10"},
    {FR, NOREF, "le salon, 8-10 mai 2023, \xc3\xa0 Lille", "8-10 mai 2023=2023-05-08/2023-05-10"},
    {FR, NOREF, "du 28 f\xc3\xa9vrier au 2 mars 2024",
     "28 fevrier au 2 mars 2024=2024-02-28/2024-03-02"},
    {FR, NOREF, "du 28 d\xc3\xa9" "cembre au 2 janvier 2024",
     "28 decembre au 2 janvier 2024=2023-12-28/2024-01-02"},
    {EN, NOREF, "on January 25\xe2\x80\x93" "26, 2016", "january 25-26, 2016=2016-01-25/2016-01-26"},
    {EN, NOREF, "between March and June 2022", "march and june 2022=2022-03/2022-06"},
    {FR, NOREF, "entre mars et juin 2022", "mars et juin 2022=2022-03/2022-06"},
    {FR, NOREF, "de janvier \xc3\xa0 mars 2021", "janvier a mars 2021=2021-01/2021-03"},
    {FR, NOREF, "la strat\xc3\xa9gie 2019-2021", "2019-2021=2019/2021"},
    {EN, NOREF, "between 2019 and 2021", "2019 and 2021=2019/2021"},
    {EN, NOREF, "the Treasury acted from 2019 to 2024.", "2019 to 2024=2019/2024"},
    {FR, NOREF, "de 2019 \xc3\xa0 2024", "2019 a 2024=2019/2024"},
    {FR, NOREF, "pour les ann\xc3\xa9" "es 2024 \xc3\xa0 2030", "2024 a 2030=2024/2030"},
    {EN, NOREF, "in the years 2019 to 2024", "2019 to 2024=2019/2024"},
    {FR, NOREF, "en 2024 \xc3\xa0 2030", "2024=2024;2030=2030"},
    {EN, NOREF, "from 2024 to 2019 backwards", "2024=2024;2019=2019"},
    /* a year and a month of another year, after an opener */
    {FR, NOREF, "entre 2021 et mai 2023", "2021 et mai 2023=2021/2023-05"},
    {EN, NOREF, "from March 2019 to 2024", "march 2019 to 2024=2019-03/2024"},
    {EN, NOREF, "in 2021 and May 2023", "2021=2021;may 2023=2023-05"},
    {FR, NOREF, "les 8 et 9 mai", "8 et 9 mai=XXXX-05-08/XXXX-05-09"},
    {FR, "2024-03-15", "les 8 et 9 mai", "8 et 9 mai=2024-05-08/2024-05-09"},
    {FR, NOREF, "du 10 au 8 mai 2023", ""},
    /* every word and sign that may follow a 1-2 digit number (the gate
     * num12_may_match in dates.c lets them all through) */
    {FR, NOREF, "du 8 jusqu'au 10 mai 2023", "8 jusqu'au 10 mai 2023=2023-05-08/2023-05-10"},
    {EN, NOREF, "from 3 until 5 June 2020", "3 until 5 june 2020=2020-06-03/2020-06-05"},
    {EN, NOREF, "from 8 through 10 May", "8 through 10 may=XXXX-05-08/XXXX-05-10"},
    {EN, NOREF, "on 12 till 14 March 2019", "12 till 14 march 2019=2019-03-12/2019-03-14"},
    {EN, NOREF, "on 3rd-5th June 2020", "3rd-5th june 2020=2020-06-03/2020-06-05"},
    {FR, NOREF, "les 8 - 10 mai 2023", "8 - 10 mai 2023=2023-05-08/2023-05-10"},
    {EN, NOREF, "on the 25th and 26th of January 2016",
     "25th and 26th of january 2016=2016-01-25/2016-01-26"},
    {FR, NOREF, "les r\xc3\xa9sultats du 2e trimestre 2023", "2e trimestre 2023=2023-Q2"},
    {EN, NOREF, "for the 2nd half of 2023", "2nd half of 2023=2023-H2"},
    /* weekdays at both ends (range_wd, range_wd_md): the start borrows the
     * end's month and year */
    {FR, NOREF, "la nuit du jeudi 2 au vendredi 3 octobre", "jeudi 2 au vendredi 3 octobre=XXXX-10-02/XXXX-10-03"},
    {FR, NOREF, "du vendredi 19 janv. au samedi 20 janv. 2024",
     "vendredi 19 janv. au samedi 20 janv. 2024=2024-01-19/2024-01-20"},
    {EN, NOREF, "overnight from Friday, Jan. 19, to Saturday, Jan. 20, and",
     "friday, jan. 19, to saturday, jan. 20=XXXX-01-19/XXXX-01-20"},
    {EN, NOREF, "Monday, June 3 \xe2\x80\x93 Friday, June 7, 2024",
     "monday, june 3 - friday, june 7, 2024=2024-06-03/2024-06-07"},
    {EN, NOREF, "from Wednesday, Jan. 31, to Friday, Feb. 2, 2024",
     "wednesday, jan. 31, to friday, feb. 2, 2024=2024-01-31/2024-02-02"},
    {EN, NOREF, "from Saturday, Jan. 20, to Friday, Jan. 19, 2024",
     "saturday, jan. 20=XXXX-01-20;friday, jan. 19, 2024=2024-01-19"},
    /* two weekdays (range_weekdays, groups wd and wd2) */
    {FR, NOREF, "L'OIF a r\xc3\xa9uni lundi et mardi des experts", "lundi et mardi=XXXX-WXX-1/XXXX-WXX-2"},
    {FR, NOREF, "ouvert du lundi au mercredi, puis", "lundi au mercredi=XXXX-WXX-1/XXXX-WXX-3"},
    {FR, NOREF, "entre lundi et mercredi", "lundi et mercredi=XXXX-WXX-1/XXXX-WXX-3"},
    {FR, NOREF, "entre le lundi et le mercredi", "lundi et le mercredi=XXXX-WXX-1/XXXX-WXX-3"},
    {FR, NOREF, "dans la nuit de mardi \xc3\xa0 mercredi", "mardi a mercredi=XXXX-WXX-2/XXXX-WXX-3"},
    {FR, NOREF, "lundi et mardi prochain", "lundi et mardi prochain=XXXX-WXX-1/XXXX-WXX-2"},
    {EN, NOREF, "in the night from Tuesday to Wednesday, shortly",
     "tuesday to wednesday=XXXX-WXX-2/XXXX-WXX-3"},
    {EN, NOREF, "from Monday to Wednesday", "monday to wednesday=XXXX-WXX-1/XXXX-WXX-3"},
    {EN, NOREF, "open Monday\xe2\x80\x93" "Friday", "monday-friday=XXXX-WXX-1/XXXX-WXX-5"},
    {EN, NOREF, "from Friday through Monday", "friday through monday=XXXX-WXX-5/XXXX-WXX-1"},
    {FR, "2024-03-13", "du lundi au mercredi", "lundi au mercredi=2024-03-11/2024-03-13"},
    {EN, "2024-03-13", "from Friday to Monday", "friday to monday=2024-03-08/2024-03-11"},
    {FR, "2024-03-13", "lundi et mardi prochain", "lundi et mardi prochain=2024-03-18/2024-03-19"},
    /* ... not after an article without entre, in a list, before a full
     * date, with ou/or, or the same day twice */
    {FR, NOREF, "pour le mardi et le mercredi, avant", "mardi=XXXX-WXX-2;mercredi=XXXX-WXX-3"},
    {FR, NOREF, "lundi, mardi et mercredi", "lundi=XXXX-WXX-1;mardi=XXXX-WXX-2;mercredi=XXXX-WXX-3"},
    {FR, NOREF, "jeudi et vendredi 3 octobre", "jeudi=XXXX-WXX-4;vendredi 3 octobre=XXXX-10-03"},
    {EN, NOREF, "Monday and Tuesday, June 4", "monday=XXXX-WXX-1;tuesday, june 4=XXXX-06-04"},
    {EN, NOREF, "on Monday or Tuesday", "monday=XXXX-WXX-1;tuesday=XXXX-WXX-2"},
    {FR, NOREF, "du lundi au lundi", "lundi=XXXX-WXX-1;lundi=XXXX-WXX-1"},
    /* two complete dates after a range opener (entre/between, du/de/from) */
    {EN, NOREF, "incidents observed between July 2023 and June 2024.",
     "july 2023 and june 2024=2023-07/2024-06"},
    {FR, NOREF, "observ\xc3\xa9" "es entre septembre 2023 et mars 2025. Elles",
     "septembre 2023 et mars 2025=2023-09/2025-03"},
    {FR, NOREF, "entre le 1er mars 2023 et le 30 juin 2024",
     "1er mars 2023 et le 30 juin 2024=2023-03-01/2024-06-30"},
    {EN, NOREF, "between 1 March 2023 and 30 June 2024",
     "1 march 2023 and 30 june 2024=2023-03-01/2024-06-30"},
    {EN, NOREF, "between March 1, 2023, and June 30, 2024,",
     "march 1, 2023, and june 30, 2024=2023-03-01/2024-06-30"},
    {FR, NOREF, "entre le 1er mars et le 30 juin 2024",
     "1er mars et le 30 juin 2024=2024-03-01/2024-06-30"},
    {FR, NOREF, "la p\xc3\xa9riode du 1er juillet 2023 au 30 juin 2024.",
     "1er juillet 2023 au 30 juin 2024=2023-07-01/2024-06-30"},
    {EN, NOREF, "the period from 1 July 2023 to 30 June 2024.",
     "1 july 2023 to 30 june 2024=2023-07-01/2024-06-30"},
    {FR, NOREF, "de juillet 2023 \xc3\xa0 juin 2024", "juillet 2023 a juin 2024=2023-07/2024-06"},
    {EN, NOREF, "from November 2023 through July 2024", "november 2023 through july 2024=2023-11/2024-07"},
    {FR, NOREF, "du 1er juillet au 30 juin 2024", "1er juillet au 30 juin 2024=2023-07-01/2024-06-30"},
    /* an impossible range: its first date stays (soft) */
    {EN, NOREF, "from January 1, 1986 to September 31, 1986", "january 1, 1986=1986-01-01"},
    {FR, NOREF, "entre mars 2024 et juin 2023", "mars 2024=2024-03;juin 2023=2023-06"},
    /* ... without the opener, two dates */
    {EN, NOREF, "July 2023 and June 2024 were busy", "july 2023=2023-07;june 2024=2024-06"},
    {FR, NOREF, "septembre 2023 et mars 2025", "septembre 2023=2023-09;mars 2025=2025-03"},
    {FR, NOREF, "le 1er juillet 2023 au 30 juin 2024", "1er juillet 2023=2023-07-01;30 juin 2024=2024-06-30"},
    {EN, NOREF, "on 1 July 2023 to 30 June 2024", "1 july 2023=2023-07-01;30 june 2024=2024-06-30"},
    {EN, NOREF, "between 7 October and the end of 2023", "7 october=XXXX-10-07;end of 2023=2023"},
    {FR, NOREF, "entre le 7 octobre et la fin 2023", "7 octobre=XXXX-10-07;fin 2023=2023"},
    /* financial and school years with a two-digit end */
    {FR, NOREF, "le budget 2023-24 de l'agence", "2023-24=2023/2024"},
    {FR, NOREF, "pour l'exercice 2023\xe2\x80\x93" "24,", "2023-24=2023/2024"},
    {EN, NOREF, "the 2023-24 budget", "2023-24=2023/2024"},
    {EN, NOREF, "the 2023\xe2\x80\x93" "24 school year", "2023-24=2023/2024"},
    {FR, NOREF, "la saison 2023/24", "2023/24=2023/2024"},
    {EN, NOREF, "the 1999-00 season", "1999-00=1999/2000"},
    {EN, NOREF, "in FY2023-24 and FY 2025, FY24", "fy2023-24=2023/2024;fy 2025=2025;fy24=2024"},
    {EN, NOREF, "vehicles of model year 2027 and the school year 2023-24",
     "model year 2027=2027;school year 2023-24=2023/2024"},
    {EN, NOREF, "the model 2027 and a year 2030 model", "2030=2030"},
    {EN, NOREF, "the 2019-21 strategy", "2019-21=2019/2021"},
    {FR, NOREF, "la strat\xc3\xa9gie 2019-2021 et la saison 2023-2024", "2019-2021=2019/2021;2023-2024=2023/2024"},
    {FR, NOREF, "la loi 2023-22 et le d\xc3\xa9" "cret n 2019-12", ""},
    {FR, NOREF, "la loi n\xc2\xb0 2008-11 du", ""},
    {EN, NOREF, "posted 2023-06 and 2023-17", ""},
    /* a year in the name of a law or a strategy is a date (rule 6) */
    {EN, NOREF, "The Cyber Security Bill 2024 was passed.", "2024=2024"},
    {EN, NOREF, "under the Cybersecurity Act 2018, the agency", "2018=2018"},
    {EN, NOREF, "the National Cyber Strategy 2022", "2022=2022"},
    {FR, NOREF, "la loi de programmation militaire 2024-2030", "2024-2030=2024/2030"},
    {FR, NOREF, "la Loi de programmation militaire 2024-2030", "2024-2030=2024/2030"},
    {FR, NOREF, "la LPM 2024-2030 et la Strat\xc3\xa9gie 2030", "2024-2030=2024/2030;2030=2030"},
    /* ... but not in the name of a plan, a place or an event */
    {FR, NOREF, "le plan France 2030 et la loi de 2023", "2023=2023"},
    {EN, NOREF, "the Paris 2024 Games and Vision 2030", ""},
    /* ... and in a report's title */
    {EN, NOREF, "ENISA Threat Landscape 2024: availability attacks", "2024=2024"},
    {EN, NOREF, "the Global Cybersecurity Outlook 2024 and Microsoft Outlook 2016", "2024=2024"},
    {EN, NOREF, "the Global Cybersecurity Index 2024", "2024=2024"},
    {FR, NOREF, "Bilan 2023 de l'ANSSI", "2023=2023"},
    {FR, NOREF, "ANSSI Panorama 2024 de la cybermenace", "2024=2024"},
    {FR, NOREF, "France 2030, Paris 2024 et le Rapport 2022", "2022=2022"},
};

static const dcase cases_month[] = {
    {FR, NOREF, "en mai 2023, l'agence", "mai 2023=2023-05"},
    {EN, NOREF, "in March 2021, the agency", "march 2021=2021-03"},
    {FR, NOREF, "Lanc\xc3\xa9 en juin, le programme", "juin=XXXX-06"},
    {EN, NOREF, "Launched in October, the programme", "october=XXXX-10"},
    {EN, NOREF, "The report was published in May.", "may=XXXX-05"},
    {EN, NOREF, "The law enters into force in June of 2021", "june of 2021=2021-06"},
    {FR, NOREF, "en ao\xc3\xbbt dernier, portant sur", "aout dernier=XXXX-08"},
    {EN, NOREF, "at Camp David last August, the leaders", "last august=XXXX-08"},
    {FR, "2024-03-15", "en ao\xc3\xbbt dernier", "aout dernier=2023-08"},
    {EN, "2024-03-15", "last August", "last august=2023-08"},
    {FR, "2024-03-15", "en mai prochain", "mai prochain=2024-05"},
    {EN, "2024-03-15", "last March", "last march=2023-03"},
    /* relative to another date of the text: never resolved against ref */
    {FR, NOREF, "Publi\xc3\xa9 le 20 novembre 2024 et entr\xc3\xa9 en vigueur le 10 d\xc3\xa9" "cembre suivant, le",
     "20 novembre 2024=2024-11-20;10 decembre suivant=XXXX-12-10"},
    {FR, "2025-03-15", "le 10 d\xc3\xa9" "cembre suivant", "10 decembre suivant=XXXX-12-10"},
    {FR, NOREF, "le 3 mars pr\xc3\xa9" "c\xc3\xa9" "dent", "3 mars precedent=XXXX-03-03"},
    {FR, NOREF, "en juin suivant, puis le lundi suivant",
     "juin suivant=XXXX-06;lundi suivant=XXXX-WXX-1"},
    {FR, "2024-03-15", "l'automne suivant", "automne suivant=XXXX-FA"},
    {FR, NOREF, "le 10 d\xc3\xa9" "cembre suivant les recommandations", "10 decembre=XXXX-12-10"},
    {FR, NOREF, "en mars suivant l'avis", "mars=XXXX-03"},
    /* French months are written in lower case: a capitalized one alone is
     * a name (the planet), with a day or a year still a date */
    {FR, NOREF, "veut coloniser Mars pendant que", ""},
    /* ... but with a relative word it is a date, at a sentence's start too */
    {FR, NOREF, "Janvier dernier, l'agence a publi\xc3\xa9", "janvier dernier=XXXX-01"},
    {FR, NOREF, "Mars prochain, puis juin dernier", "mars prochain=XXXX-03;juin dernier=XXXX-06"},
    {FR, NOREF, "jusqu'\xc3\xa0 la fin d'octobre, puis d\xc3\xa9" "but d'avril 2024", "fin d'octobre=XXXX-10;debut d'avril 2024=2024-04"},
    {FR, NOREF, "En mars, puis Mars 2024 et le 3 Mars", "mars=XXXX-03;mars 2024=2024-03;3 mars=XXXX-03-03"},
    {EN, NOREF, "on 10 December following the vote", "10 december=XXXX-12-10"},
    {EN, NOREF, "the following December", "december=XXXX-12"},
    /* a month as a modifier (month_mod) */
    {EN, NOREF, "A recording of a June phone call in which", "june=XXXX-06"},
    {EN, NOREF, "only patchily. The May circular told institutions", "may=XXXX-05"},
    {EN, NOREF, "estimated the April trade surplus at", "april=XXXX-04"},
    {EN, NOREF, "a June Smith said", ""},
    /* ... after a/an too (round 16: an April warning, an August attack) */
    {EN, NOREF, "The disclosure followed an April warning by the agency", "april=XXXX-04"},
    {EN, NOREF, "best known for an August attack on Prosper", "august=XXXX-08"},
    {EN, NOREF, "it published a March report on", "march=XXXX-03"},
    {EN, NOREF, "an April Fool prank", ""},
    {EN, NOREF, "is there a may clause", ""},
    /* a month of a year relative to the reference (month_ryear, RYEAR_OF) */
    {EN, NOREF, "It detected the malware in February of last year but", "february of last year=XXXX-02"},
    {EN, "2024-03-15", "It detected the malware in February of last year but",
     "february of last year=2023-02"},
    {EN, "2024-03-15", "in May of next year", "may of next year=2025-05"},
    {EN, "2024-03-15", "since March of this year", "march of this year=2024-03"},
    {EN, "2024-03-15", "on 5 March of last year", "5 march of last year=2023-03-05"},
    {EN, "2024-03-15", "in late March of last year", "late march of last year=2023-03"},
    {FR, NOREF, "en juin de l'ann\xc3\xa9" "e derni\xc3\xa8re", "juin de l'annee derniere=XXXX-06"},
    {FR, "2024-03-15", "en juin de l'ann\xc3\xa9" "e derni\xc3\xa8re", "juin de l'annee derniere=2023-06"},
    {FR, "2024-03-15", "juin de l'an dernier", "juin de l'an dernier=2023-06"},
    {FR, "2024-03-15", "en septembre de cette ann\xc3\xa9" "e", "septembre de cette annee=2024-09"},
    /* a range of days with its relative word, a range of years with a qualifier of its end */
    {FR, NOREF, "du 15 au 17 juin dernier, le", "15 au 17 juin dernier=XXXX-06-15/XXXX-06-17"},
    {FR, "2024-03-15", "du 15 au 17 juin dernier, le", "15 au 17 juin dernier=2023-06-15/2023-06-17"},
    {EN, NOREF, "it ran between 2021 and early 2023 in", "2021 and early 2023=2021/2023"},
    /* "cette année-là" is the year the text told of: only the month */
    {FR, NOREF, "fin avril de cette ann\xc3\xa9" "e-l\xc3\xa0, le", "fin avril=XXXX-04"},
    {FR, "2024-03-15", "le 5 juin de l'an prochain", "5 juin de l'an prochain=2025-06-05"},
    {EN, NOREF, "it may of last year be", ""},
    {EN, NOREF, "the end of last year and March of the year", "march=XXXX-03"},
    {FR, NOREF, "en juin de l'ann\xc3\xa9" "e suivante", "juin=XXXX-06"},
    {EN, NOREF, "the March of Dimes", ""},
    {EN, NOREF, "that may be the may option", ""},
    /* the demonstrative "that" before a month or a season (rel_dem): in the
     * span, never resolved against the reference date */
    {EN, "2024-03-15", "We met that summer in Vilnius", "that summer=XXXX-SU"},
    {EN, "2024-03-15", "it was signed that September by both", "that september=XXXX-09"},
    {EN, NOREF, "That winter, the attacks grew", "that winter=XXXX-WI"},
    {EN, NOREF, "problems that spring from the law", ""},
    {EN, NOREF, "he said that May would go", ""},
    {EN, NOREF, "the attacks that fall under the law", ""},
    {EN, NOREF, "the team began operating that August. Then", "that august=XXXX-08"},
    {EN, NOREF, "That March, the ministry", "that march=XXXX-03"},
    {EN, NOREF, "they said that August Schmidt left.", ""},
    /* "that" after a verb of saying is the conjunction: the month alone */
    {EN, NOREF, "councils warned that December salaries were late", "december=XXXX-12"},
    {EN, NOREF, "officials said that September was calm", "september=XXXX-09"},
    /* the following Monday, the previous Friday (follow_weekday): relative
     * to a date of the text, never resolved; not without "the" */
    {EN, "2024-03-15", "and learned more the following Monday.", "following monday=XXXX-WXX-1"},
    {EN, NOREF, "it had started the previous Friday", "previous friday=XXXX-WXX-5"},
    {EN, NOREF, "following Monday's attack", "monday=XXXX-WXX-1"},
    /* back to at least 2005, until at least 2030 (year_atleast); not a count */
    {EN, NOREF, "records going back to at least 2005.", "2005=2005"},
    {EN, NOREF, "in force until at least 2030", "2030=2030"},
    {EN, NOREF, "at least 2005 people", ""},
    /* since about 2012, depuis environ 2015 (year_atleast); not a count */
    {EN, NOREF, "active since about 2012, the group", "2012=2012"},
    {FR, NOREF, "actif depuis environ 2015, le groupe", "2015=2015"},
    {EN, NOREF, "about 2012 people came", ""},
    /* two months of a year joined by to/through without an opener (range_my_to) */
    {EN, NOREF, "covering November 2018 to November 2022, had", "november 2018 to november 2022=2018-11/2022-11"},
    {EN, NOREF, "March 2023 through June 2024", "march 2023 through june 2024=2023-03/2024-06"},
    {EN, NOREF, "in March 2023 to 40 people", "march 2023=2023-03"},
    {FR, NOREF, "mars 2020 a mai 2021", "mars 2020=2020-03;mai 2021=2021-05"},
    {EN, NOREF, "we expect that may.", ""},
    {FR, NOREF, "tenue le 31 octobre \xc3\xa0 Washington", "31 octobre=XXXX-10-31"},
    {EN, NOREF, "held on 31 October in Washington", "31 october=XXXX-10-31"},
    {FR, "2024-03-15", "tenue le 31 octobre", "31 octobre=2023-10-31"},
    {EN, NOREF, "on March 5th the", "march 5th=XXXX-03-05"},
    /* a year shared by a coordination: separate dates, not a range */
    {FR, NOREF, "en f\xc3\xa9vrier et en septembre 2023", "fevrier=2023-02;septembre 2023=2023-09"},
    {EN, NOREF, "in March and in June 2022", "march=2022-03;june 2022=2022-06"},
    {FR, NOREF, "en janvier, f\xc3\xa9vrier et mars 2024",
     "janvier=2024-01;fevrier=2024-02;mars 2024=2024-03"},
    {EN, NOREF, "in January, February, and March 2024",
     "january=2024-01;february=2024-02;march 2024=2024-03"},
    {FR, NOREF, "le 3 f\xc3\xa9vrier et le 5 mars 2023", "3 fevrier=2023-02-03;5 mars 2023=2023-03-05"},
    {EN, NOREF, "on 3 February and on 5 March 2023", "3 february=2023-02-03;5 march 2023=2023-03-05"},
    {FR, NOREF, "en mai ou en juin 2021", "mai=2021-05;juin 2021=2021-06"},
    {EN, NOREF, "in March and in June", "march=XXXX-03;june=XXXX-06"},
    /* "et" right between two months with one year is still a range */
    {FR, NOREF, "entre janvier et mai 2022", "janvier et mai 2022=2022-01/2022-05"},
    {EN, NOREF, "from March to June 2022", "march to june 2022=2022-03/2022-06"},
};

static const dcase cases_season[] = {
    {FR, NOREF, "durant la 48\xc3\xa8me R\xc3\xa9union, \xc3\xa0 l\xe2\x80\x99" "automne 2023.",
     "automne 2023=2023-FA"},
    {EN, NOREF, "in the autumn of 2023", "autumn of 2023=2023-FA"},
    {FR, NOREF, "pendant l'\xc3\xa9t\xc3\xa9 2019", "ete 2019=2019-SU"},
    {EN, NOREF, "during summer 2019", "summer 2019=2019-SU"},
    /* a qualifier before a season (qual_season_fr, qual_season; round 17) */
    {FR, NOREF, "puis la fin de l'\xc3\xa9t\xc3\xa9 2024. Administrations", "fin de l'ete 2024=2024-SU"},
    {FR, NOREF, "au d\xc3\xa9" "but de l'automne 2023", "debut de l'automne 2023=2023-FA"},
    {FR, NOREF, "\xc3\xa0 la mi-\xc3\xa9t\xc3\xa9 2025", "mi-ete 2025=2025-SU"},
    {FR, NOREF, "\xc3\xa0 la fin de l'hiver, le", "fin de l'hiver=XXXX-WI"},
    {FR, "2024-03-15", "\xc3\xa0 la fin de l'hiver", "fin de l'hiver=2023-WI"},
    {FR, NOREF, "d\xc3\xa8s la fin du printemps 2022", "fin du printemps 2022=2022-SP"},
    {FR, NOREF, "au milieu de l'\xc3\xa9t\xc3\xa9 dernier", "milieu de l'ete dernier=XXXX-SU"},
    {FR, "2024-03-15", "l'\xc3\xa9t\xc3\xa9 de l'an dernier", "ete de l'an dernier=2023-SU"},
    {FR, NOREF, "depuis la fin du Printemps arabe", ""},
    {FR, NOREF, "la fin du printemps de Prague", ""},
    {EN, NOREF, "in late summer 2024", "late summer 2024=2024-SU"},
    {EN, NOREF, "in early autumn 2023", "early autumn 2023=2023-FA"},
    {EN, NOREF, "by the end of summer 2024", "end of summer 2024=2024-SU"},
    {EN, NOREF, "by the end of the summer, the", "end of the summer=XXXX-SU"},
    {EN, NOREF, "at the beginning of autumn 2023", "beginning of autumn 2023=2023-FA"},
    {EN, NOREF, "in late summer, the", "late summer=XXXX-SU"},
    {EN, NOREF, "by mid-winter", "mid-winter=XXXX-WI"},
    {EN, "2024-03-15", "since the end of last summer", "end of last summer=2023-SU"},
    {EN, "2024-03-15", "in the summer of last year", "summer of last year=2023-SU"},
    {EN, NOREF, "a late fall in prices and the end of the fall", ""},
    {EN, NOREF, "in late fall 2023", "late fall 2023=2023-FA"},
    {FR, NOREF, "au printemps 2022", "printemps 2022=2022-SP"},
    {EN, NOREF, "in spring 2022", "spring 2022=2022-SP"},
    {FR, NOREF, "l'hiver 2021", "hiver 2021=2021-WI"},
    {EN, NOREF, "the fall 2023 release", "fall 2023=2023-FA"},
    {FR, NOREF, "au printemps, l'agence", "printemps=XXXX-SP"},
    {FR, NOREF, "l'automne dernier", "automne dernier=XXXX-FA"},
    {EN, NOREF, "since last fall", "last fall=XXXX-FA"},
    {FR, "2024-03-15", "l'automne dernier", "automne dernier=2023-FA"},
    /* two seasons after a range opener (range_season, groups season and
     * season2) */
    {EN, NOREF, "between spring 2024 and autumn 2025", "spring 2024 and autumn 2025=2024-SP/2025-FA"},
    {EN, NOREF, "between the summer of 2022 and the fall of 2023 to reach",
     "summer of 2022 and the fall of 2023=2022-SU/2023-FA"},
    {FR, NOREF, "entre l\xe2\x80\x99\xc3\xa9t\xc3\xa9 2023 et l\xe2\x80\x99hiver 2024, les",
     "ete 2023 et l'hiver 2024=2023-SU/2024-WI"},
    {FR, NOREF, "de l'\xc3\xa9t\xc3\xa9 2022 \xc3\xa0 l'hiver 2023", "ete 2022 a l'hiver 2023=2022-SU/2023-WI"},
    {FR, NOREF, "du printemps 2023 \xc3\xa0 l'automne 2024", "printemps 2023 a l'automne 2024=2023-SP/2024-FA"},
    {EN, NOREF, "from spring to autumn 2024", "spring to autumn 2024=2024-SP/2024-FA"},
    {FR, NOREF, "entre l'hiver et le printemps 2024", "hiver et le printemps 2024=2023-WI/2024-SP"},
    /* ... not backward, not without the opener, not without a year */
    {EN, NOREF, "from autumn 2025 to spring 2024", "autumn 2025=2025-FA;spring 2024=2024-SP"},
    {FR, NOREF, "l'\xc3\xa9t\xc3\xa9 2023 et l'hiver 2024", "ete 2023=2023-SU;hiver 2024=2024-WI"},
    {EN, NOREF, "spring 2024 and autumn 2025", "spring 2024=2024-SP;autumn 2025=2025-FA"},
    {EN, NOREF, "between spring and autumn", ""},
    {EN, NOREF, "the Arab Spring movement", ""},
    {EN, NOREF, "prices may fall sharply", ""},
};

static const dcase cases_year[] = {
    {FR, NOREF, "Fond\xc3\xa9 en 2014, le CCWG", "2014=2014"},
    {EN, NOREF, "Launched in 2017, PaCSON brings", "2017=2017"},
    {EN, NOREF, "meets every year since 1976 the ministers", "1976=1976"},
    {FR, NOREF, "pour la premi\xc3\xa8re fois depuis 2019, apr\xc3\xa8s", "2019=2019"},
    {EN, NOREF, "frameworks: 2015 saw the implementation", "2015=2015"},
    {FR, NOREF, "remonte \xc3\xa0 1953, \xc3\xa0 la fin", "1953=1953"},
    {FR, NOREF, "Jeux de Tokyo en 2020 et de Paris en 2024.", "2020=2020;2024=2024"},
    {FR, NOREF, "sa plus grande d\xc3\xa9" "ception de l'ann\xc3\xa9" "e 2007 .", "2007=2007"},
    {EN, NOREF, "a 2019 report (2020)", "2019=2019;2020=2020"},
    {EN, NOREF, "in the 1990s", "1990s=199"},
    {EN, NOREF, "Net profit: 1996 1995", "1996=1996;1995=1995"},
    {FR, NOREF, "dans les ann\xc3\xa9" "es 1990", "annees 1990=199"},
    /* "over" before a year that is no round number nor a count (year_over) */
    {EN, NOREF, "names China over 2021 parliamentary network intrusion", "2021=2021"},
    {EN, NOREF, "GRU Officers Over 2020 Hack of Estonian Ministries", "2020=2020"},
    {EN, NOREF, "over 2000 people and over 2015 votes", ""},
    /* a determiner before a year and an event noun (year_det) */
    {EN, NOREF, "after the 2023 attacks on its network", "2023=2023"},
    {EN, NOREF, "its 2024 incidents and their 2021 intrusions", "2024=2024;2021=2021"},
    {EN, NOREF, "the 2000 attacks a day and some 2023 attacks", ""},
};

static const dcase cases_relative[] = {
    {FR, NOREF, "a indiqu\xc3\xa9 lundi le bureau", "lundi=XXXX-WXX-1"},
    {EN, NOREF, "the office said on Monday", "monday=XXXX-WXX-1"},
    {FR, NOREF, "jeudi dernier, le ministre", "jeudi dernier=XXXX-WXX-4"},
    {EN, NOREF, "last Thursday, the minister", "last thursday=XXXX-WXX-4"},
    {FR, NOREF, "vendredi prochain", "vendredi prochain=XXXX-WXX-5"},
    {EN, NOREF, "next Friday", "next friday=XXXX-WXX-5"},
    {FR, "2024-03-15", "a indiqu\xc3\xa9 lundi", "lundi=2024-03-11"},
    {EN, "2024-03-15", "said on Monday", "monday=2024-03-11"},
    {FR, "2024-03-15", "jeudi dernier", "jeudi dernier=2024-03-14"},
    {EN, "2024-03-15", "last Thursday", "last thursday=2024-03-14"},
    {FR, "2024-03-15", "vendredi dernier", "vendredi dernier=2024-03-08"},
    {FR, "2024-03-15", "lundi prochain", "lundi prochain=2024-03-18"},
    {EN, "2024-03-15", "next Friday", "next friday=2024-03-22"},
    {FR, NOREF, "d'ici fin mars", "fin mars=XXXX-03"},
    {EN, NOREF, "by late March", "late march=XXXX-03"},
    {FR, "2024-03-15", "d'ici fin mars", "fin mars=2024-03"},
    {EN, NOREF, "in the second quarter of next year", "second quarter of next year=XXXX-Q2"},
    {FR, NOREF, "au deuxi\xc3\xa8me trimestre de l'ann\xc3\xa9" "e prochaine",
     "deuxieme trimestre de l'annee prochaine=XXXX-Q2"},
    {EN, "2024-03-15", "in the second quarter of next year", "second quarter of next year=2025-Q2"},
    {FR, NOREF, "au 2e trimestre 2023", "2e trimestre 2023=2023-Q2"},
    {EN, NOREF, "Q3 2023 results", "q3 2023=2023-Q3"},
    {FR, NOREF, "au premier semestre 2023", "premier semestre 2023=2023-H1"},
    {EN, NOREF, "in the first half of 2023", "first half of 2023=2023-H1"},
    /* relative expressions with no calendar word are not dates (rule 7) */
    {EN, NOREF, "Last week, yesterday, next year and this year", ""},
    {FR, NOREF, "hier, la semaine derni\xc3\xa8re, l\xe2\x80\x99" "an prochain en France", ""},
};

static const dcase cases_qualifier[] = {
    {EN, NOREF, "following the attacks of early 2015 has", "early 2015=2015"},
    {FR, NOREF, "d'ici fin 2022", "fin 2022=2022"},
    {FR, NOREF, "\xc3\xa0 la mi-2021", "mi-2021=2021"},
    {EN, NOREF, "by mid\xe2\x80\x91" "2021", "mid-2021=2021"},
    {FR, NOREF, "d\xc3\xa9" "but 2020, l'agence", "debut 2020=2020"},
    {EN, NOREF, "in late 2019", "late 2019=2019"},
    {EN, NOREF, "before the end of 2022", "end of 2022=2022"},
    {FR, NOREF, "fin janvier 2024", "fin janvier 2024=2024-01"},
    {EN, NOREF, "in early March 2021", "early march 2021=2021-03"},
    {FR, NOREF, "courant 2023", "courant 2023=2023"},
    {FR, NOREF, "\xc3\xa0 la fin de l'ann\xc3\xa9" "e 2023, le CERT", "fin de l'annee 2023=2023"},
    {FR, NOREF, "en d\xc3\xa9" "but d'ann\xc3\xa9" "e 2022", "debut d'annee 2022=2022"},
    {FR, NOREF, "au milieu de l'ann\xc3\xa9" "e 2021", "milieu de l'annee 2021=2021"},
    {FR, NOREF, "\xc3\xa0 la fin de 2023", "fin de 2023=2023"},
    {FR, NOREF, "\xc3\xa0 la fin du mois de mars 2024", "fin du mois de mars 2024=2024-03"},
    {FR, NOREF, "\xc3\xa0 la mi-octobre", "mi-octobre=XXXX-10"},
    {FR, NOREF, "courant 2024", "courant 2024=2024"},
    {FR, NOREF, "au cours du premier semestre 2024", "premier semestre 2024=2024-H1"},
    {FR, NOREF, "\xc3\xa0 la fin de l'ann\xc3\xa9" "e, \xc3\xa0 la fin du mois", ""},
    {EN, NOREF, "since the start of 2022", "start of 2022=2022"},
    {EN, NOREF, "by end-2023 or end-March", "end-2023=2023;end-march=XXXX-03"},
    {EN, NOREF, "by mid-2023 and in mid-October", "mid-2023=2023;mid-october=XXXX-10"},
    {EN, NOREF, "in late 2024", "late 2024=2024"},
    {EN, NOREF, "in the mid-2020s and the early 2000s", "mid-2020s=202;early 2000s=200"},
    {EN, NOREF, "H1 2024 results and Q4 2023", "h1 2024=2024-H1;q4 2023=2023-Q4"},
    {EN, NOREF, "the week of 12 May", "12 may=XXXX-05-12"},
};

static const dcase cases_negative[] = {
    {EN, NOREF, "PaCSON now has 16 members and", ""},
    {EN, NOREF, "from 16 member states", ""},
    {FR, NOREF, "Illust: R\xc3\xa9union intergouverne, 135 ko, 1500x750", ""},
    {FR, NOREF, "Mis \xc3\xa0 jour", ""},
    {EN, NOREF, "The agency may decide to act.", ""},
    {EN, NOREF, "You may go now.", ""},
    {EN, NOREF, "Theresa May said", ""},
    {EN, NOREF, "May I add", ""},
    {EN, NOREF, "versions 1 to 5 may be affected", ""},
    {EN, NOREF, "upgrade to version 2.0.2019 now", ""},
    {EN, NOREF, "version 1.2.18 fixes it", ""},
    {EN, NOREF, "the flaw CVE-2021-44228 in Log4j", ""},
    {FR, NOREF, "la faille cve-2021-44228", ""},
    {FR, NOREF, "plan France Relance et France 2030", ""},
    {EN, NOREF, "running Windows 2000 servers", ""},
    {FR, NOREF, "plus de 2000 euros", ""},
    {EN, NOREF, "some 2000 people", ""},
    {EN, NOREF, "1920x1080 pixels", ""},
    {FR, NOREF, "covid-19, le 48\xc3\xa8me sommet, le G20", ""},
    {FR, NOREF, "tel. 01.45.75.19.73", ""},
    {FR, NOREF, "t\xc3\xa9l\xc3\xa9phone 01 45 75 19 73", ""},
    {EN, NOREF, "server 10.12.18.5 was", ""},
    {FR, NOREF, "une maison, mais marsupial, lundis", ""},
    {FR, NOREF, "le 15mai", ""},
    {EN, NOREF, "see https://example.org/2018/06/12/post", ""},
    {EN, NOREF, "the APT28 group and UNC2452", ""},
    {EN, NOREF, "a 3.5% rise, 2019% and 12,2019", ""},
    {FR, NOREF, "d\xc3\xa9" "cret n\xc2\xb0 2019-1234", ""},
    {EN, NOREF, "the protest march", ""},
    {EN, NOREF, "the last march of the veterans", ""},
    {FR, NOREF, "le Premier ministre japonais", ""},
    /* numbers that are counts, or cells of a table */
    {EN, NOREF, "some 2000 soldiers and 1500 troops", ""},
    {FR, NOREF, "ses 2000 soldats et les 1500 hommes", ""},
    {EN, NOREF, "the switch sent 2000 volts", ""},
    {FR, NOREF, "depuis 2000 ans", ""},
    {EN, NOREF, "falling through the 2000 point level", ""},
    {EN, NOREF, "Sydney 21 15 1 5 2067 1687 122.5 62", ""},
    {FR, NOREF, "A New-York 0 2025 0 2027", ""},
    {EN, NOREF, "Bureau +1 213 380 2014", ""},
};

/* without the capitalization mask, nothing tells a name from a date */
static const dcase cases_noupper[] = {
    {EN, NOREF, "plan France 2030", "2030=2030"},
    {EN, NOREF, "in may", "may=XXXX-05"},
    {EN, NOREF, "5 may 2020", "5 may 2020=2020-05-05"},
    {EN, NOREF, "a June Smith said", "june=XXXX-06"},
};

typedef struct {
    const char *name;
    const dcase *cases;
    size_t n;
} dgroup;

#define GROUP(a) {#a, a, sizeof a / sizeof a[0]}
static const dgroup groups[] = {
    GROUP(cases_full),     GROUP(cases_numeric),  GROUP(cases_range),
    GROUP(cases_month),    GROUP(cases_season),   GROUP(cases_year),
    GROUP(cases_relative), GROUP(cases_qualifier), GROUP(cases_negative),
};

static void check_case(const dcase *c, int with_upper)
{
    char got[1024];
    run(model, c->text, c->lang, c->ref, with_upper, got, sizeof got);
    ck_assert_msg(strcmp(got, c->expect) == 0, "text \"%s\" (lang %d, ref %s): got \"%s\", want \"%s\"",
                  c->text, c->lang, c->ref ? c->ref : "none", got, c->expect);
}

#define CASE_TEST(grp)                                                                          \
    START_TEST(test_##grp) { check_case(&grp[_i], 1); }                                         \
    END_TEST
CASE_TEST(cases_full)
CASE_TEST(cases_numeric)
CASE_TEST(cases_range)
CASE_TEST(cases_month)
CASE_TEST(cases_season)
CASE_TEST(cases_year)
CASE_TEST(cases_relative)
CASE_TEST(cases_qualifier)
CASE_TEST(cases_negative)

START_TEST(test_cases_noupper) { check_case(&cases_noupper[_i], 0); }
END_TEST

/* ------------------------------------------------------------------ */
/* API behaviour                                                       */
/* ------------------------------------------------------------------ */

START_TEST(test_free_null)
{
    cyb__dates_free(NULL);
    cyb__dates_scratch_free(NULL);
    ck_assert_ptr_null(cyb__dates_scratch_new(NULL));
}
END_TEST

START_TEST(test_bounds_and_cap)
{
    const char *t = "en 2017 puis en 2018 et en 2019";
    cyb__dates_scratch *s = cyb__dates_scratch_new(model);
    cyb__date_hit h[4];
    size_t k = cyb__dates_find(model, s, t, NULL, 0, strlen(t), FR, NULL, h, 1);
    ck_assert_uint_eq(k, 1);
    ck_assert_str_eq(h[0].value, "2017");
    /* only the middle part: [8, 20) is "puis en 2018" */
    k = cyb__dates_find(model, s, t, NULL, 8, 20, FR, NULL, h, 4);
    ck_assert_uint_eq(k, 1);
    ck_assert_uint_eq(h[0].start, 16);
    ck_assert_uint_eq(h[0].end, 20);
    /* a sentence end cuts a date: "12 juin" only */
    const char *u = "le 12 juin 2018";
    k = cyb__dates_find(model, s, u, NULL, 0, 10, FR, NULL, h, 4);
    ck_assert_uint_eq(k, 1);
    ck_assert_str_eq(h[0].value, "XXXX-06-12");
    ck_assert_uint_eq(cyb__dates_find(model, s, t, NULL, 5, 5, FR, NULL, h, 4), 0);
    ck_assert_uint_eq(cyb__dates_find(model, s, t, NULL, 0, strlen(t), FR, NULL, h, 0), 0);
    /* an impossible reference date is ignored */
    int bad[3] = {2024, 2, 30};
    k = cyb__dates_find(model, s, "lundi", NULL, 0, 5, FR, bad, h, 4);
    ck_assert_uint_eq(k, 1);
    ck_assert_str_eq(h[0].value, "XXXX-WXX-1");
    cyb__dates_scratch_free(s);
}
END_TEST

START_TEST(test_language_filter)
{
    char got[256];
    /* the month-day order is English only */
    run(model, "june 12, 2018", FR, NULL, 1, got, sizeof got);
    ck_assert_str_eq(got, "2018=2018");
    run(model, "June 12, 2018", UND, NULL, 1, got, sizeof got);
    ck_assert_str_eq(got, "june 12, 2018=2018-06-12");
}
END_TEST

/* the same answers with and without JIT */
/* The rules file with one more option line (a second model). */
static cyb__dates *model_with(const char *option_line)
{
    size_t ol = strlen(option_line);
    char *buf = malloc(rules_len + ol + 2);
    memcpy(buf, rules_data, rules_len);
    buf[rules_len] = '\n';
    memcpy(buf + rules_len + 1, option_line, ol + 1);
    char err[512];
    cyb__dates *d = cyb__dates_new(buf, rules_len + ol + 1, "option.txt", err, sizeof err);
    ck_assert_msg(d != NULL, "%s", err);
    free(buf);
    return d;
}

/* Every case gives the same dates with both models. */
static void same_on_cases(const cyb__dates *other)
{
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
        for (size_t i = 0; i < groups[g].n; i++) {
            char a[1024], b[1024];
            const dcase *c = &groups[g].cases[i];
            run(model, c->text, c->lang, c->ref, 1, a, sizeof a);
            run(other, c->text, c->lang, c->ref, 1, b, sizeof b);
            ck_assert_str_eq(a, b);
        }
}

START_TEST(test_no_jit_same_results)
{
    cyb__dates *nj = model_with("option jit=no\n");
    same_on_cases(nj);
    cyb__dates_free(nj);
}
END_TEST

/* text gives the same dates with the shipped rules and with ng (a gate off). */
static void same_without_gate(const cyb__dates *ng, const char *text)
{
    char a[1024], b[1024];
    run(model, text, UND, NULL, 1, a, sizeof a);
    run(ng, text, UND, NULL, 1, b, sizeof b);
    ck_assert_msg(strcmp(a, b) == 0, "\"%s\": \"%s\" with the gate, \"%s\" without", text, a, b);
}

/* The cases, and every text before[i] start[j] after[m], give the same
 * dates with the shipped rules and with a gate off (option_line). */
static void same_on_combinations(const char *option_line, const char *const *before, size_t nb,
                                 const char *const *start, size_t ns, const char *const *after, size_t na)
{
    cyb__dates *ng = model_with(option_line);
    same_on_cases(ng);
    char text[256];
    for (size_t i = 0; i < nb; i++)
        for (size_t j = 0; j < ns; j++)
            for (size_t m = 0; m < na; m++) {
                snprintf(text, sizeof text, "%s%s%s", before[i], start[j], after[m]);
                same_without_gate(ng, text);
            }
    cyb__dates_free(ng);
}

/* The gate in front of the 1-2 digit rules (num12_may_match in dates.c)
 * skips no date: same results without it on the cases and on every
 * combination of a number, what may follow it and an opener before it. */
START_TEST(test_num12_gate_same_results)
{
    static const char *const before[] = {"", "entre le ", "du "};
    static const char *const nums[] = {"5", "12", "31", "05", "3"};
    static const char *const suffixes[] = {"", "er", "re", "eme", "e", "st", "nd", "rd", "th", "x"};
    static const char *const seps[] = {"", " ", "  ", "   ", "-", " - ", " -", "- ", "/", ".", ",", "'"};
    static const char *const after[] = {
        "mai 2023", "janvier", "jan. 2020", "sept", "June 2024", "may", "March", "of June 2021",
        "et 9 mai 2023", "and 26 January 2016", "au 10 mai", "a 10 mai 2023", "to 10 May", "jusqu'au 3 mars",
        "until 4 June 2020", "through 5 July", "till 6 July", "quarter 2024", "trimestre 2023",
        "half of 2023", "semestre", "06/2018", "06.2018", "6.18", "10 mai 2023", "10", "people",
        "2", "06-18", "fevrier au 2 mars 2024", "juin 2024 et le 30 juin 2025", "ao\xc3\xbbt",
        "mars2024", "marsx", "of", "et", "a", "quarterly", "Mai 2023", "-10 mai",
        /* the end of a range after a dash (range_dd), and parts of num_slash / num_dot */
        "10th June 2020", "10 of May 2021", "10er mai", "10eme mai", "10  mai 2023", "10mai",
        "100 mai", "10th-June", "10 -", "6.2018", "12-2018", "123/2018", "1/2/3", "10 th mai"};
    cyb__dates *ng = model_with("option num12_gate=no\n");
    same_on_cases(ng);
    char text[256];
    for (size_t i = 0; i < sizeof before / sizeof before[0]; i++)
        for (size_t j = 0; j < sizeof nums / sizeof nums[0]; j++)
            for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++)
                for (size_t l = 0; l < sizeof seps / sizeof seps[0]; l++)
                    for (size_t m = 0; m < sizeof after / sizeof after[0]; m++) {
                        snprintf(text, sizeof text, "%s%s%s%s%s", before[i], nums[j], suffixes[k],
                                 seps[l], after[m]);
                        same_without_gate(ng, text);
                    }
    cyb__dates_free(ng);
}
END_TEST

/* The gate in front of the 4 digit rules (num4_may_match in dates.c)
 * skips no date: same results without it on the cases and on every
 * combination of a context before, a year and what may follow it. */
START_TEST(test_num4_gate_same_results)
{
    static const char *const before[] = {
        "", "x", "in ", "entre ", "entre le ", "between ", "between the ", "du ", "de ", "d'", "from ",
        "from the ", "annees ", "years ", "over ", "the ", "its ", "their ", "this ", "since at least ",
        "depuis environ ", "9 ", "2019 ", ", ", "version "};
    static const char *const years[] = {"2021", "1990", "2000", "1850", "2030", "1999"};
    static const char *const after[] = {
        "", " ", "  ", ".", ",", "s", "s ", "-06-12", "/06/12", ".06.12", "-22", "/23", " - 2024", " -2024",
        " / 2024", " /23", " et 2023", " and 2024", " to 2024", " a 2024", " au 2024", " jusqu'au 2024",
        " until 2024", " till 2024", " through 2024", "  and  2024", " and the 2024", " attacks",
        " incidents", " elections", " and 2022 attacks", " 26th august", " 26 of august", " 3 mars",
        " 2024", " of 2024", " et juin 2024", " to june 2024", " au mois de mai", " and june 2022",
        " jusqu'au 3 mars 2025", " et le 30 juin 2025", "\n2024", " people", "%", " %", ":30", ",5",
        "x", " x 2024", " - june 2024", " 12 2023"};
    same_on_combinations("option num4_gate=no\n", before, sizeof before / sizeof before[0], years,
                         sizeof years / sizeof years[0], after, sizeof after / sizeof after[0]);
}
END_TEST

/* The gate in front of the rules that start at a weekday, an ordinal or a
 * relative word (word_may_match in dates.c) skips no date: same results without it
 * on the cases and on every combination of such a word, what may follow it
 * and an opener before it. */
START_TEST(test_word_gate_same_results)
{
    static const char *const before[] = {"", "entre ", "du ", "between ", "from the "};
    static const char *const words[] = {"friday", "Friday", "lundi", "first", "premier", "second",
                                        "third", "fourth", "deuxieme", "troisieme", "this", "Last",
                                        "next", "that", "following", "the previous"};
    static const char *const seps[] = {"", " ", "  ", ",", " ,", ", ", " , ", "-", " -",
                                       " - ", "- ", ".", "'s ", " the "};
    static const char *const after[] = {
        "12 june 2024", "june 12, 2024", "12", "juin", "of March 2024", "quarter 2023",
        "trimestre 2023", "half of 2023", "semestre", "et mardi", "and Saturday 4 May",
        "au mardi 4 mars", "to Friday", "jusqu'au jeudi", "until Monday", "through Friday",
        "till Sunday", "a vendredi", "time", "people", "Jan. 19, to Saturday, Jan. 20",
        "2 au vendredi 3 octobre", "mars", "quarterly", "x", "June, 3", "summer", "spring from",
        "fall 2024", "monday", "week", "may", "August", "hiver"};
    cyb__dates *ng = model_with("option word_gate=no\n");
    same_on_cases(ng);
    char text[256];
    for (size_t i = 0; i < sizeof before / sizeof before[0]; i++)
        for (size_t j = 0; j < sizeof words / sizeof words[0]; j++)
            for (size_t l = 0; l < sizeof seps / sizeof seps[0]; l++)
                for (size_t m = 0; m < sizeof after / sizeof after[0]; m++) {
                    snprintf(text, sizeof text, "%s%s%s%s", before[i], words[j], seps[l], after[m]);
                    same_without_gate(ng, text);
                }
    cyb__dates_free(ng);
}
END_TEST

/* The gates of single rules (rule_may_match in dates.c: the year rules,
 * the month rules after a month, the range openers) skip no date: same
 * results without them on the cases and on every combination of an opener
 * or a context word, a year, a month or a q/t/h mark, and what may follow. */
START_TEST(test_rule_gate_same_results)
{
    static const char *const before[] = {
        "", "x", "entre ", "entre le ", "between ", "between the ", "du ", "de ", "d'", "from ",
        "from the ", "annees ", "years ", "since at least ", "back to at least ", "until at least ", "depuis au moins ", "over ", "the ", "its ", "their ", "this ",
        "a ", "an ", "in ", "Windows ", "9 ", "2019 ", "version ", "art. ", "since ", "at least ",
        ", ", "microsoft outlook "};
    static const char *const starts[] = {"2021", "1990", "2000", "1850", "2030", "May", "march",
                                         "june", "juin", "Sept.", "q", "t", "h"};
    static const char *const after[] = {
        "", " ", ".", ",", "s", "s ", "-06-12", "/06/12", ".06.12", "-22", "/23", " - 2024",
        " et 2023", " and 2024", " to 2024", " a 2024", " au 2024", " attacks", " incidents",
        " and 2022 attacks", " 26th august", " 2024", " of 2024", " of last year", " de l'annee derniere",
        " de cette annee", " and june 2022", " et juin", "-avril 2021", " - june", " to june 2024",
        " jusqu'au 3 mars", " 5", " 5-6, 2016", " 25 and 26, 2016", " 25th to february 2", " 5th",
        " 12 2023 et le 30 juin 2025", " 2023 et mai 2024", " 2019 and 2021", " circular",
        " Smith", "%", " %", "2", "x", "1 2023", "3 2022", " people", "4", ":30", ",5",
        " 1 mars 2023 et le 30 juin 2024", " 2 2024 to Friday, Jan 3, 2025"};
    same_on_combinations("option rule_gate=no\n", before, sizeof before / sizeof before[0], starts,
                         sizeof starts / sizeof starts[0], after, sizeof after / sizeof after[0]);
}
END_TEST

/* ------------------------------------------------------------------ */
/* rule file errors                                                    */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *file;
    const char *prefix; /* the message starts with this */
    const char *has;    /* and contains this */
} badcase;

static const badcase bad_files[] = {
    /* pcre2's message, and the line of the faulty pattern line */
    {"word month/fr 1 janvier\n"
     "rule bad on=month\n"
     "    (?<m>{month})\n"
     "    (?<y>[0-9]{4}\n",
     "bad.txt:4: rule 'bad': pcre2 error at offset", "missing closing parenthesis"},
    /* an error inside a define is reported on the define's line */
    {"word month/fr 1 janvier\n"
     "define X [z-a]\n"
     "rule bad on=month\n"
     "    (?<m>{month}){X}\n",
     "bad.txt:2: rule 'bad': pcre2 error", "range out of order"},
    {"word month/fr 1 janvier\nrule bad on=month\n    (?<day>{month})\n", "bad.txt:2:",
     "unknown group name 'day'"},
    {"word month/fr 1 janvier\nrule bad on=month\n    {nosuch}\n", "bad.txt:3:",
     "unknown macro or word class '{nosuch}'"},
    {"word month/fr 1 janvier\nrule bad\n    (?<m>{month})\n", "bad.txt:2:", "missing on="},
    {"word month/fr 1 janvier\nrule bad on=planets\n    x\n", "bad.txt:2:",
     "unknown word class 'planets'"},
    {"word month/fr 13 janvier\n", "bad.txt:1:", "bad value"},
    {"word planet/x 1 mars\n", "bad.txt:1:", "unknown kind"},
    {"word month/fr 1 janvier\n    (?<m>x)\n", "bad.txt:2:", "outside a rule"},
    {"# nothing\n", "bad.txt:1:", "no rules"},
    {"word month/fr 1 janvier\nfrobnicate\n", "bad.txt:2:", "unknown directive"},
    {"word month/fr 1 janvier\nrule r on=month\n", "bad.txt:2:", "no pattern lines"},
    {"word month/fr 1 janvier\nword month/en 2 janvier\nrule r on=month\n    x\n", "bad.txt:2:",
     "two month values"},
    {"option jit=maybe\n", "bad.txt:1:", "option jit"},
};

START_TEST(test_bad_files)
{
    const badcase *b = &bad_files[_i];
    char err[512];
    memset(err, 'x', sizeof err);
    cyb__dates *d = cyb__dates_new(b->file, strlen(b->file), "bad.txt", err, sizeof err);
    ck_assert_ptr_null(d);
    ck_assert_msg(strncmp(err, b->prefix, strlen(b->prefix)) == 0, "message \"%s\", want prefix \"%s\"",
                  err, b->prefix);
    ck_assert_msg(strstr(err, b->has) != NULL, "message \"%s\" lacks \"%s\"", err, b->has);
}
END_TEST

START_TEST(test_error_buffer_small)
{
    const char *f = "rule r on=num\n    (\n";
    char err[8];
    ck_assert_ptr_null(cyb__dates_new(f, strlen(f), "a-long-file-name.txt", err, sizeof err));
    ck_assert_uint_eq(strlen(err), sizeof err - 1);
    ck_assert_ptr_null(cyb__dates_new(f, strlen(f), "x.txt", NULL, 0));
}
END_TEST

START_TEST(test_crlf_and_comments)
{
    const char *f = "# comment\r\n"
                    "word month/fr 5 mai   \r\n"
                    "define Y [0-9]{4}   # trailing comment\r\n"
                    "rule my on=month\r\n"
                    "    (?<m>{month})   # pcre2 comment\r\n"
                    "    [ ](?<y>{Y})\r\n";
    char err[256];
    cyb__dates *d = cyb__dates_new(f, strlen(f), "crlf.txt", err, sizeof err);
    ck_assert_msg(d != NULL, "%s", err);
    char got[128];
    run(d, "en mai 2023", FR, NULL, 1, got, sizeof got);
    ck_assert_str_eq(got, "mai 2023=2023-05");
    cyb__dates_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* pathological input                                                  */
/* ------------------------------------------------------------------ */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const patho_alphabets[] = {"0123456789.", "(", "1.", "12 ", "12 et ",
                                              "mai ", "2019-", "1/"};

START_TEST(test_pathological)
{
    const size_t n = 1 << 20;
    char *t = malloc(n + 1);
    const char *alpha = patho_alphabets[_i];
    size_t al = strlen(alpha);
    unsigned rnd = 12345;
    for (size_t i = 0; i < n; i++) {
        if (_i == 0) { /* random digits and dots */
            rnd = rnd * 1103515245u + 12345u;
            t[i] = alpha[(rnd >> 16) % al];
        } else
            t[i] = alpha[i % al];
    }
    t[n] = '\0';
    cyb__dates_scratch *s = cyb__dates_scratch_new(model);
    static cyb__date_hit h[4096];
    double t0 = now_s();
    size_t k = cyb__dates_find(model, s, t, NULL, 0, n, UND, NULL, h, 4096);
    double dt = now_s() - t0;
    fprintf(stderr, "pathological \"%s\": 1 MiB in %.3f s, %zu hits\n", alpha, dt, k);
    ck_assert_msg(dt < 3.0, "1 MiB of \"%s\" took %.2f s", alpha, dt);
    cyb__dates_scratch_free(s);
    free(t);
}
END_TEST

/* ------------------------------------------------------------------ */
/* threads share one model                                             */
/* ------------------------------------------------------------------ */

static void *thread_main(void *arg)
{
    int *fails = arg;
    for (int rep = 0; rep < 20; rep++)
        for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
            for (size_t i = 0; i < groups[g].n; i++) {
                const dcase *c = &groups[g].cases[i];
                unsigned char *up;
                size_t nl;
                char *norm = normalize(c->text, strlen(c->text), &up, &nl);
                cyb__dates_scratch *s = cyb__dates_scratch_new(model);
                cyb__date_hit h[16];
                int r[3], *rp = NULL;
                if (c->ref && sscanf(c->ref, "%d-%d-%d", &r[0], &r[1], &r[2]) == 3)
                    rp = r;
                size_t k = cyb__dates_find(model, s, norm, up, 0, nl, c->lang, rp, h, 16);
                char got[1024] = "";
                size_t o = 0;
                for (size_t j = 0; j < k && o < sizeof got; j++)
                    o += (size_t)snprintf(got + o, sizeof got - o, "%s%.*s=%s", j ? ";" : "",
                                          (int)(h[j].end - h[j].start), norm + h[j].start,
                                          h[j].value);
                if (strcmp(got, c->expect) != 0)
                    (*fails)++;
                cyb__dates_scratch_free(s);
                free(norm);
                free(up);
            }
    return NULL;
}

START_TEST(test_threads)
{
    pthread_t th[4];
    int fails[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, thread_main, &fails[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        ck_assert_int_eq(fails[i], 0);
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* optional throughput measurement                                     */
/* ------------------------------------------------------------------ */

START_TEST(test_bench)
{
    const char *env = getenv("CYB_DATES_BENCH");
    char *list = strdup(env);
    size_t total = 0, nhits = 0;
    double secs = 0;
    cyb__dates_scratch *s = cyb__dates_scratch_new(model);
    for (char *path = strtok(list, ":"); path; path = strtok(NULL, ":")) {
        FILE *f = fopen(path, "rb");
        ck_assert_msg(f != NULL, "cannot open %s", path);
        fseek(f, 0, SEEK_END);
        long sz = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *raw = malloc((size_t)sz + 1);
        ck_assert_uint_eq(fread(raw, 1, (size_t)sz, f), (size_t)sz);
        fclose(f);
        unsigned char *up;
        size_t nl;
        char *norm = normalize(raw, (size_t)sz, &up, &nl);
        static cyb__date_hit h[256];
        double t0 = now_s();
        for (int rep = 0; rep < 3; rep++) {
            size_t b = 0;
            while (b < nl) { /* one line = one sentence */
                const char *e = memchr(norm + b, '\n', nl - b);
                size_t end = e ? (size_t)(e - norm) : nl;
                size_t k = cyb__dates_find(model, s, norm, up, b, end, UND, NULL, h, 256);
                if (rep == 0)
                    nhits += k;
                b = end + 1;
            }
        }
        secs += now_s() - t0;
        total += 3 * nl;
        free(norm);
        free(up);
        free(raw);
    }
    fprintf(stderr, "bench: %.1f MB in %.3f s = %.1f MB/s, %zu dates\n", (double)total / 1e6, secs,
            (double)total / 1e6 / secs, nhits);
    cyb__dates_scratch_free(s);
    free(list);
}
END_TEST

/* ------------------------------------------------------------------ */

static Suite *dates_suite(void)
{
    Suite *s = suite_create("dates");
    const struct {
        const char *name;
        const TTest *fn;
    } loops[] = {
        {"full", test_cases_full},         {"numeric", test_cases_numeric},
        {"range", test_cases_range},       {"month", test_cases_month},
        {"season", test_cases_season},     {"year", test_cases_year},
        {"relative", test_cases_relative}, {"qualifier", test_cases_qualifier},
        {"negative", test_cases_negative},
    };
    for (size_t g = 0; g < sizeof loops / sizeof loops[0]; g++) {
        TCase *tc = tcase_create(loops[g].name);
        tcase_add_loop_test(tc, loops[g].fn, 0, (int)groups[g].n);
        suite_add_tcase(s, tc);
    }
    TCase *tc = tcase_create("noupper");
    tcase_add_loop_test(tc, test_cases_noupper, 0,
                        (int)(sizeof cases_noupper / sizeof cases_noupper[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("api");
    tcase_add_test(tc, test_free_null);
    tcase_add_test(tc, test_bounds_and_cap);
    tcase_add_test(tc, test_language_filter);
    tcase_add_test(tc, test_no_jit_same_results);
    tcase_add_test(tc, test_num12_gate_same_results);
    tcase_add_test(tc, test_num4_gate_same_results);
    tcase_add_test(tc, test_word_gate_same_results);
    tcase_add_test(tc, test_rule_gate_same_results);
    suite_add_tcase(s, tc);

    tc = tcase_create("rulefile");
    tcase_add_loop_test(tc, test_bad_files, 0, (int)(sizeof bad_files / sizeof bad_files[0]));
    tcase_add_test(tc, test_error_buffer_small);
    tcase_add_test(tc, test_crlf_and_comments);
    suite_add_tcase(s, tc);

    tc = tcase_create("robustness");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_pathological, 0,
                        (int)(sizeof patho_alphabets / sizeof patho_alphabets[0]));
    tcase_add_test(tc, test_threads);
    suite_add_tcase(s, tc);

    if (getenv("CYB_DATES_BENCH")) {
        tc = tcase_create("bench");
        tcase_set_timeout(tc, 600);
        tcase_add_test(tc, test_bench);
        suite_add_tcase(s, tc);
    }
    return s;
}

int main(int argc, char **argv)
{
    char pathbuf[4096];
    if (argc > 1)
        rules_path = argv[1];
    else {
        const char *dir = getenv("CYB_TEST_DICT_DIR");
        if (!dir) {
            fprintf(stderr, "usage: %s RULES_FILE (or set CYB_TEST_DICT_DIR)\n", argv[0]);
            return 77; /* skipped */
        }
        snprintf(pathbuf, sizeof pathbuf, "%s/rules/dates.txt", dir);
        rules_path = pathbuf;
    }
    FILE *f = fopen(rules_path, "rb");
    if (!f) {
        perror(rules_path);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    rules_data = malloc((size_t)sz + 1);
    if (!rules_data || fread(rules_data, 1, (size_t)sz, f) != (size_t)sz) {
        fprintf(stderr, "cannot read %s\n", rules_path);
        return 1;
    }
    fclose(f);
    rules_len = (size_t)sz;
    char err[512];
    model = cyb__dates_new(rules_data, rules_len, rules_path, err, sizeof err);
    if (!model) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    SRunner *sr = srunner_create(dates_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    cyb__dates_free(model);
    free(rules_data);
    return failed ? 1 : 0;
}
