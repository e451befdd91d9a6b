/* Unit tests of the language detector (Check).
 *
 *   test-langid [DICT_DIR | MODEL.tsv] [HELDOUT.tsv]
 *
 * The model is DICT_DIR/langid/langid.tsv, DICT_DIR from argv[1] or the
 * environment variable CYB_TEST_DICT_DIR.  The held-out sample defaults to
 * DICT_DIR/../tests/data/langid-heldout.tsv (text the model was not trained
 * on; never the shared test set). */
#define _POSIX_C_SOURCE 200809L
#include "langid.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char g_model_path[4096];
static char g_heldout_path[8192];
static char *g_data;
static size_t g_len;
static cyb__langid *g_m;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(b);
        return NULL;
    }
    fclose(f);
    b[n] = 0;
    *len = (size_t)n;
    return b;
}

static void setup(void)
{
    char err[256];
    g_data = slurp(g_model_path, &g_len);
    ck_assert_msg(g_data != NULL, "cannot read %s", g_model_path);
    g_m = cyb__langid_new(g_data, g_len, err, sizeof err);
    ck_assert_msg(g_m != NULL, "%s", err);
}

static void teardown(void)
{
    cyb__langid_free(g_m);
    free(g_data);
    g_m = NULL;
    g_data = NULL;
}

/* Detect with the names rule, as the tagger does. */
static int det(const char *s, double *conf)
{
    return cyb__langid_detect(g_m, s, strlen(s), CYB_LANGID_NAMES_DONT_VOTE, conf);
}

START_TEST(test_short_and_long)
{
    double c;
    ck_assert_int_eq(det("la sécurité du réseau", &c), CYB_LANG_FR);
    ck_assert_int_eq(det("menace persistante", &c), CYB_LANG_FR);
    ck_assert_int_eq(det("the network was breached", &c), CYB_LANG_EN);
    ck_assert_int_eq(det("security update", &c), CYB_LANG_EN);
    ck_assert_int_eq(det("Le gouvernement a présenté mercredi sa nouvelle stratégie nationale "
                         "de cybersécurité, qui prévoit le renforcement des moyens de l'agence "
                         "et une meilleure protection des collectivités locales.", &c), CYB_LANG_FR);
    ck_assert(c > 0.9 && c <= 1.0);
    ck_assert_int_eq(det("The government unveiled its new national cybersecurity strategy on "
                         "Wednesday, which strengthens the agency and improves the protection "
                         "of local authorities.", &c), CYB_LANG_EN);
    ck_assert(c > 0.9 && c <= 1.0);
}
END_TEST

START_TEST(test_names_dont_vote)
{
    const char *s = "Le National Security Secretariat a publié un rapport.";
    double c;
    ck_assert_int_eq(cyb__langid_detect(g_m, s, strlen(s), CYB_LANGID_NAMES_DONT_VOTE, &c),
                     CYB_LANG_FR);
    s = "Selon le Cyber Security Agency of Singapore et la National Cyber Security Centre, "
        "les attaques ont augmenté.";
    ck_assert_int_eq(det(s, &c), CYB_LANG_FR);
    s = "La réunion avec le NATO CCDCOE et la CISA aura lieu demain.";
    ck_assert_int_eq(det(s, &c), CYB_LANG_FR);
    /* and the other way round */
    s = "The Agence Nationale de la Sécurité des Systèmes d'Information said on Monday that "
        "it was investigating the attack.";
    ck_assert_int_eq(det(s, &c), CYB_LANG_EN);
    /* a headline in Title Case has no ordinary words left: all of it votes */
    s = "Cyber Security Strategy Published Today";
    ck_assert_int_eq(det(s, &c), CYB_LANG_EN);
}
END_TEST

START_TEST(test_mixed_documents)
{
    double c;
    /* French communiqué listing Japanese agencies by their English names */
    const char *fr =
        "Le Japon a présenté sa nouvelle organisation de cyberdéfense.\n"
        "Les services concernés sont les suivants :\n"
        "National center of Incident readiness and Strategy for Cybersecurity\n"
        "National Police Agency\n"
        "Ministry of Internal Affairs and Communications\n"
        "Le gouvernement japonais souhaite renforcer la coordination entre ces services "
        "et accélérer le partage d'informations avec ses alliés.";
    ck_assert_int_eq(det(fr, &c), CYB_LANG_FR);
    /* English page with a French date line */
    const char *en =
        "Publié le 20 Juin 2024\n"
        "The agency warned that the attackers had exploited a vulnerability in the "
        "firewall software to gain access to the networks of several ministries.\n"
        "Officials said no classified information had been stolen.";
    ck_assert_int_eq(det(en, &c), CYB_LANG_EN);
    /* each sentence keeps its own language */
    ck_assert_int_eq(det("Publié le 20 juin 2024", &c), CYB_LANG_FR);
}
END_TEST

