#!/usr/bin/env python3
"""Gather the training texts of the language detector from files on a Debian
machine, split them into train / held-out, and write them as plain text.

    python3 tools/langid/extract_corpus.py OUTDIR [--raw-news DIR]

Writes OUTDIR/train.LANG.txt and OUTDIR/heldout.LANG.txt (one segment a line,
"SOURCE<TAB>text") for LANG in fr en de es it pt nl.  Everything is
deterministic: files are read in sorted order and the split depends only on
the text (a hash), never on a random generator.

Sources (see dict/langid/README.md for the licences):
  europarl  Europarl v7 fr-en, the blocks that raw-news/{fr,en}.txt took from
            it (only those blocks: the rest of raw-news overlaps NER test sets)
  mo        gettext catalogues /usr/share/locale/LANG/LC_MESSAGES/*.mo
            (msgstr = LANG; the msgid side of the fr catalogues = English)
  man       manual pages /usr/share/man/LANG/ (manpages-LANG packages);
            English from /usr/share/man/man{1,5,7,8}
  fortune   fortune cookies (fortunes, fortunes-de/-es/-it)
  debref    Debian Reference HTML (debian-reference-LANG)
  handbook  The Debian Administrator's Handbook HTML (debian-handbook),
            fr-FR en-US de-DE es-ES it-IT nl-NL pt-BR
"""
import glob, gzip, hashlib, html, os, re, struct, subprocess, sys

LANGS = ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl']
# Per-source byte cap per language, so that no single source (e.g. the
# 75 MB of English man pages) drowns the others.
CAP = {'europarl': 10**9, 'mo': 1_500_000, 'man': 1_500_000,
       'fortune': 1_500_000, 'debref': 1_000_000, 'handbook': 1_500_000}


# A few function words per language, only to drop untranslated passages
# (English paragraphs inside French man pages, etc.) from the other
# languages' texts: a segment is dropped when it has at least two English
# function words and more of them than of its own language's.
STOP = {
    'en': 'the and of to is are that this with for you it be not or by on which from can will was have an as if your any when all at there',
    'fr': 'le la les des du de est et un une pour dans que qui sur pas ne par au aux avec ce cette sont il vous être ou en plus',
    'de': 'der die das und ist nicht ein eine mit von zu den dem für auf sie wird werden sich des im es oder kann bei auch wenn als',
    'es': 'el la los las de que y en un una es por para con no se del al lo como su más o',
    'it': 'il la di che e è un una per non con del della i gli le si da in sono al come o',
    'pt': 'o a os as de que e do da em um uma para não com é no na se por dos ao ou',
    'nl': 'de het een en van niet dat die te in op voor met zijn wordt als kan er of aan bij deze naar',
}
STOP = {l: set(v.split()) for l, v in STOP.items()}


def wrong_language(lang, text):
    ws = re.findall(r'[^\W\d_]+', text.lower())
    hits = {l: sum(w in s for w in ws) for l, s in STOP.items()}
    if lang == 'en':
        other = max(v for l, v in hits.items() if l != 'en')
        return other >= 2 and other > hits['en']
    return hits['en'] >= 2 and hits['en'] > hits[lang]


def heldout(text):
    """One segment in ten goes to the held-out split, chosen by content."""
    return hashlib.md5(text.encode('utf-8')).digest()[0] % 10 == 0


def clean(s):
    s = re.sub(r'%(\d+\$)?[-+ #0]*\d*(\.\d+)?[hlLqjzt]*[sdiuxXcfgeEpo%]', ' ', s)
    s = re.sub(r'\{[^}]*\}|<[^>]*>|&[a-z]+;|https?://\S+|\S+@\S+', ' ', s)
    s = s.replace('_', '').replace('\\n', ' ')
    s = re.sub(r'\s+', ' ', s).strip()
    return s


