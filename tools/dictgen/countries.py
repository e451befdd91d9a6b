#!/usr/bin/env python3
"""Generate dict/countries.tsv (label COUNTRY, id = ISO 3166-1 alpha-2).

Sources (see dict/SOURCES.md):
  * Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (English
    names) and the gettext catalogue iso_3166-1.mo (French names);
  * shared/data/world-countries/countries.json (npm world-countries, ODbL;
    facts only): common/official names, French translations, altSpellings;
  * tools/dictgen/country_aliases.tsv: curated names, aliases, restrictions.
"""
import gettext
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (HERE, DICT, ISO_JSON, LOCALEDIR, WORLD_COUNTRIES, Entry,  # noqa: E402
                    clean, fold, is_latin, read_table, split_aliases, write_tsv)

CURATED = os.path.join(HERE, "country_aliases.tsv")

# Codes outside ISO 3166-1 that the gazetteer carries anyway (user-assigned,
# in common use by the EU, IMF, etc.).
EXTRA_CODES = {"XK"}

# Former states under their former ISO 3166-1 alpha-2 code (ISO 3166-3 lists
# them): history in policy text ("since the Soviet Union's collapse"). Their
# names are all curated. CS is left out: the code named Czechoslovakia and
# later Serbia and Montenegro.
FORMER_CODES = {"SU", "YU", "DD", "ZR"}

# Words that make an altSpelling an English/French descriptive form we keep;
# other altSpellings (native names, transliterations) are dropped unless the
# curated table adds them.
DESCRIPTIVE = re.compile(
    r"\b(Republic|Kingdom|State|States|Federation|Federal|Islands?|Commonwealth|"
    r"Union|Democratic|Principality|Sultanate|Emirates|Bailiwick|Territory|"
    r"Confederation|Federated|Grand Duchy|Collectivity|Coast|Congo|Herzegovina|"
    r"République|Royaume|État|États|Principauté|Fédération|Îles?|Bailliage|"
    r"Collectivité|Confédération|Union)\b")

PREPOSITION_TAIL = re.compile(r"(?:\b(?:of|of the|de|du|de la|des)|\bd')$", re.I)


def uninvert(name):
    """'Corée, République de' -> 'République de Corée';
    'Salomon, Îles' -> 'Îles Salomon'; other comma forms -> None."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if "," in tail or "(" in tail:
        return None
    tail = re.sub(r"^(The|the) ", "", tail)
    if PREPOSITION_TAIL.search(tail):
        return tail + ("" if tail.endswith("'") else " ") + head
    if re.match(r"^(Îles?|îles?|Île de la|Islands?)$", tail):
        return tail + " " + head
    return None


def strip_paren(name):
    """'Cocos (Keeling) Islands' -> also 'Cocos Islands'; 'Holy See
    (Vatican City State)' -> 'Holy See' and 'Vatican City State'."""
    out = []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", name)
    if not m:
        return [name]
    before, inside, after = m.groups()
    if after:
        out.append(clean(before + " " + after))
    else:
        out.append(clean(before))
        # only inner parts that are names of the whole territory
        if inside in ("Vatican City State", "Malvinas", "état de la cité du Vatican"):
            out.append(clean(inside))
    return out


ARTICLE = re.compile(r"^(?:[Tt]he |[Ll]es |[Ll]a |[Ll]e |[Ll]')(?=\w)")


def tidy(form):
    """Remove a leading article and stray spaces around hyphens."""
    form = clean(form)
    form = re.sub(r"\s*-\s*(?=\w)", "-", form) if " -" in form else form
    if not form.startswith(("La Réunion",)):
        form = ARTICLE.sub("", form, count=1)
    return form


def load_iso():
    with open(ISO_JSON, encoding="utf-8") as f:
        data = json.load(f)["3166-1"]
    tr = gettext.translation("iso_3166-1", localedir=LOCALEDIR, languages=["fr"])
    out = {}
    for e in data:
        en = [e.get("common_name"), e["name"], e.get("official_name")]
        fr = [tr.gettext(x) if x else None for x in en]
        out[e["alpha_2"]] = {"en": [x for x in en if x], "fr": [x for x in fr if x],
                             "alpha3": e["alpha_3"]}
    return out