START_TEST(test_empty_and_whitespace)
{
    double c = 42;
    ck_assert_int_eq(cyb__langid_detect(g_m, "", 0, 0, &c), CYB_LANG_UND);
    ck_assert(c == 0.0);
    ck_assert_int_eq(cyb__langid_detect(g_m, NULL, 0, 0, &c), CYB_LANG_UND);
    ck_assert_int_eq(det("   \t\n\r\n  ", &c), CYB_LANG_UND);
    ck_assert_int_eq(det("12/06/2018 -- 42 %", &c), CYB_LANG_UND);
    ck_assert_int_eq(det("\xc2\xa0\xe2\x80\x94\xc2\xab \xc2\xbb", &c), CYB_LANG_UND);
    ck_assert_int_eq(cyb__langid_detect(g_m, "la", 2, 0, NULL), CYB_LANG_UND);
}
END_TEST

START_TEST(test_other_languages)
{
    double c;
    ck_assert_int_eq(det("Die Bundesregierung hat am Donnerstag eine neue Strategie vorgestellt.", &c),
                     CYB_LANG_UND);
    ck_assert_int_eq(det("El gobierno presentó el jueves una nueva estrategia de seguridad.", &c),
                     CYB_LANG_UND);
    ck_assert_int_eq(det("Правительство представило новую стратегию кибербезопасности.", &c),
                     CYB_LANG_UND);
    ck_assert_int_eq(det("政府は新しいサイバーセキュリティ戦略を発表した。", &c), CYB_LANG_UND);
}
END_TEST

START_TEST(test_invalid_bytes)
{
    /* Exact-size heap copies so that a read past len is caught by
     * valgrind / ASan. */
    static const char *cases[] = {
        "\xff\xfe\xfd", "\xc3", "le r\xc3\xa9seau \xe2\x80", "\xf0\x9f\x98",
        "\xe0\x80\x80 abc \xed\xa0\x80", "caf\xc3\xa9\xc3",
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        size_t n = strlen(cases[k]);
        char *b = malloc(n);
        memcpy(b, cases[k], n);
        double c;
        int r = cyb__langid_detect(g_m, b, n, CYB_LANGID_NAMES_DONT_VOTE, &c);
        ck_assert(r == CYB_LANG_UND || r == CYB_LANG_FR || r == CYB_LANG_EN);
        ck_assert(c >= 0.0 && c <= 1.0);
        free(b);
    }
    /* NUL bytes inside the text do not end it */
    const char nul[] = "Le ministre\0 a annonc\xc3\xa9\0 un plan de d\xc3\xa9" "fense.";
    double c;
    ck_assert_int_eq(cyb__langid_detect(g_m, nul, sizeof nul - 1, 0, &c), CYB_LANG_FR);
    /* every prefix of a text with multi-byte characters */
    const char *t = "Sécurité « réseau » — données, œuvre, naïve, Ærø";
    size_t tn = strlen(t);
    for (size_t n = 0; n <= tn; n++) {
        char *b = malloc(n ? n : 1);
        memcpy(b, t, n);
        int r = cyb__langid_detect(g_m, b, n, 0, &c);
        ck_assert(r >= CYB_LANG_UND && r <= CYB_LANG_EN);
        free(b);
    }
    /* pseudo-random bytes */
    unsigned x = 12345;
    char *rb = malloc(5000);
    for (int i = 0; i < 5000; i++) rb[i] = (char)((x = x * 1103515245u + 12345u) >> 16);
    int r = cyb__langid_detect(g_m, rb, 5000, CYB_LANGID_NAMES_DONT_VOTE, &c);
    ck_assert(r >= CYB_LANG_UND && r <= CYB_LANG_EN);
    free(rb);
}
END_TEST

START_TEST(test_long_document)
{
    /* over the sampling threshold: 200 KB of French with English lines */
    const char *fr = "Le ministère a confirmé que les systèmes de plusieurs hôpitaux avaient été "
                     "touchés par une attaque informatique pendant le week-end.\n";
    const char *en = "The National Cyber Security Centre said it was aware of the incident.\n";
    size_t nf = strlen(fr), ne = strlen(en), n = 0, cap = 200000;
    char *b = malloc(cap);
    for (int k = 0; n + nf + ne < cap; k++) {
        memcpy(b + n, fr, nf), n += nf;
        if (k % 3 == 0) memcpy(b + n, en, ne), n += ne;
    }
    double c;
    ck_assert_int_eq(cyb__langid_detect(g_m, b, n, CYB_LANGID_NAMES_DONT_VOTE, &c), CYB_LANG_FR);
    ck_assert(c > 0.5);
    free(b);
}
END_TEST