# --- gettext catalogues -------------------------------------------------
def read_mo(path):
    """Yield (msgid, msgstr) pairs of a GNU .mo file (little or big endian)."""
    data = open(path, 'rb').read()
    if len(data) < 28:
        return
    magic = struct.unpack('<I', data[:4])[0]
    e = '<' if magic == 0x950412de else '>'
    _, n, oo, to = struct.unpack(e + '4I', data[4:20])
    for i in range(n):
        ol, oof = struct.unpack(e + '2I', data[oo + 8 * i: oo + 8 * i + 8])
        tl, tof = struct.unpack(e + '2I', data[to + 8 * i: to + 8 * i + 8])
        mid = data[oof:oof + ol].split(b'\0')[0].split(b'\x04')[-1]
        mstr = data[tof:tof + tl].split(b'\0')[0]
        if mid:
            yield mid.decode('utf-8', 'replace'), mstr.decode('utf-8', 'replace')


def mo_texts(lang, want_msgid=False):
    out = []
    for p in sorted(glob.glob('/usr/share/locale/%s/LC_MESSAGES/*.mo' % lang)):
        if os.path.basename(p).startswith('iso_'):
            continue  # lists of country / currency names, not running text
        for mid, mstr in read_mo(p):
            t = clean(mid if want_msgid else mstr)
            if len(t) >= 8 and re.search(r'[^\W\d_]{3}', t):
                out.append(t)
    return out


# --- manual pages -------------------------------------------------------
TEXT_MACROS = re.compile(r'^\.(B|I|BI|BR|IB|IR|RB|RI|SB|SM|SH|SS)\s+(.*)$')


def troff_text(src):
    lines = []
    for ln in src.splitlines():
        m = TEXT_MACROS.match(ln)
        if m:
            ln = m.group(2).replace('"', ' ')
        elif ln.startswith('.') or ln.startswith("'"):
            continue
        ln = re.sub(r'\\f(\(..|\[[^\]]*\]|.)', '', ln)
        ln = re.sub(r'\\\*?\((..)|\\\*?\[[^\]]*\]|\\s[-+]?\d', ' ', ln)
        ln = re.sub(r'\\[-&e|^ ]', ' ', ln).replace('\\', ' ')
        ln = clean(ln)
        if ln:
            lines.append(ln)
    # join filled text into paragraphs of a few lines
    return [' '.join(lines[i:i + 4]) for i in range(0, len(lines), 4)]


def man_texts(lang):
    if lang == 'en':
        files = []
        for sec in ('man1', 'man5', 'man7', 'man8'):
            files += sorted(glob.glob('/usr/share/man/%s/*.gz' % sec))
    else:
        dirs = ['/usr/share/man/%s' % lang]
        if lang == 'pt':
            dirs.append('/usr/share/man/pt_BR')
        files = []
        for d in dirs:
            files += sorted(glob.glob(d + '/man*/*.gz'))
    out = []
    for f in files:
        try:
            src = gzip.open(f).read().decode('utf-8')
        except (OSError, UnicodeDecodeError):
            continue
        out += troff_text(src)
    return out


# --- fortunes ------------------------------------------------------------
def fortune_texts(lang):
    base = '/usr/share/games/fortunes'
    if lang == 'en':
        # only the English packages' files: fortunes-it puts Italian
        # cookies in the same folder
        listed = subprocess.run(['dpkg', '-L', 'fortunes', 'fortunes-min'],
                                capture_output=True, text=True).stdout.split()
        files = sorted(p for p in listed
                       if os.path.dirname(p) == base and os.path.isfile(p)
                       and '.' not in os.path.basename(p)
                       and not re.search(r'art|banner|translate-me', p))
    elif lang in ('de', 'es', 'it'):
        files = sorted(p for p in glob.glob(base + '/%s/*' % lang)
                       if os.path.isfile(p) and not p.endswith('.dat')
                       and not re.search(r'art', p))
        # prefer the .u8 (UTF-8) copy when both exist
        files = [p for p in files if p.endswith('.u8') or p + '.u8' not in files]
    else:
        return []
    out = []
    for p in files:
        try:
            txt = open(p, encoding='utf-8').read()
        except UnicodeDecodeError:
            continue
        for cookie in txt.split('\n%\n'):
            # drop attribution lines ("-- Someone") and collapse the cookie
            body = '\n'.join(l for l in cookie.splitlines()
                             if not re.match(r'\s*(--|―)', l))
            t = clean(body)
            if len(t) >= 8:
                out.append(t)
    return out


