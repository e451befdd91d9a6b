#!/usr/bin/env python3
"""The cyberner command line as a user runs it.

usage: test_cli.py CLI SHARED_DIR VERSION MAN_PAGE CASE

CASE is one of the functions named case_* below (without the prefix); meson
registers one test per case. Exit status: 0 pass, 1 fail, 77 skip (the
shared evaluation folder is missing).
"""
import html.parser
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile

CLI, SHARED, VERSION, MAN_PAGE, CASE = sys.argv[1:6]
SEED = os.path.join(SHARED, "eval", "dev", "seed-004.txt")
DEV = os.path.join(SHARED, "eval", "dev")
LABELS = ["COUNTRY", "LOCATION", "NATIONALITY", "AGENCY", "ORGANIZATION", "PERSON",
          "DATE", "EVENT", "THREAT_ACTOR", "VULNERABILITY"]


class Fail(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)


def run(*args, stdin=None, code=0, stderr=None):
    """Run the CLI; fail unless it exits with `code`. Returns (stdout, stderr) as bytes."""
    p = subprocess.run([CLI, *args], input=stdin, stdout=subprocess.PIPE,
                       stderr=stderr if stderr is not None else subprocess.PIPE, timeout=300)
    if p.returncode != code:
        raise Fail(f"cyberner {' '.join(args)}: exit {p.returncode}, expected {code}\n"
                   f"stderr: {(p.stderr or b'').decode(errors='replace')}")
    return p.stdout, p.stderr


def seed_doc():
    """The JSONL result for the seed: the reference the other formats are checked against."""
    out, _ = run("tag", "--quiet", SEED)
    lines = out.decode().splitlines()
    check(len(lines) == 1, f"jsonl: one line expected, got {len(lines)}")
    return json.loads(lines[0])


def seed_bytes():
    with open(SEED, "rb") as f:
        return f.read()


# ---- formats ------------------------------------------------------------------

def case_jsonl():
    d = seed_doc()
    text = seed_bytes()
    check(d["id"] == SEED, "jsonl: id is the file path")
    check(d["lang"] in ("fr", "en", "und"), "jsonl: lang")
    check(d["text"].encode() == text, "jsonl: text is the file's text")
    check(len(d["entities"]) > 10, "jsonl: the seed has entities")
    last = 0
    for e in d["entities"]:
        check(e["label"] in LABELS, f"jsonl: unknown label {e['label']}")
        check(last <= e["start"] < e["end"], f"jsonl: entities in order, not overlapping: {e}")
        check(text[e["start"]:e["end"]].decode() == e["text"], f"jsonl: byte offsets read back {e}")
        last = e["end"]
    for s in d["sentences"]:
        check(0 <= s["start"] < s["end"] <= len(text), f"jsonl: sentence {s}")


def case_json():
    ref = seed_doc()
    out, _ = run("tag", "--quiet", "--format", "json", SEED)
    d = json.loads(out)
    check(isinstance(d, dict), "json: one document is one object")
    check(d["entities"] == ref["entities"] and d["text"] == ref["text"], "json: same content as jsonl")
    check(out.count(b"\n") > len(ref["entities"]), "json: pretty (one entity a line)")
    # several documents: one array
    out, _ = run("tag", "--quiet", "--format", "json", SEED, os.path.join(DEV, "seed-000.txt"))
    arr = json.loads(out)
    check(isinstance(arr, list) and len(arr) == 2, "json: several documents make one array")
    check(arr[0]["entities"] == ref["entities"], "json: the array keeps input order")


def parse_conll(out):
    """[[(token, tag), ...] per sentence]; fails on a line that is not TOKEN<TAB>TAG."""
    sents, cur = [], []
    for line in out.decode().split("\n")[:-1]:
        if line == "":
            check(cur, "conll: no empty sentence (two blank lines in a row)")
            sents.append(cur)
            cur = []
            continue
        parts = line.split("\t")
        check(len(parts) == 2 and parts[0] and not re.search(r"\s", parts[0]),
              f"conll: line is not TOKEN<TAB>TAG: {line!r}")
        check(parts[1] == "O" or re.fullmatch(r"[BI]-(%s)" % "|".join(LABELS), parts[1]),
              f"conll: bad IOB2 tag {parts[1]!r}")
        cur.append((parts[0], parts[1]))
    if cur:
        sents.append(cur)
    return sents