/* Documents over 1 KiB are read in spread windows with an early stop: the
 * answer must still be the language of most of the text, wherever the
 * minority part is (start, end, middle). */
START_TEST(test_spread_windows)
{
    const char *fr = "Le ministère a confirmé que les systèmes de plusieurs hôpitaux avaient été "
                     "touchés par une attaque informatique pendant le week-end.\n";
    const char *en = "The National Cyber Security Centre said it was aware of the incident "
                     "and was working with the hospitals.\n";
    size_t nf = strlen(fr), ne = strlen(en);
    for (int layout = 0; layout < 3; layout++) {
        for (size_t total = 1200; total <= 40000; total *= 3) {
            /* 40% English, 60% French, the English block first, last or
             * in the middle */
            char *b = malloc(total + 512);
            size_t n = 0, en_bytes = total * 2 / 5, fr_bytes = total - en_bytes;
            size_t fr_before = layout == 0 ? 0 : layout == 1 ? fr_bytes : fr_bytes / 2;
            while (n < fr_before) memcpy(b + n, fr, nf), n += nf;
            size_t e0 = n;
            while (n - e0 < en_bytes) memcpy(b + n, en, ne), n += ne;
            while (n < total) memcpy(b + n, fr, nf), n += nf;
            double c;
            ck_assert_msg(cyb__langid_detect(g_m, b, n, CYB_LANGID_NAMES_DONT_VOTE, &c) == CYB_LANG_FR,
                          "layout %d, %zu bytes", layout, n);
            ck_assert(c > 0.5 && c <= 1.0);
            free(b);
        }
    }
}
END_TEST