def load_world_countries():
    with open(WORLD_COUNTRIES, encoding="utf-8") as f:
        return {c["cca2"]: c for c in json.load(f)}


def load_curated():
    cur = {}
    for n, cols in read_table(CURATED):
        if len(cols) < 3:
            raise SystemExit("%s:%d: need CODE<TAB>op<TAB>value" % (CURATED, n))
        code, op, val = cols[0].strip(), cols[1].strip(), cols[2].strip()
        if op not in ("name", "add", "drop"):
            raise SystemExit("%s:%d: unknown op %r" % (CURATED, n, op))
        cur.setdefault(code, []).append((op, val))
    return cur


def forms(names):
    out = []
    for n in names:
        n = clean(n)
        u = uninvert(n)
        if u is None:
            continue
        out.extend(tidy(x) for x in strip_paren(u))
    return [x for x in out if x and "(" not in x]


def build():
    iso = load_iso()
    wc = load_world_countries()
    cur = load_curated()
    codes = sorted(set(iso) | (EXTRA_CODES & set(wc)) | FORMER_CODES)
    entries = []
    stats = {"altSpellings_kept": 0, "altSpellings_dropped": 0}
    for code in codes:
        i = iso.get(code, {"en": [], "fr": [], "alpha3": None})
        w = wc.get(code)
        en = forms(i["en"])
        fr = forms(i["fr"])
        alts = []
        if w:
            en = forms([w["name"]["common"], w["name"]["official"]]) + en
            t = w["translations"].get("fra", {})
            fr = forms([t.get("common", ""), t.get("official", "")]) + fr
            for a in w.get("altSpellings", []):
                a = clean(a)
                if (a in (code, w.get("cca3")) or not is_latin(a) or ", " in a
                        or " " not in a or "(" in a or not DESCRIPTIVE.search(a)):
                    stats["altSpellings_dropped"] += 1
                    continue
                stats["altSpellings_kept"] += 1
                alts.append(tidy(a))
        en = [x for x in en if x]
        fr = [x for x in fr if x]
        ops = cur.get(code, [])
        name = next((v for op, v in ops if op == "name"), None)
        if not name:
            # ISO common name, else ISO short name when not inverted, else the
            # world-countries common name
            cands = [clean(x) for x in i["en"][:2] if ", " not in x and "(" not in x]
            name = cands[0] if cands else clean(w["name"]["common"])
        e = Entry(code, "COUNTRY", name)
        for a in en + fr + alts:
            e.add(a)
        for op, v in ops:
            if op == "drop":
                for a in split_aliases(v):
                    e.drop(a)
        for op, v in ops:
            if op == "add":
                for a in split_aliases(v):
                    e.add(a, override=True)
        e.finalize()
        if code in EXTRA_CODES:
            e.attrs.append(("iso", "user-assigned"))
        if code in FORMER_CODES:
            e.attrs.append(("iso", "former"))
        entries.append(e)
    return entries, stats


HEADER = [
    "COUNTRY gazetteer: GENERATED by tools/dictgen/countries.py, do not edit by hand.",
    "Edit tools/dictgen/country_aliases.tsv and run: python3 tools/dictgen/build.py",
    "Sources: Debian iso-codes (iso_3166-1.json + fr gettext catalogue),",
    "world-countries countries.json (ODbL, facts only), curated aliases. See SOURCES.md.",
    "id = ISO 3166-1 alpha-2 (XK Kosovo: user-assigned code; SU, YU, DD, ZR: former codes, ISO 3166-3).",
]


def main():
    entries, stats = build()
    path = os.path.join(DICT, "countries.tsv")
    write_tsv(path, HEADER, entries)
    print("countries.tsv: %d entries, %d aliases (altSpellings kept %d, dropped %d)" % (
        len(entries), sum(len(e.aliases) for e in entries),
        stats["altSpellings_kept"], stats["altSpellings_dropped"]))
    return entries


if __name__ == "__main__":
    main()
