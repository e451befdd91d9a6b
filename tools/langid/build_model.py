#!/usr/bin/env python3
"""Build dict/langid/langid.tsv from the texts written by extract_corpus.py.

    python3 tools/langid/build_model.py CORPUSDIR OUT.tsv [--param NAME=VALUE ...]

The model is a naive Bayes classifier over character n-grams (1 to 4
characters) of space-padded lower-cased words plus the whole padded word.
Rows whose feature is a whole padded word (" word ", 3 to 20 letters) hold
the summed costs of all that word's features; langid.c uses them instead of
the word's n-grams when it finds the word.
For every kept feature the file stores, per language, its cost
-log P(feature | language) minus the smallest such cost over the languages,
in 1/SCALE nat units and capped at CAP: only differences between languages
matter to the decision, and the cap keeps one odd token (a name, a typo) from
outweighing a whole sentence.  Features not in the file cost nothing.

The tokenisation here must match langid.c exactly (see norm_char()).
"""
import math, os, pickle, sys
from collections import Counter

LANGS = ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl']
MAX_WORD = 20          # longer words give n-grams but no whole-word feature
MAX_WORD_CHARS = 32    # longer words are cut to this many characters (langid.c)

PARAMS = {
    'scale': 4,        # quantisation steps per nat
    'cap': 10.0,       # nats: highest cost of one feature relative to the best language
    'alpha': 0.5,      # additive smoothing
    # how many features of each kind each language keeps (union over languages)
    'top1': 200, 'top2': 1500, 'top3': 4000, 'top4': 6000, 'topw': 3000,
    'topw_fren': 20000,
    # weights of each kind in the sum (naive Bayes overcounts correlated n-grams)
    'w1': 0.2, 'w2': 0.4, 'w3': 0.8, 'w4': 1.0, 'ww': 2.0,
    # prior cost (nats) of each language that is not fr or en: the library reads
    # French and English news, other languages are the exception
    'prior_other': 4.0,
    # decision thresholds read by langid.c
    'min_letters': 3, 'min_coverage': 0.3, 'temperature': 0.35,
    'source_weight_europarl': 3,
}


def norm_char(c):
    """Return the lower-cased character, or None for a separator (langid.c
    classify())."""
    o = ord(c)
    if o < 0x80:
        if 'A' <= c <= 'Z':
            return chr(o + 32)
        return c if 'a' <= c <= 'z' else None
    if o < 0xC0 or o in (0xD7, 0xF7):
        return None
    if o <= 0xDE:
        return chr(o + 32)
    if o == 0x152:
        return '\u0153'
    if o == 0x178:
        return '\u00ff'
    if o < 0x800:
        return c
    if 0x2000 <= o <= 0x2FFF or 0x3000 <= o <= 0x303F or o == 0xFEFF or o >= 0x10000:
        return None
    return c


def words(text):
    cur = []
    for c in text:
        n = norm_char(c)
        if n is None:
            if cur:
                yield ''.join(cur)
                cur = []
        else:
            cur.append(n)
    if cur:
        yield ''.join(cur)


def features(w):
    """(kind, feature) pairs of one normalised word; kind 1-4 = n-gram order,
    5 = whole word.  A short padded word is also one of its own n-grams, and
    then counts as that n-gram only (the same string is the same key)."""
    w = w[:MAX_WORD_CHARS]
    p = ' ' + w + ' '
    for i in range(len(p)):
        for n in range(1, 5):
            if i + n > len(p):
                break
            g = p[i:i + n]
            if g != ' ':
                yield n, g
    if len(p) > 4 and len(w) <= MAX_WORD:
        yield 5, p