def conll_spans(tokens):
    """Entities (label, token list) from IOB2 tags."""
    spans, prev = [], "O"
    for tok, tag in tokens:
        if tag.startswith("B-"):
            spans.append((tag[2:], [tok]))
        elif tag.startswith("I-"):
            check(prev != "O" and prev[2:] == tag[2:], f"conll: I- tag after {prev}: {tok} {tag}")
            spans[-1][1].append(tok)
        prev = tag
    return spans


def case_conll():
    ref = seed_doc()
    out, _ = run("tag", "--quiet", "--format", "conll", SEED)
    check(out.endswith(b"\n"), "conll: ends with a line break")
    sents = parse_conll(out)
    tokens = [t for s in sents for t in s]
    # nothing lost: the tokens are the text without its white space
    squeeze = lambda s: re.sub(r"\s+", "", s)
    check("".join(t for t, _ in tokens) == squeeze(ref["text"]), "conll: tokens cover the text")
    # the B-/I- runs are exactly the JSONL entities
    spans = conll_spans(tokens)
    check(len(spans) == len(ref["entities"]),
          f"conll: {len(spans)} tagged spans, {len(ref['entities'])} entities in jsonl")
    for (label, toks), e in zip(spans, ref["entities"]):
        check(label == e["label"], f"conll: label {label} for {e}")
        check("".join(toks) == squeeze(e["text"]), f"conll: tokens {toks} for entity {e['text']!r}")
    # sentences come from the result: as many groups as sentences holding a token
    check(1 < len(sents) <= len(ref["sentences"]), f"conll: {len(sents)} sentences, jsonl has {len(ref['sentences'])}")
    # punctuation at word edges is split off: "(12.06.18)" gives "(", "12.06.18", ")"
    toks = [t for t, _ in tokens]
    i = toks.index("12.06.18")
    check(toks[i - 1] == "(" and toks[i + 1] == ")", "conll: edge punctuation is a token")
    # several documents: -DOCSTART- before each
    out, _ = run("tag", "--quiet", "--format", "conll", SEED, os.path.join(DEV, "seed-000.txt"))
    check(out.decode().count("-DOCSTART-\tO\n") == 2, "conll: -DOCSTART- line per document")


def parse_ann(ann, text):
    """Check a .ann against its text; returns [(label, text, notes)] in order."""
    ents, notes = {}, {}
    order = []
    for line in ann.splitlines():
        if line.startswith("# "):
            continue
        if line.startswith("T"):
            tid, mid, etext = line.split("\t")
            label, frags = mid.split(" ", 1)
            pieces = []
            for frag in frags.split(";"):
                a, b = map(int, frag.split())
                pieces.append(text[a:b])
            check(" ".join(pieces) == etext, f"brat: offsets of {tid} read back {pieces!r}, not {etext!r}")
            ents[tid] = (label, etext)
            order.append(tid)
        elif line.startswith("#"):
            nid, what, note = line.split("\t")
            kind, tid = what.split(" ")
            check(kind == "AnnotatorNotes" and tid in ents, f"brat: note {line!r}")
            notes[tid] = dict(kv.split("=", 1) for kv in note.split(";"))
        else:
            raise Fail(f"brat: unexpected line {line!r}")
    return [(ents[t][0], ents[t][1], notes.get(t, {})) for t in order]


def check_brat_against(ents, ref):
    check(len(ents) == len(ref["entities"]), "brat: one T line per entity")
    for (label, etext, note), e in zip(ents, ref["entities"]):
        check(label == e["label"] and etext == e["text"], f"brat: {label} {etext!r} for {e}")
        check(note.get("id") == e.get("id") and note.get("value") == e.get("value"),
              f"brat: note {note} for {e}")


