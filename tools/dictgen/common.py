"""Shared helpers for the gazetteer generators (Python 3 stdlib only).

Alias syntax follows dict/README.md: an optional language prefix `fr:` or
`en:`, then an optional `=` (case-sensitive), then the surface form.
"""
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DICT = os.path.join(ROOT, "dict")
SHARED = os.environ.get("CYBERNER_SHARED",
                        os.path.normpath(os.path.join(ROOT, "..", "shared")))

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO2_JSON = "/usr/share/iso-codes/json/iso_3166-2.json"
LOCALEDIR = "/usr/share/locale"
WORLD_COUNTRIES = os.path.join(SHARED, "data", "world-countries", "countries.json")

APOS = "\u2019\u02bc\u2018`\u00b4"


def clean(s):
    """Tidy a surface form: NFC, one space, straight apostrophe, no space
    after an elided article ("d' Ivoire" -> "d'Ivoire")."""
    s = unicodedata.normalize("NFC", s)
    for a in APOS:
        s = s.replace(a, "'")
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\b([dDlL]) ?' +", r"\1'", s)
    return s


def split_prefix(alias):
    """'fr:=Maurice' -> ('fr', True, 'Maurice')."""
    lang = None
    if alias[:3] in ("fr:", "en:"):
        lang, alias = alias[:2], alias[3:]
    cs = False
    if alias.startswith("="):
        cs, alias = True, alias[1:]
    return lang, cs, alias


def fold(s):
    """The matching key the tagger uses (approximately): case- and
    accent-insensitive, apostrophes unified, oe/ae ligatures expanded."""
    s = clean(s)
    s = s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ø", "o").replace("Ø", "O").replace("ß", "ss")
    return s.lower()


def key(alias):
    return fold(split_prefix(alias)[2])


def auto_case_sensitive(form):
    """README rule: no lower-case letter and at least two capitals."""
    return not any(c.islower() for c in form) and sum(c.isupper() for c in form) >= 2


def is_latin(s):
    for c in s:
        if c.isalpha():
            try:
                n = unicodedata.name(c)
            except ValueError:
                return False
            if "LATIN" not in n:
                return False
    return True


class Entry:
    """One gazetteer line."""

    def __init__(self, id_, label, name, attrs=None):
        self.id = id_
        self.label = label
        self.name = clean(name)
        self.aliases = []          # ordered, with prefixes
        self.attrs = list(attrs or [])  # [(k, v)]

    def add(self, alias, override=False):
        """Add an alias. A generated form (override=False) with the same fold
        key as an existing alias is skipped, except that an accented spelling
        replaces a bare one. A curated form (override=True) replaces the
        unrestricted aliases with the same fold key, and sits beside other
        restricted ones (`=La Réunion` and `=la Réunion` are both kept)."""
        if not alias:
            return
        lang, cs, form = split_prefix(alias)
        form = clean(form)
        if not form:
            return
        alias = (lang + ":" if lang else "") + ("=" if cs else "") + form
        k = fold(form)
        if override:
            ident = (lang, cs, form if cs else k)
            kept = []
            for a in self.aliases:
                pl, pc, pf = split_prefix(a)
                if fold(pf) == k and pl is None and not pc and (lang or cs):
                    continue  # restricted curated form replaces the bare one
                kept.append(a)
            self.aliases = kept
            for i, a in enumerate(self.aliases):
                pl, pc, pf = split_prefix(a)
                if (pl, pc, pf if pc else fold(pf)) == ident:
                    if not cs and len(form.encode()) > len(pf.encode()):
                        self.aliases[i] = alias  # keep the accented spelling
                    return
                if fold(pf) == k and pl is None and not pc and not (lang or cs):
                    return
            self.aliases.append(alias)
            return
        for i, a in enumerate(self.aliases):
            pl, pc, pf = split_prefix(a)
            if fold(pf) == k:
                if pl == lang and pc == cs and pf != form and \
                        len(pf.encode()) < len(form.encode()):
                    self.aliases[i] = alias
                return
        self.aliases.append(alias)

    def drop(self, form):
        k = fold(split_prefix(form)[2])
        self.aliases = [a for a in self.aliases if key(a) != k]

    def finalize(self):
        nk = fold(self.name)
        # an alias identical to the name is redundant, unless it restricts it
        # (then the name itself must be a safe form; checked by check.py)
        self.aliases = [a for a in self.aliases
                        if not (key(a) == nk and split_prefix(a)[0] is None
                                and not split_prefix(a)[1])]

    def line(self):
        attrs = ";".join("%s=%s" % kv for kv in self.attrs)
        cols = [self.id, self.label, self.name, "|".join(self.aliases), attrs]
        for c in cols:
            assert "\t" not in c and "\n" not in c, cols
        return "\t".join(cols).rstrip("\t")


def read_table(path):
    """Read a curated TSV: skip blank lines and '#' comments; returns a list
    of (lineno, [columns])."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append((n, line.split("\t")))
    return rows


def split_aliases(s):
    return [a.strip() for a in s.split("|") if a.strip()] if s else []


def write_tsv(path, header_lines, entries):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write("# " + h + "\n" if h else "#\n")
        for e in entries:
            f.write(e.line() + "\n")


def kebab(s):
    s = fold(s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s
