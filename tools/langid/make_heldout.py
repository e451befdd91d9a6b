#!/usr/bin/env python3
"""Make labelled evaluation lines ("lang<TAB>text") from the held-out split
written by extract_corpus.py (text the model was NOT trained on).

    python3 tools/langid/make_heldout.py CORPUSDIR OUT.tsv [--per N] [--sources S,S]

For fr and en: N lines of 40 characters or more (a segment cut at a word
boundary to at most 200 characters) and N short lines of 10 to 39
characters (two or three consecutive words of a segment, as in word-pair
tests).  For de es it pt nl: N/4 long lines each (they must come back und).
Deterministic: choices depend on a hash of the text only.
"""
import hashlib, os, re, sys

LANGS = ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl']


def h(s):
    return int.from_bytes(hashlib.md5(s.encode('utf-8')).digest()[:4], 'little')


def cut(t, n=200):
    if len(t) <= n:
        return t
    return t[:n].rsplit(' ', 1)[0]


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    per = int(sys.argv[sys.argv.index('--per') + 1]) if '--per' in sys.argv else 1000
    pairs = int(sys.argv[sys.argv.index('--pairs') + 1]) if '--pairs' in sys.argv else 1
    sources = None
    if '--sources' in sys.argv:
        sources = set(sys.argv[sys.argv.index('--sources') + 1].split(','))
    rows = []
    for l in LANGS:
        segs = []
        for line in open(os.path.join(corpus, 'heldout.%s.txt' % l), encoding='utf-8'):
            src, _, t = line.rstrip('\n').partition('\t')
            if sources and src not in sources:
                continue
            # skip segments that are mostly not words (command lines, tables)
            if len(re.findall(r'[^\W\d_]', t)) < 0.7 * len(t.replace(' ', '')):
                continue
            segs.append(t)
        segs.sort(key=h)
        n_long = per if l in ('fr', 'en') else per // 4
        longs = [cut(t) for t in segs if len(cut(t)) >= 40][:n_long]
        rows += [(l, t) for t in longs]
        if l in ('fr', 'en'):
            shorts = []
            for t in segs:
                ws = [w for w in re.split(r'\s+', t) if re.fullmatch(r"[^\W\d_][\w'’-]*", w)]
                if len(ws) < 3:
                    continue
                for r in range(pairs):
                    k = h(t + str(r)) % (len(ws) - 1)
                    k3 = 3 if h(t + '#' + str(r)) % 4 == 0 else 2
                    s = ' '.join(ws[k:k + k3])
                    if 10 <= len(s) <= 39 and s not in shorts:
                        shorts.append(s)
                if len(shorts) >= per:
                    break
            rows += [(l, t) for t in shorts]
    with open(out, 'w', encoding='utf-8') as o:
        for l, t in rows:
            o.write('%s\t%s\n' % (l, t))
    print('lines', len(rows), file=sys.stderr)


if __name__ == '__main__':
    main()
