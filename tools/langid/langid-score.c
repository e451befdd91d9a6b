/* Score the detector on labelled lines ("lang<TAB>text"), per bucket:
 * fr/en lines of 40 characters or more, fr/en lines of 10-39 characters,
 * lines of other languages (must come back und).  Used to tune the model on
 * the held-out split of the training sources (tools/langid/README).
 *
 *   langid-score MODEL.tsv LINES.tsv [-v]     (-v prints the errors)
 */
#include "langid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
    fclose(f);
    b[n] = 0;
    *len = (size_t)n;
    return b;
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: %s MODEL LINES [-v]\n", argv[0]); return 2; }
    int verbose = argc > 3 && !strcmp(argv[3], "-v");
    size_t mlen, tlen;
    char *model = slurp(argv[1], &mlen), err[256];
    cyb__langid *m = cyb__langid_new(model, mlen, err, sizeof err);
    if (!m) { fprintf(stderr, "%s\n", err); return 1; }
    char *text = slurp(argv[2], &tlen);
    static const char *bname[3] = {"fr/en >= 40", "fr/en 10-39", "other -> und"};
    long ok[3] = {0}, all[3] = {0};
    for (char *p = text; *p;) {
        char *eol = strchr(p, '\n');
        if (!eol) eol = p + strlen(p);
        char *tab = memchr(p, '\t', (size_t)(eol - p));
        if (tab) {
            int want = !strncmp(p, "fr\t", 3) ? CYB_LANG_FR : !strncmp(p, "en\t", 3) ? CYB_LANG_EN : CYB_LANG_UND;
            const char *t = tab + 1;
            size_t n = (size_t)(eol - t), nc = utf8_chars(t, n);
            int b = want == CYB_LANG_UND ? 2 : nc >= 40 ? 0 : nc >= 10 ? 1 : -1;
            if (b >= 0) {
                double conf;
                int got = cyb__langid_detect(m, t, n, CYB_LANGID_NAMES_DONT_VOTE, &conf);
                all[b]++;
                if (got == want) ok[b]++;
                else if (verbose)
                    printf("ERR want=%d got=%d conf=%.2f\t%.*s\n", want, got, conf, (int)n, t);
            }
        }
        p = *eol ? eol + 1 : eol;
    }
    for (int b = 0; b < 3; b++)
        printf("%-14s %6.2f%% (%ld/%ld)\n", bname[b], all[b] ? 100.0 * ok[b] / all[b] : 0, ok[b], all[b]);
    cyb__langid_free(m);
    free(model);
    free(text);
    return 0;
}