# --- Debian Reference ----------------------------------------------------
def debref_texts(lang):
    out = []
    for p in sorted(glob.glob('/usr/share/debian-reference/*.%s.html' % lang)):
        h = open(p, encoding='utf-8', errors='replace').read()
        h = re.sub(r'(?s)<(pre|code|script|style)[^>]*>.*?</\1>', ' ', h)
        for para in re.findall(r'(?s)<p[^>]*>(.*?)</p>', h):
            t = clean(html.unescape(re.sub(r'<[^>]*>', ' ', para)))
            if len(t) >= 8:
                out.append(t)
    return out


# --- The Debian Administrator's Handbook ------------------------------------
HANDBOOK = {'fr': 'fr-FR', 'en': 'en-US', 'de': 'de-DE', 'es': 'es-ES',
            'it': 'it-IT', 'nl': 'nl-NL', 'pt': 'pt-BR'}


def handbook_texts(lang):
    out = []
    base = '/usr/share/doc/debian-handbook/html/%s' % HANDBOOK[lang]
    for p in sorted(glob.glob(base + '/*.html')):
        h = open(p, encoding='utf-8', errors='replace').read()
        h = re.sub(r'(?s)<(pre|code|script|style)[^>]*>.*?</\1>', ' ', h)
        # Publican HTML: running text is in <div class="para"> blocks
        for para in re.findall(r'(?s)<div class="para"[^>]*>(.*?)</div>', h):
            t = clean(html.unescape(re.sub(r'<[^>]*>', ' ', para)))
            if len(t) >= 8:
                out.append(t)
    return out


# --- Europarl (from shared raw-news) ---------------------------------------
def europarl_blocks(raw_news, lang):
    """The 150 blocks of 20 lines that build_raw_news.py took from Europarl;
    they start with the first line of Europarl v7 ("Reprise de la session")."""
    first = {'fr': 'Reprise de la session', 'en': 'Resumption of the session'}[lang]
    blocks = open(os.path.join(raw_news, lang + '.txt'), encoding='utf-8').read().split('\n\n')
    start = next(i for i, b in enumerate(blocks) if b.startswith(first))
    return [b.splitlines() for b in blocks[start:start + 150]]


def main():
    outdir = sys.argv[1]
    raw_news = '/work/shared/data/raw-news'
    if '--raw-news' in sys.argv:
        raw_news = sys.argv[sys.argv.index('--raw-news') + 1]
    os.makedirs(outdir, exist_ok=True)
    for lang in LANGS:
        segs = []  # (source, text, is_heldout)
        if lang in ('fr', 'en'):
            # Europarl split by whole blocks (every 10th block held out), so
            # held-out sentences never share a debate with trained ones.
            for i, b in enumerate(europarl_blocks(raw_news, lang)):
                for ln in b:
                    t = clean(ln)
                    if t:
                        segs.append(('europarl', t, i % 10 == 9))
        sources = [('mo', mo_texts(lang) if lang != 'en' else mo_texts('fr', True)),
                   ('man', man_texts(lang)),
                   ('fortune', fortune_texts(lang)),
                   ('debref', debref_texts(lang)),
                   ('handbook', handbook_texts(lang))]
        for name, texts in sources:
            seen, used = set(), 0
            for t in texts:
                if t in seen or wrong_language(lang, t):
                    continue
                seen.add(t)
                if used > CAP[name]:
                    break
                used += len(t.encode('utf-8'))
                segs.append((name, t, heldout(t)))
        with open(os.path.join(outdir, 'train.%s.txt' % lang), 'w', encoding='utf-8') as tr, \
             open(os.path.join(outdir, 'heldout.%s.txt' % lang), 'w', encoding='utf-8') as ho:
            for src, t, h in segs:
                (ho if h else tr).write('%s\t%s\n' % (src, t))
        stats = {}
        for src, t, h in segs:
            k = (src, h)
            stats[k] = stats.get(k, 0) + len(t.encode('utf-8'))
        print(lang, ' '.join('%s%s=%d' % (s, '(ho)' if h else '', n)
                             for (s, h), n in sorted(stats.items())), file=sys.stderr)


if __name__ == '__main__':
    main()