def count_features(corpus, europarl_weight):
    """Feature counts per language and kind; cached next to the corpus since
    counting takes most of the build time."""
    cache = os.path.join(corpus, 'counts-%d.pickle' % europarl_weight)
    srcs = [os.path.join(corpus, 'train.%s.txt' % l) for l in LANGS]
    if os.path.exists(cache) and all(os.path.getmtime(cache) > os.path.getmtime(f) for f in srcs):
        with open(cache, 'rb') as f:
            return pickle.load(f)
    counts = {l: [Counter() for _ in range(6)] for l in LANGS}
    for l, path in zip(LANGS, srcs):
        with open(path, encoding='utf-8') as f:
            for line in f:
                src, _, text = line.rstrip('\n').partition('\t')
                rep = europarl_weight if src == 'europarl' else 1
                c = counts[l]
                for w in words(text):
                    for k, g in features(w):
                        c[k][g] += rep
        print(l, 'features', [len(c) for c in counts[l][1:]], file=sys.stderr)
    with open(cache, 'wb') as f:
        pickle.dump(counts, f)
    return counts


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    args = sys.argv[3:]
    while args:
        a = args.pop(0)
        if a == '--param':
            k, v = args.pop(0).split('=')
            PARAMS[k] = type(PARAMS[k])(v)
    P = PARAMS
    counts = count_features(corpus, P['source_weight_europarl'])
    top = {1: P['top1'], 2: P['top2'], 3: P['top3'], 4: P['top4'], 5: P['topw']}
    weight = {1: P['w1'], 2: P['w2'], 3: P['w3'], 4: P['w4'], 5: P['ww']}
    keep = {}  # feature -> kind
    for l in LANGS:
        for k in range(1, 6):
            n = top[k]
            if k == 5 and l in ('fr', 'en'):
                n = P['topw_fren']
            for g, cnt in counts[l][k].most_common(n):
                if cnt >= 2:
                    keep[g] = k
    # totals per language and kind, for the probabilities
    tot = {l: [sum(c.values()) for c in counts[l]] for l in LANGS}
    voc = [len(set().union(*(counts[l][k] for l in LANGS))) for k in range(6)]

    scale, cap = P['scale'], P['cap']
    q = {}
    for g, k in keep.items():
        cost = []
        for l in LANGS:
            pr = (counts[l][k][g] + P['alpha']) / (tot[l][k] + P['alpha'] * voc[k])
            cost.append(-math.log(pr) * weight[k])
        m = min(cost)
        q[g] = [min(int(round((c - m) * scale)), int(cap * scale)) for c in cost]
    # Rows: n-grams as they are; whole words with the sum of all their
    # features (the word itself and its n-grams), so that langid.c needs one
    # probe for a known word.  Relative to the best language, capped at 255.
    rows = []
    for g in sorted(keep):
        if keep[g] < 5:
            if max(q[g]) > 0:
                rows.append((g, q[g]))
            continue
        t = list(q[g])
        for k, f in features(g[1:-1]):
            if k < 5 and f in q:
                t = [a + b for a, b in zip(t, q[f])]
        m = min(t)
        rows.append((g, [min(a - m, 255) for a in t]))

    with open(out, 'w', encoding='utf-8') as o:
        o.write('# libcyberner language identification model; built by tools/langid/build_model.py\n')
        o.write('# see dict/langid/README.md. Columns: feature, then per-language cost\n')
        o.write('# (1/scale nats, relative to the best language, capped).\n')
        o.write('!version\t1\n')
        o.write('!langs\t' + '\t'.join(LANGS) + '\n')
        o.write('!scale\t%d\n' % scale)
        prior = [0 if l in ('fr', 'en') else int(round(P['prior_other'] * scale)) for l in LANGS]
        o.write('!prior\t' + '\t'.join(map(str, prior)) + '\n')
        o.write('!min_letters\t%d\n' % P['min_letters'])
        o.write('!min_coverage\t%g\n' % P['min_coverage'])
        o.write('!temperature\t%g\n' % P['temperature'])
        for g, q in rows:
            o.write(g + '\t' + '\t'.join(map(str, q)) + '\n')
    print('rows', len(rows), 'bytes', os.path.getsize(out), file=sys.stderr)


if __name__ == '__main__':
    main()