def case_brat():
    ref = seed_doc()
    out, _ = run("tag", "--quiet", "--format", "brat", SEED)
    # brat offsets count characters of the .txt
    text = seed_bytes().decode("utf-8")
    check_brat_against(parse_ann(out.decode(), text), ref)
    # several documents: a "# id" line opens each block, numbering restarts
    other = os.path.join(DEV, "seed-000.txt")
    out, _ = run("tag", "--quiet", "--format", "brat", SEED, other)
    blocks = out.decode().split("# ")[1:]
    check(len(blocks) == 2 and blocks[0].startswith(SEED + "\n") and blocks[1].startswith(other + "\n"),
          "brat: one '# id' block per document")
    check("\nT1\t" in blocks[1], "brat: T numbering restarts per document")
    # --out-dir: NAME.txt + NAME.ann pairs that brat can open
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = os.path.join(tmp, "ann")
        out, _ = run("tag", "--quiet", "--format", "brat", "--out-dir", out_dir, SEED, other)
        check(out == b"", "brat --out-dir: nothing on standard output")
        check(sorted(os.listdir(out_dir)) == ["seed-000.ann", "seed-000.txt", "seed-004.ann", "seed-004.txt"],
              f"brat --out-dir: files {os.listdir(out_dir)}")
        with open(os.path.join(out_dir, "seed-004.txt"), encoding="utf-8", newline="") as f:
            txt = f.read()
        with open(os.path.join(out_dir, "seed-004.ann"), encoding="utf-8") as f:
            check_brat_against(parse_ann(f.read(), txt), ref)


