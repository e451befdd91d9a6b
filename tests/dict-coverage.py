#!/usr/bin/env python3
"""Coverage of the built-in dictionaries, as checks that can fail.

- every ISO 3166-1 entry of Debian's iso-codes is a COUNTRY with an English
  and a French name (the French name from iso-codes' catalogue is matched);
- every NATIONALITY id and every country=XX attribute (agencies, people,
  events, threat actors, places) is an existing COUNTRY id;
- every AGENCY and PERSON has a country attribute;
- no alias is empty, and the sizes stay real (minimums of issue 3).
Usage: dict-coverage.py DICT_DIR
"""
import gettext, json, os, re, sys, unicodedata

def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'")).casefold()
    return "".join(c for c in s if not unicodedata.combining(c))

ARTICLES = ("la ", "le ", "les ", "l'", "the ")

def bare(s):
    s = fold(s)
    for a in ARTICLES:
        if s.startswith(a):
            return s[len(a):]
    return s

def candidates(name):
    """iso-codes writes some names inverted or qualified: 'Russie, Fédération
    de', 'Holy See (Vatican City State)'. Text uses the natural forms."""
    out = {name}
    plain = re.sub(r"\s*\([^)]*\)", "", name)
    out.add(plain)
    if ", " in plain:
        head, tail = plain.split(", ", 1)
        out.update({head, f"{tail} {head}"})
    return {bare(x) for x in out}

def rows(d):
    for name in sorted(os.listdir(d)):
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(d, name), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if line.strip() and not line.startswith("#"):
                    yield f"{name}:{n}", line.split("\t")

def main():
    d = sys.argv[1]
    errors, by_label, countries = [], {}, {}
    all_rows = list(rows(d))
    for where, col in all_rows:
        by_label.setdefault(col[1], []).append((where, col))
        if col[1] == "COUNTRY":
            forms = {bare(col[2])}
            for a in (col[3].split("|") if len(col) > 3 and col[3] else []):
                a = a[3:] if a[:3] in ("fr:", "en:") else a
                forms.add(bare(a.lstrip("=")))
            countries[col[0]] = forms
        if len(col) > 3 and col[3]:
            for a in col[3].split("|"):
                if not a.strip() or a.strip() in ("fr:", "en:", "=", "fr:=", "en:="):
                    errors.append(f"{where}: empty alias")
    iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    fr = gettext.translation("iso_3166-1", "/usr/share/locale", languages=["fr"], fallback=True)
    for c in iso:
        code = c["alpha_2"]
        if code not in countries:
            errors.append(f"ISO country {code} ({c['name']}) is missing")
            continue
        names = {c["name"], c.get("common_name", c["name"]), c.get("official_name", c["name"])}
        if not any(candidates(n) & countries[code] for n in names):
            errors.append(f"{code}: no English name among {sorted(names)}")
        fr_names = {fr.gettext(n) for n in names}
        if not any(candidates(n) & countries[code] for n in fr_names):
            errors.append(f"{code}: no French name among {sorted(fr_names)}")
    for where, col in by_label.get("NATIONALITY", []):
        for code in col[0].split("+"):
            if code not in countries:
                errors.append(f"{where}: NATIONALITY {col[0]} is not a country id")
    for where, col in all_rows:
        attrs = dict(kv.split("=", 1) for kv in (col[4].split(";") if len(col) > 4 and col[4] else []) if "=" in kv)
        if col[1] in ("AGENCY", "PERSON") and "country" not in attrs:
            errors.append(f"{where}: {col[1]} {col[0]} has no country=")
        for code in attrs.get("country", "").split("+") if attrs.get("country") else []:
            if code not in countries:
                errors.append(f"{where}: country={code} is not a country id")
    need = {"COUNTRY": 249, "NATIONALITY": 200, "LOCATION": 600, "AGENCY": 400, "ORGANIZATION": 300,
            "PERSON": 300, "EVENT": 100, "THREAT_ACTOR": 150}
    for label, n in need.items():
        have = len(by_label.get(label, []))
        print(f"{label:14} {have:6}  (minimum {n})")
        if have < n:
            errors.append(f"{label}: {have} entries, fewer than {n}")
    agency_countries = {a.split("=", 1)[1] for _, col in by_label.get("AGENCY", []) if len(col) > 4
                        for a in col[4].split(";") if a.startswith("country=")}
    print(f"agencies cover {len(agency_countries)} countries (minimum 60)")
    if len(agency_countries) < 60:
        errors.append("agencies cover fewer than 60 countries")
    for e in errors:
        print("error:", e)
    print(f"{len(errors)} error(s)")
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main()
