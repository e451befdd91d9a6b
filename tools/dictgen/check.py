#!/usr/bin/env python3
"""Validate the generated gazetteers (countries, nationalities, locations).

Errors (exit 1): bad column count, unknown label, empty name or alias, bad
prefix, duplicate id within a label, bad id syntax, bad attribute, a
NATIONALITY id that is not a COUNTRY id, an ISO 3166-1 country missing or
without an English and a French name, a canonical name that collides with a
restricted alias of its own line (the name is matched unrestricted).
Warnings: an alias shared by entities of different labels in the same
language (the tagger keeps the label that comes first in its resolution
order), an alias on two entities of the same label (resolved by context).
"""
import gettext
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DICT, ISO_JSON, LOCALEDIR, fold, split_prefix  # noqa: E402
from countries import forms as iso_forms  # noqa: E402

FILES = {"countries.tsv": "COUNTRY", "nationalities.tsv": "NATIONALITY",
         "locations.tsv": "LOCATION"}
LABELS = {"COUNTRY", "LOCATION", "NATIONALITY", "AGENCY", "ORGANIZATION",
          "PERSON", "EVENT", "THREAT_ACTOR"}
ID_ISO = re.compile(r"^[A-Z]{2}$")
ID_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ATTR = re.compile(r"^[a-z][a-z0-9_-]*=[^;]+$")


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append((n, line.split("\t")))
    return rows


def main(dict_dir=DICT, quiet=False):
    errors, warnings = [], []
    ids = {}
    forms = {}        # (lang-scope, fold) -> set of (label, id)
    per_label = {}
    country_names = {}

    def err(f, n, m):
        errors.append("%s:%d: %s" % (f, n, m))

    for fname, want in FILES.items():
        path = os.path.join(dict_dir, fname)
        if not os.path.exists(path):
            errors.append("%s: missing" % fname)
            continue
        for n, cols in load(path):
            if not 3 <= len(cols) <= 5:
                err(fname, n, "bad column count %d" % len(cols))
                continue
            cols += [""] * (5 - len(cols))
            i, label, name, aliases, attrs = cols
            if label not in LABELS:
                err(fname, n, "unknown label %r" % label)
            if label != want:
                err(fname, n, "label %s in %s" % (label, fname))
            if label in ("COUNTRY", "NATIONALITY"):
                if not ID_ISO.match(i):
                    err(fname, n, "bad id %r (want ISO alpha-2)" % i)
            elif not ID_KEY.match(i):
                err(fname, n, "bad id %r" % i)
            if (label, i) in ids:
                err(fname, n, "duplicate id %s (first at line %d)" % (i, ids[(label, i)]))
            ids[(label, i)] = n
            per_label[label] = per_label.get(label, 0) + 1
            if not name.strip() or name != name.strip():
                err(fname, n, "empty or padded name")
            al = aliases.split("|") if aliases else []
            seen = set()
            for a in al:
                lang, cs, f = split_prefix(a)
                if not f.strip() or f != f.strip():
                    err(fname, n, "empty or padded alias %r" % a)
                    continue
                if a[:3] not in ("fr:", "en:") and re.match(r"^[a-z]{2}:", a):
                    err(fname, n, "bad prefix in %r" % a)
                k = (lang, cs, f if cs else fold(f))
                if k in seen:
                    err(fname, n, "duplicate alias %r" % a)
                seen.add(k)
                if fold(f) == fold(name) and (lang or cs):
                    err(fname, n, "name %r is matched unrestricted but alias %r "
                        "restricts the same form" % (name, a))
            if attrs:
                for kv in attrs.split(";"):
                    if not ATTR.match(kv):
                        err(fname, n, "bad attribute %r" % kv)
            if label == "COUNTRY":
                country_names[i] = [name] + al
            for a in [name] + al:
                lang, cs, f = split_prefix(a)
                for scope in ([lang] if lang else ["fr", "en"]):
                    forms.setdefault((scope, fold(f)), set()).add((label, i, fname, n, f if cs else None))

    # nationality ids must be country ids
    for (label, i), n in ids.items():
        if label == "NATIONALITY" and ("COUNTRY", i) not in ids:
            errors.append("nationalities.tsv:%d: id %s is not a COUNTRY id" % (n, i))

    # every ISO country with an English and a French name
    with open(ISO_JSON, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    tr = gettext.translation("iso_3166-1", localedir=LOCALEDIR, languages=["fr"])
    for e in iso:
        c = e["alpha_2"]
        if c not in country_names:
            errors.append("countries.tsv: ISO country %s (%s) missing" % (c, e["name"]))
            continue
        keys = {fold(split_prefix(a)[2]) for a in country_names[c]}
        en = [e.get("common_name"), e["name"], e.get("official_name")]
        fr = [tr.gettext(x) for x in en if x]
        if not any(fold(x) in keys for x in iso_forms([x for x in en if x])):
            # the English name may be a curated variant; require the name column
            if not country_names[c][0]:
                errors.append("countries.tsv: %s has no English name" % c)
        nop = [re.sub(r"\s*\([^)]*\)", "", x) for x in fr]
        frk = {fold(x) for x in iso_forms(fr) + iso_forms(nop) + fr}
        if not (frk & keys):
            # accept a curated French form: at least one alias differing from
            # every English ISO form must exist when ISO's French differs
            if all(fold(x) in {fold(y) for y in en if y} for x in fr):
                continue
            errors.append("countries.tsv: %s has no French name (ISO: %s)" % (c, "; ".join(fr)))

    # shared forms
    cross, same = [], []
    done = set()
    for (scope, k), ents in sorted(forms.items()):
        # two case-sensitive forms that differ in case do not meet
        # (`fr:=Argentine` country, `fr:=argentine` adjective)
        if all(e[4] is not None for e in ents) and len({e[4] for e in ents}) == len(ents):
            continue
        ents = {e[:4] for e in ents}
        labels = {e[0] for e in ents}
        ids_ = {(e[0], e[1]) for e in ents}
        if len(ids_) < 2 or (k, frozenset(ids_)) in done:
            continue
        done.add((k, frozenset(ids_)))
        desc = ", ".join("%s %s (%s:%d)" % e for e in sorted(ents))
        if len(labels) > 1:
            cross.append("shared across labels [%s] %r: %s" % (scope, k, desc))
        else:
            same.append("shared within label [%s] %r: %s" % (scope, k, desc))
    warnings.extend(cross)

    if not quiet:
        for e in errors:
            print("error: " + e)
        for w in warnings:
            print("warning: " + w)
        print("same-label shared forms (resolved by context): %d%s" % (
            len(same), "" if not same else " e.g. " + "; ".join(s.split(": ", 1)[0] for s in same[:6])))
        print("entries: " + ", ".join("%s %d" % kv for kv in sorted(per_label.items())))
        print("check: %d errors, %d warnings" % (len(errors), len(warnings)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else DICT))