class EntParser(html.parser.HTMLParser):
    """Elements with class "ent": their attributes and text, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ents, self.depth, self.tags = [], 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "ent" in (a.get("class") or "").split():
            check(self.depth == 0, "html: entity elements are not nested")
            self.ents.append({"attrs": a, "text": ""})
            self.depth = 1
        elif self.depth:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.ents[-1]["text"] += data


def check_html_entities(page, ref):
    p = EntParser()
    p.feed(page)
    check(len(p.ents) == len(ref["entities"]), f"html: {len(p.ents)} entity elements, {len(ref['entities'])} entities")
    for got, e in zip(p.ents, ref["entities"]):
        a = got["attrs"]
        check(got["text"] == e["text"] and a.get("data-label") == e["label"], f"html: {got} for {e}")
        check(a.get("data-id") == e.get("id", "") and a.get("data-value") == e.get("value", ""),
              f"html: data-id/data-value of {got} for {e}")
        check(a.get("title", "").startswith(e["label"]) and (e.get("id", "") in a.get("title", "")),
              f"html: title of {got}")
    return p


def case_html():
    ref = seed_doc()
    out, _ = run("tag", "--quiet", "--format", "html", SEED)
    page = out.decode()
    check(page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>"), "html: one whole page")
    p = check_html_entities(page, ref)
    # self-contained: no script, stylesheet link, image or remote address
    check(not re.search(r"<(script|link|img|iframe)\b|https?://|\bsrc=", page, re.I), "html: self-contained")
    legend = [a.get("data-label") for t, a in p.tags if "swatch" in (a.get("class") or "")]
    check(legend == LABELS, f"html: a legend with every label: {legend}")
    for label in LABELS:
        check(re.search(r'\[data-label="%s"\] \{ background: #[0-9a-f]{6}; \}' % label, page),
              f"html: a colour for {label}")
    # escaping: markup in the text stays text
    nasty = b'<script>alert("x")</script> & l\'ANSSI <b>'
    out, _ = run("tag", "--quiet", "--format", "html", "-", stdin=nasty)
    check(b"<script>" not in out and b"<b>" not in out and b"&lt;script&gt;" in out and b"&amp;" in out,
          "html: text is escaped")
    # several documents: one page, one section each
    out, _ = run("tag", "--quiet", "--format", "html", SEED, os.path.join(DEV, "seed-000.txt"))
    check(out.count(b"<!DOCTYPE html>") == 1 and out.count(b'<section class="doc"') == 2,
          "html: several documents are sections of one page")


def case_text():
    ref = seed_doc()
    out, _ = run("tag", "--quiet", "--format", "text", SEED)
    marks = re.findall(r"\[([^\[\]]+)\]\(([A-Z_]+)[^)]*\)", out.decode())
    check([(t, l) for t, l in marks] == [(e["text"], e["label"]) for e in ref["entities"]],
          "text: one [text](LABEL...) mark per entity")
    check("[ANSSI](AGENCY:anssi)" in out.decode(), "text: [ANSSI](AGENCY:anssi)")


# ---- input, errors and exit statuses --------------------------------------------

def case_exit_status():
    run("tag", "--no-such-option", SEED, code=2)
    run("tag", "--format", "xml", SEED, code=2)
    run("tag", "--format", code=2)
    run("tag", "--jobs", "zero", SEED, code=2)
    run("tag", "--labels", "AGENCY,NOPE", SEED, code=2)
    run("tag", "--ref-date", "2024-13-40", SEED, code=2)
    run("tag", "--out-dir", "/tmp/x", SEED, code=2)
    run("lang", "--format", "html", SEED, code=2)
    run("frobnicate", code=2)
    run(code=2)
    run("dict", "frob", code=2)
    with tempfile.TemporaryDirectory() as tmp:
        missing = os.path.join(tmp, "missing.txt")
        # an unreadable file in a batch: reported, the good one still written, exit 1
        out, err = run("tag", "--quiet", missing, SEED, code=1)
        lines = out.decode().splitlines()
        check(len(lines) == 1 and json.loads(lines[0])["id"] == SEED, "batch: the good document is written")
        check(missing in err.decode() and "cannot read" in err.decode(), f"batch: error names the file: {err!r}")
        # a broken JSONL line: file:line and the byte offset, the others written
        bad = os.path.join(tmp, "docs.jsonl")
        with open(bad, "w") as f:
            f.write('{"id": "a", "text": "ANSSI"}\n{"id": "b", "text": "broken\n{"id": "c", "text": "Japon"}\n')
        out, err = run("tag", "--quiet", "--input-format", "jsonl", bad, code=1)
        check([json.loads(l)["id"] for l in out.decode().splitlines()] == ["a", "c"], "jsonl: good lines written")
        check(re.search(re.escape(bad) + r":2: byte \d+", err.decode()), f"jsonl: file:line: byte N: {err!r}")
        # invalid UTF-8 with --strict-utf8: the byte offset
        badutf = os.path.join(tmp, "bad.txt")
        with open(badutf, "wb") as f:
            f.write(b"ANSSI \xff Japon")
        out, err = run("tag", "--quiet", "--strict-utf8", badutf, SEED, code=1)
        check(len(out.decode().splitlines()) == 1, "strict-utf8: the good document is written")
        check(badutf in err.decode() and "byte 6" in err.decode(), f"strict-utf8: file and byte offset: {err!r}")


def case_folders():
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "b", "c"))
        for name, text in [("a.txt", "L'ANSSI et le Japon."), ("b/c/d.txt", "Seoul, 20 June 2024."),
                           ("b/x.md", "not read"), ("b/.hidden.txt", "not read")]:
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        out, _ = run("tag", "--quiet", tmp)
        ids = [json.loads(l)["id"] for l in out.decode().splitlines()]
        check(ids == [os.path.join(tmp, "a.txt"), os.path.join(tmp, "b/c/d.txt")],
              f"folders: *.txt recursively, in name order: {ids}")
        # standard input
        out, _ = run("tag", "--quiet", stdin="Le Japon et la France.".encode())
        check(json.loads(out)["entities"], "stdin: tagged")
        # --out-dir keeps the folder layout
        od = os.path.join(tmp, "out")
        run("tag", "--quiet", "--format", "brat", "--out-dir", od, tmp)
        for f in ["a.txt", "a.ann", "b/c/d.txt", "b/c/d.ann"]:
            check(os.path.isfile(os.path.join(od, f)), f"--out-dir: {f} written")


def case_jobs_order():
    # many documents of uneven length, so threads finish out of order
    with open(os.path.join(DEV, "gold.jsonl"), encoding="utf-8") as f:
        texts = [json.loads(l)["text"] for l in f if l.strip()]
    docs = [{"id": f"doc-{i:03d}", "text": texts[i % len(texts)][: 200 + (i * 997) % 4000]} for i in range(300)]
    docs[7]["id"] = 7  # a number id is kept as a number
    data = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode()
    one, _ = run("tag", "--quiet", "--input-format", "jsonl", "--jobs", "1", stdin=data)
    four, _ = run("tag", "--quiet", "--input-format", "jsonl", "--jobs", "4", stdin=data)
    check(one == four, "--jobs 4 writes the same bytes as --jobs 1")
    got = [json.loads(l)["id"] for l in four.decode().splitlines()]
    check(got == [d["id"] for d in docs], "--jobs 4: ids kept, in input order")


def case_lang():
    data = (json.dumps({"id": "fr1", "text": "La France et le Japon ont réaffirmé leur coopération."}) + "\n" +
            json.dumps({"id": "en1", "text": "The agency published its annual report on Monday."}) + "\n")
    out, _ = run("lang", "--input-format", "jsonl", "--format", "jsonl", stdin=data.encode())
    rows = [json.loads(l) for l in out.decode().splitlines()]
    check([sorted(r) for r in rows] == [["confidence", "id", "lang"]] * 2, f"lang: keys id, lang, confidence: {rows}")
    check([(r["id"], r["lang"]) for r in rows] == [("fr1", "fr"), ("en1", "en")], f"lang: {rows}")
    check(all(0 <= r["confidence"] <= 1 for r in rows), "lang: confidence in [0, 1]")
    out, _ = run("lang", SEED)
    check(out.decode() == f"{SEED}\tfr\t" + out.decode().split("\t")[2], f"lang text: FILE<TAB>LANG<TAB>CONF: {out}")


def case_help():
    for args in (["--help"], ["tag", "--help"], ["lang", "--help"], ["dict", "--help"],
                 ["dict", "check", "--help"], ["dict", "stats", "--help"]):
        out, _ = run(*args)
        check(out.startswith(b"usage: cyberner"), f"{' '.join(args)}: usage on standard output")
    out, _ = run("--version")
    check(out.decode().strip() == f"cyberner {VERSION}", f"--version: {out!r}")
    out, _ = run("dict", "stats")
    check(b"total" in out, "dict stats: counts")
    run("dict", "check")


def case_progress():
    """The bar shows on a terminal for more than a few documents; --quiet and pipes turn it off."""
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(12):
            shutil.copy(SEED, os.path.join(tmp, f"d{i:02d}.txt"))

        def stderr_on_tty(*extra):
            master, slave = pty.openpty()
            p = subprocess.run([CLI, "tag", *extra, tmp], stdout=subprocess.DEVNULL, stderr=slave, timeout=300)
            os.close(slave)
            chunks = []
            while True:
                try:
                    c = os.read(master, 65536)
                except OSError:
                    break
                if not c:
                    break
                chunks.append(c)
            os.close(master)
            check(p.returncode == 0, "progress: exit 0")
            return b"".join(chunks).decode(errors="replace")

        err = stderr_on_tty()
        for what in ("docs/s", "MB/s", "12/12 docs", "100%", "["):
            check(what in err, f"progress: {what!r} on a terminal: {err!r}")
        check(stderr_on_tty("--quiet") == "", "progress: --quiet turns it off")
        _, err = run("tag", tmp)
        check(err == b"", "progress: nothing when standard error is not a terminal")


def case_man_page():
    with open(MAN_PAGE, encoding="utf-8") as f:
        man = f.read()
    check(man.startswith(".TH CYBERNER 1") or "\n.TH CYBERNER 1" in man, "man: .TH CYBERNER 1")
    # every option of every --help is documented
    opts = set()
    for args in (["tag", "--help"], ["lang", "--help"]):
        out, _ = run(*args)
        opts |= set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]+", out.decode()))
    missing = [o for o in sorted(opts) if o.replace("-", r"\-") not in man]
    check(not missing, f"man: options not documented: {missing}")
    for word in ["jsonl", "json", "conll", "brat", "html", "text", "dict check", "dict stats", "EXIT STATUS",
                 "FILES", "EXAMPLES", "cyberner/dict"]:
        check(word in man, f"man: mentions {word!r}")
    groff = shutil.which("groff")
    if groff:
        p = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", MAN_PAGE], capture_output=True, timeout=60)
        check(p.returncode == 0 and not p.stderr.strip(), f"man: groff warnings: {p.stderr.decode()}")


def main():
    if not os.path.isfile(SEED):
        print(f"skip: {SEED} not found (the shared evaluation folder)")
        return 77
    fn = globals().get("case_" + CASE.replace("-", "_"))
    if not fn:
        print(f"no such case: {CASE}")
        return 2
    try:
        fn()
    except Fail as e:
        print(f"FAIL {CASE}: {e}")
        return 1
    print(f"ok {CASE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