START_TEST(test_bad_models)
{
    char err[128];
    struct { const char *data; const char *msg; } cases[] = {
        {"", "langid.tsv:"},
        {"!version\t2\n", "langid.tsv:1: unsupported model version"},
        {"!version\t1\n!langs\tfr\tde\n", "langid.tsv:2: !langs must list fr and en"},
        {"!version\t1\n!langs\tfr\ten\n a\t1\n", "langid.tsv:3: need 2 costs"},
        {"!version\t1\n!langs\tfr\ten\n a\t1\t300\n", "langid.tsv:3: need 2 costs"},
        {"!version\t1\n!langs\tfr\ten\n a\t1\t0\n a\t0\t1\n", "langid.tsv:4: duplicate feature"},
        {"!version\t1\n!bogus\t1\n", "langid.tsv:2: unknown directive"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        cyb__langid *m = cyb__langid_new(cases[k].data, strlen(cases[k].data), err, sizeof err);
        ck_assert_ptr_null(m);
        ck_assert_msg(strncmp(err, cases[k].msg, strlen(cases[k].msg)) == 0,
                      "case %zu: got \"%s\"", k, err);
    }
    /* truncated error buffer stays NUL-terminated */
    char small[8];
    ck_assert_ptr_null(cyb__langid_new("!version\t2\n", 11, small, sizeof small));
    ck_assert_int_eq((int)strlen(small), 7);
    cyb__langid_free(NULL);
    /* a minimal valid model */
    const char *mini = "!version\t1\n!langs\tfr\ten\n le \t0\t9\n the \t9\t0\n";
    cyb__langid *m = cyb__langid_new(mini, strlen(mini), err, sizeof err);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(cyb__langid_detect(m, "the", 3, 0, NULL), CYB_LANG_EN);
    cyb__langid_free(m);
}
END_TEST

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Accuracy on the fixed held-out sample must stay at the targets. */
START_TEST(test_heldout_accuracy)
{
    size_t tlen;
    char *text = slurp(g_heldout_path, &tlen);
    ck_assert_msg(text != NULL, "cannot read %s", g_heldout_path);
    long ok[3] = {0, 0, 0}, all[3] = {0, 0, 0};
    for (char *p = text; *p;) {
        char *eol = strchr(p, '\n');
        if (!eol) eol = p + strlen(p);
        char *tab = memchr(p, '\t', (size_t)(eol - p));
        if (tab && *p != '#') {
            int want = !strncmp(p, "fr\t", 3) ? CYB_LANG_FR
                     : !strncmp(p, "en\t", 3) ? CYB_LANG_EN : CYB_LANG_UND;
            size_t n = (size_t)(eol - tab - 1), nc = utf8_chars(tab + 1, n);
            int b = want == CYB_LANG_UND ? 2 : nc >= 40 ? 0 : nc >= 10 ? 1 : -1;
            if (b >= 0) {
                all[b]++;
                ok[b] += cyb__langid_detect(g_m, tab + 1, n, CYB_LANGID_NAMES_DONT_VOTE, NULL) == want;
            }
        }
        p = *eol ? eol + 1 : eol;
    }
    free(text);
    double acc[3];
    for (int b = 0; b < 3; b++) acc[b] = all[b] ? 100.0 * ok[b] / all[b] : 0;
    printf("langid held-out: fr/en >= 40 chars %.2f%% (%ld/%ld), fr/en 10-39 chars %.2f%% (%ld/%ld), "
           "other -> und %.2f%% (%ld/%ld)\n",
           acc[0], ok[0], all[0], acc[1], ok[1], all[1], acc[2], ok[2], all[2]);
    fflush(stdout);
    ck_assert(all[0] >= 100 && all[1] >= 100 && all[2] >= 20);
    ck_assert_msg(acc[0] >= 99.5, "fr/en >= 40 chars: %.2f%% < 99.5%%", acc[0]);
    ck_assert_msg(acc[1] >= 97.0, "fr/en 10-39 chars: %.2f%% < 97%%", acc[1]);
    ck_assert_msg(acc[2] >= 90.0, "other -> und: %.2f%% < 90%%", acc[2]);
}
END_TEST

/* A memo of the words' n-gram costs changes no answer and no confidence:
 * every held-out line, twice (the second time from the memo), and the
 * whole sample at once. */
START_TEST(test_memo_same_results)
{
    size_t tlen;
    char *text = slurp(g_heldout_path, &tlen);
    ck_assert_msg(text != NULL, "cannot read %s", g_heldout_path);
    cyb__langid_memo *memo = cyb__langid_memo_new();
    ck_assert(memo != NULL);
    for (int pass = 0; pass < 2; pass++)
        for (char *p = text; *p;) {
            char *eol = strchr(p, '\n');
            if (!eol) eol = p + strlen(p);
            double a, b;
            int ra = cyb__langid_detect(g_m, p, (size_t)(eol - p), CYB_LANGID_NAMES_DONT_VOTE, &a);
            int rb = cyb__langid_detect_memo(g_m, memo, p, (size_t)(eol - p), CYB_LANGID_NAMES_DONT_VOTE, &b);
            ck_assert_msg(ra == rb && a == b, "%.*s: %d %.17g without the memo, %d %.17g with it", (int)(eol - p), p,
                          ra, a, rb, b);
            p = *eol ? eol + 1 : eol;
        }
    double a, b;
    int ra = cyb__langid_detect(g_m, text, tlen, 0, &a), rb = cyb__langid_detect_memo(g_m, memo, text, tlen, 0, &b);
    ck_assert(ra == rb && a == b);
    cyb__langid_memo_free(memo);
    free(text);
}
END_TEST

int main(int argc, char **argv)
{
    const char *arg = argc > 1 ? argv[1] : getenv("CYB_TEST_DICT_DIR");
    if (!arg) {
        fprintf(stderr, "usage: %s DICT_DIR|MODEL.tsv [HELDOUT.tsv] (or set CYB_TEST_DICT_DIR)\n", argv[0]);
        return 2;
    }
    size_t al = strlen(arg);
    char dict[4096];
    if (al > 4 && !strcmp(arg + al - 4, ".tsv")) {
        snprintf(g_model_path, sizeof g_model_path, "%s", arg);
        /* .../dict/langid/langid.tsv -> .../dict (drop two path components:
         * "langid.tsv/.." would not resolve, the file is no directory) */
        snprintf(dict, sizeof dict, "%s", arg);
        for (int k = 0; k < 2; k++) {
            char *sl = strrchr(dict, '/');
            if (sl) *sl = 0;
            else snprintf(dict, sizeof dict, "%s", strcmp(dict, ".") ? "." : "..");
        }
    } else {
        snprintf(g_model_path, sizeof g_model_path, "%s/langid/langid.tsv", arg);
        snprintf(dict, sizeof dict, "%s", arg);
    }
    if (argc > 2)
        snprintf(g_heldout_path, sizeof g_heldout_path, "%s", argv[2]);
    else
        snprintf(g_heldout_path, sizeof g_heldout_path, "%s/../tests/data/langid-heldout.tsv", dict);

    Suite *s = suite_create("langid");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_short_and_long);
    tcase_add_test(tc, test_names_dont_vote);
    tcase_add_test(tc, test_mixed_documents);
    tcase_add_test(tc, test_empty_and_whitespace);
    tcase_add_test(tc, test_other_languages);
    tcase_add_test(tc, test_invalid_bytes);
    tcase_add_test(tc, test_long_document);
    tcase_add_test(tc, test_spread_windows);
    tcase_add_test(tc, test_bad_models);
    tcase_add_test(tc, test_heldout_accuracy);
    tcase_add_test(tc, test_memo_same_results);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
