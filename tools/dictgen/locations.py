#!/usr/bin/env python3
"""Generate dict/locations.tsv (label LOCATION).

Sources: tools/dictgen/cities.tsv (curated capitals and large cities, English
and French names), tools/dictgen/places.tsv (continents, world regions, seas,
seats of government), Debian iso-codes iso_3166-2 (+ French gettext
catalogue) for first-level subdivisions of a few countries, with overrides in
tools/dictgen/subdivisions.tsv.

A location alias that is also a COUNTRY or NATIONALITY form (Luxembourg,
Singapore, Djibouti, Salvador...) is dropped so that the other label keeps
it without a conflict, except the deliberate ones in KEEP_SHARED.
"""
import gettext
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (HERE, DICT, ISO2_JSON, LOCALEDIR, Entry, clean, fold, kebab,  # noqa: E402
                    read_table, split_aliases, split_prefix, write_tsv)

CITIES = os.path.join(HERE, "cities.tsv")
PLACES = os.path.join(HERE, "places.tsv")
SUBDIV = os.path.join(HERE, "subdivisions.tsv")

# ISO 3166-2 subdivision types taken per country
SUBDIV_TYPES = {
    "US": ("State", "District"),
    "CA": ("Province", "Territory"),
    "AU": ("State", "Territory"),
    "DE": ("Land",),
    "FR": ("Metropolitan region", "Metropolitan collectivity with special status"),
}
# Aliases deliberately shared with a COUNTRY entry: the COUNTRY wins by the
# tagger's resolution order (COUNTRY before LOCATION); kept so that a user
# dictionary that removes the country still finds the state.
KEEP_SHARED = {"georgia"}

PAREN = re.compile(r"\s*\([^)]*\)")


def bare(form):
    return clean(PAREN.sub("", form))


class Builder:
    def __init__(self, blocked):
        self.entries = []
        self.ids = set()
        self.blocked = blocked      # fold key -> "LABEL ID"
        self.dropped = []           # (alias, location id, other entry)

    def new(self, base_id, name, attrs, cc=None):
        i = kebab(bare(name)) or kebab(name)
        i = base_id or i
        if i in self.ids and cc:
            i = "%s-%s" % (i, cc.lower())
        n = 2
        while i in self.ids:
            i = "%s-%d" % (re.sub(r"-\d+$", "", i), n)
            n += 1
        self.ids.add(i)
        e = Entry(i, "LOCATION", name, attrs)
        self.entries.append(e)
        return e

    def add(self, e, alias, override=True):
        k = fold(split_prefix(alias)[2])
        if k in self.blocked and k not in KEEP_SHARED:
            self.dropped.append((alias, e.id, self.blocked[k]))
            return
        e.add(alias, override=override)

    def finish(self, e):
        """Make the name safe: the name is matched unrestricted, so a name
        that an alias restricts gets a qualifier ("Nice (FR)"); a name that
        COUNTRY/NATIONALITY has is replaced by a safe alias or the entry is
        dropped."""
        k = fold(e.name)
        if any(fold(split_prefix(a)[2]) == k and (split_prefix(a)[0] or split_prefix(a)[1])
               for a in e.aliases):
            a = dict(e.attrs)
            e.name = "%s (%s)" % (e.name, a.get("country") or a.get("kind"))
            k = fold(e.name)
        if k in self.blocked and k not in KEEP_SHARED:
            self.dropped.append((e.name, e.id, self.blocked[k]))
            safe = [a for a in e.aliases if split_prefix(a)[0] is None
                    and not split_prefix(a)[1]]
            if safe:
                e.name = split_prefix(safe[0])[2]
                e.aliases.remove(safe[0])
            else:
                self.entries.remove(e)
                return
        e.finalize()


def forms_of(field, nobare):
    out = []
    for a in split_aliases(field):
        lang, cs, f = split_prefix(a)
        pre = (lang + ":" if lang else "") + ("=" if cs else "")
        out.append(pre + f)
        if "(" in f and not nobare:
            out.append(pre + bare(f))
    return out


