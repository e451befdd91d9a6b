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
import heapq, math, os, pickle, sys
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
    'prior_other': 12.0,
    # decision thresholds read by langid.c
    'min_letters': 3, 'min_coverage': 0.3, 'temperature': 0.35,
    'source_weight_europarl': 3,
    # Dictionary word lists (see DICTS): a listed word of 3 to MAX_WORD
    # letters counts dict_count times more in each language whose list has
    # it.  Listed words that are not among the kept frequent words get a row
    # only where it matters: when their n-grams alone would not pick the
    # language of the list(s) with a margin of dict_margin nats.  At most
    # dict_max such rows, words seen in the training text first, then
    # shorter words first.
    'dict_count': 2.0, 'dict_margin': 2.0, 'dict_max': 25000,
}

# Word lists from Debian packages (wfrench, wamerican, wbritish); any list
# that is missing is skipped (with a warning), so the build still runs.
DICTS = {
    'fr': ['/usr/share/dict/french'],
    'en': ['/usr/share/dict/american-english', '/usr/share/dict/british-english'],
}


def load_dicts():
    out = {}
    for l, paths in DICTS.items():
        ws = set()
        for p in paths:
            if not os.path.exists(p):
                print('warning: missing word list', p, file=sys.stderr)
                continue
            for line in open(p, encoding='utf-8', errors='replace'):
                t = line.strip()
                if not t or t[0].isupper() or "'" in t:
                    continue          # proper nouns, possessives
                ws_ = list(words(t))
                if len(ws_) == 1 and 3 <= len(ws_[0]) <= MAX_WORD:
                    ws.add(ws_[0])
        out[l] = ws
        print('dict', l, len(ws), file=sys.stderr)
    return out


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
    seen = Counter()          # corpus count of each word over all languages
    for l in LANGS:
        seen.update(counts[l][5])
    dicts = load_dicts() if P['dict_count'] > 0 else {}
    listed = set()
    for l, ws in dicts.items():
        listed |= ws
        for w in sorted(ws):
            counts[l][5][' ' + w + ' '] += P['dict_count']
    top = {1: P['top1'], 2: P['top2'], 3: P['top3'], 4: P['top4'], 5: P['topw']}
    weight = {1: P['w1'], 2: P['w2'], 3: P['w3'], 4: P['w4'], 5: P['ww']}
    keep = {}  # feature -> kind
    for l in LANGS:
        for k in range(1, 6):
            n = top[k]
            if k == 5 and l in ('fr', 'en'):
                n = P['topw_fren']
            # the n most frequent (ties by the feature itself: independent of
            # Python's hash seed); whole words only if seen in the text
            items = ((g, c) for g, c in counts[l][k].items()
                     if c >= 2 and (k < 5 or seen.get(g, 0) > 0))
            for g, cnt in heapq.nsmallest(n, items, key=lambda x: (-x[1], x[0])):
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
    # Prefix closure: langid.c stops extending an n-gram at a position once
    # it is unknown, so an n-gram is kept only if its prefix one character
    # shorter is (the lone pad " " is never looked up and counts as kept).
    grams = {g for g, k in keep.items() if k < 5}
    for n in (2, 3, 4):
        for g in [g for g in grams if len(g) == n]:
            if g[:-1] != ' ' and g[:-1] not in grams:
                grams.discard(g)
    dropped = sum(1 for g, k in keep.items() if k < 5 and g not in grams)
    print('prefix closure dropped', dropped, 'n-grams', file=sys.stderr)
    keep = {g: k for g, k in keep.items() if k == 5 or g in grams}

    def word_row(g, wq):
        t = list(wq)
        for k, f in features(g[1:-1]):
            if k < 5 and f in grams:
                t = [a + b for a, b in zip(t, q[f])]
        m = min(t)
        return [min(a - m, 255) for a in t]

    rows = []
    for g in keep:
        if keep[g] < 5:
            rows.append((g, q[g]))    # even all-zero: it keeps its extensions
            continue
        rows.append((g, word_row(g, q[g])))

    # Listed words outside the kept ones: a row only where the n-grams alone
    # would not give the list's language (fr or en) with a clear margin.
    prior = [0 if l in ('fr', 'en') else int(round(P['prior_other'] * scale)) for l in LANGS]
    cand = []
    for w in sorted(listed):
        g = ' ' + w + ' '
        if g in keep:
            continue
        want = [i for i, l in enumerate(LANGS) if w in dicts.get(l, ())]
        wq = []
        for i, l in enumerate(LANGS):
            pr = (counts[l][5][g] + P['alpha']) / (tot[l][5] + P['alpha'] * voc[5])
            wq.append(-math.log(pr) * weight[5])
        mq = min(wq)
        wq = [min(int(round((c - mq) * scale)), int(cap * scale)) for c in wq]
        ng = [0] * len(LANGS)
        for k, f in features(w):
            if k < 5 and f in grams:
                ng = [a + b for a, b in zip(ng, q[f])]
        ng = [a + b for a, b in zip(ng, prior)]
        best_want = min(ng[i] for i in want)
        best_other = min(ng[i] for i in range(len(LANGS)) if i not in want)
        if best_other - best_want >= P['dict_margin'] * scale:
            continue          # the n-grams already say it
        cand.append((-seen.get(g, 0), len(w), w, g, wq))
    cand.sort()
    for _, _, _, g, wq in cand[:P['dict_max']]:
        rows.append((g, word_row(g, wq)))
    print('dictionary rows', min(len(cand), P['dict_max']), 'of', len(cand), 'candidates',
          file=sys.stderr)

    # Most frequent first (langid.c keeps the first words in a small
    # cache-resident table), ties in text order: deterministic.
    def freq(g):
        k = 5 if len(g) >= 5 and g[0] == ' ' and g[-1] == ' ' else len(g)
        return sum(counts[l][min(k, 5)].get(g, 0) for l in LANGS) if k == 5 else \
            sum(counts[l][k].get(g, 0) for l in LANGS)
    rows.sort(key=lambda r: (-freq(r[0]), r[0]))

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