def build_cities(b):
    n = 0
    for ln, cols in read_table(CITIES):
        cols += [""] * (4 - len(cols))
        cc, en, fr, flags = [c.strip() for c in cols[:4]]
        flags = flags.split()
        if "drop" in flags:
            continue
        nobare = "nobare" in flags
        en_forms = forms_of(en, nobare)
        name = split_prefix(en_forms[0])[2]
        attrs = [("country", cc), ("kind", "capital" if "capital" in flags else "city")]
        e = b.new(None, name, attrs, cc)
        for a in en_forms + forms_of(fr, nobare):
            b.add(e, a)
        b.finish(e)
        n += 1
    return n


def build_subdivisions(b):
    with open(ISO2_JSON, encoding="utf-8") as f:
        data = json.load(f)["3166-2"]
    tr = gettext.translation("iso_3166-2", localedir=LOCALEDIR, languages=["fr"])
    over = {}
    for ln, cols in read_table(SUBDIV):
        cols += [""] * (4 - len(cols))
        over[cols[0].strip()] = [c.strip() for c in cols[1:4]]
    n = 0
    for s in sorted(data, key=lambda s: s["code"]):
        cc = s["code"][:2]
        if cc not in SUBDIV_TYPES or s["type"] not in SUBDIV_TYPES[cc]:
            continue
        o = over.get(s["code"], ["", "", ""])
        if "skip" in o[2].split():
            continue
        en = o[0] or clean(re.sub(r"\s*\[.*\]", "", s["name"]))
        fr = o[1] or clean(tr.gettext(s["name"]))
        en_forms = forms_of(en, False)
        first = split_prefix(en_forms[0])
        name = first[2]
        kind = {"Land": "state", "Metropolitan region": "region",
                "Metropolitan collectivity with special status": "region"}.get(
                    s["type"], s["type"].lower())
        e = b.new(None, name, [("country", cc), ("kind", kind), ("iso3166-2", s["code"])], cc)
        for a in en_forms + forms_of(fr, False):
            b.add(e, a)
        b.finish(e)
        n += 1
    return n


def build_places(b):
    n = 0
    for ln, cols in read_table(PLACES):
        cols += [""] * (4 - len(cols))
        kind, en, fr, attrs = [c.strip() for c in cols[:4]]
        if attrs == "drop":
            continue
        en_forms = forms_of(en, False)
        name = split_prefix(en_forms[0])[2]
        av = [tuple(kv.split("=", 1)) for kv in attrs.split(";") if "=" in kv]
        av.append(("kind", kind))
        e = b.new(None, name, av, dict(av).get("country"))
        for a in en_forms + forms_of(fr, False):
            b.add(e, a)
        b.finish(e)
        n += 1
    return n


def blocked_keys(other_entries):
    blocked = {}
    for e in other_entries:
        for a in [e.name] + e.aliases:
            blocked.setdefault(fold(split_prefix(a)[2]), "%s %s" % (e.label, e.id))
    return blocked


HEADER = [
    "LOCATION gazetteer: GENERATED by tools/dictgen/locations.py, do not edit by hand.",
    "Edit tools/dictgen/{cities,places,subdivisions}.tsv and run: python3 tools/dictgen/build.py",
    "Sources: curated tables (public knowledge), Debian iso-codes iso_3166-2 (+ fr catalogue).",
    "kind= capital|city|state|province|territory|district|region|subregion|continent|sea|strait|seat",
]


def main(other_entries=None, verbose=False):
    if other_entries is None:
        import countries
        import nationalities
        ce = countries.build()[0]
        ne = nationalities.build([e.id for e in ce])[0]
        other_entries = ce + ne
    b = Builder(blocked_keys(other_entries))
    nc = build_cities(b)
    ns = build_subdivisions(b)
    npl = build_places(b)
    write_tsv(os.path.join(DICT, "locations.tsv"), HEADER, b.entries)
    kinds = {}
    for e in b.entries:
        k = dict(e.attrs).get("kind")
        kinds[k] = kinds.get(k, 0) + 1
    print("locations.tsv: %d entries (%s), %d aliases" % (
        len(b.entries), ", ".join("%s %d" % kv for kv in sorted(kinds.items())),
        sum(len(e.aliases) for e in b.entries)))
    print("  %d location forms left out because COUNTRY/NATIONALITY has them%s" % (
        len(b.dropped), ":" if verbose else " (-v to list)"))
    if verbose:
        for a, i, o in b.dropped:
            print("    %-30s %-28s -> %s" % (a, i, o))
    return b.entries


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
