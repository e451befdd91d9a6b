#!/usr/bin/env python3
"""The HTML view of a seed document rendered in headless Chromium.

usage: test_html_browser.py CLI SHARED_DIR OUT_DIR

Checks, in the DOM Chromium built, that every entity of the JSONL output is
a highlighted element carrying its label (a small script added to a copy of
the page records each element's computed background), and saves a
screenshot as OUT_DIR/seed-004.png. Exit 77 (skip) when Chromium or the
shared folder is missing.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

CLI, SHARED, OUT_DIR = sys.argv[1:4]
SEED = os.path.join(SHARED, "eval", "dev", "seed-004.txt")

# Copy of the page only: the tool's output itself has no script.
PROBE = """<script>
document.querySelectorAll('.ent, .swatch').forEach(function (el) {
  var s = getComputedStyle(el);
  el.setAttribute('data-bg', s.backgroundColor);
  el.setAttribute('data-shown', String(el.getClientRects().length > 0 && s.visibility !== 'hidden'));
  el.setAttribute('data-text', el.textContent);
});
document.body.setAttribute('data-probed', 'yes');
</script>
"""


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser(exe, profile, *args):
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--user-data-dir=" + profile, *args]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180)
    if p.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {p.returncode}\n{p.stderr.decode(errors='replace')[-2000:]}")
    return p.stdout.decode("utf-8")


class Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ents, self.swatches, self.body = [], [], {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "body":
            self.body = a
        if "ent" in classes:
            self.ents.append(dict(a, tag=tag))
        if "swatch" in classes:
            self.swatches.append(a)


def main():
    if not os.path.isfile(SEED):
        print(f"skip: {SEED} not found (the shared evaluation folder)")
        return 77
    exe = chromium()
    if not exe:
        print("skip: Chromium is not installed (Debian: apt-get install chromium)")
        return 77
    ref = json.loads(subprocess.run([CLI, "tag", "--quiet", SEED], check=True, stdout=subprocess.PIPE).stdout)
    page = subprocess.run([CLI, "tag", "--quiet", "--format", "html", SEED], check=True,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")
    os.makedirs(OUT_DIR, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        view = os.path.join(OUT_DIR, "seed-004.html")
        with open(view, "w", encoding="utf-8") as f:
            f.write(page)
        probe = os.path.join(tmp, "probe.html")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(page.replace("</body>", PROBE + "</body>"))
        dom = browser(exe, os.path.join(tmp, "profile1"), "--dump-dom", "file://" + probe)
        shot = os.path.join(OUT_DIR, "seed-004.png")
        if os.path.exists(shot):
            os.remove(shot)
        browser(exe, os.path.join(tmp, "profile2"), "--screenshot=" + shot, "--window-size=1200,1600",
                "--hide-scrollbars", "file://" + view)

    p = Elements()
    p.feed(dom)
    fails = []
    if p.body.get("data-probed") != "yes":
        fails.append("the probe script did not run")
    ents = ref["entities"]
    if len(p.ents) != len(ents):
        fails.append(f"{len(p.ents)} entity elements in the DOM, {len(ents)} entities in the JSONL output")
    colour = {}
    for el, e in zip(p.ents, ents):
        what = f"entity {e['text']!r} ({e['label']} {e['start']}-{e['end']})"
        if el.get("data-label") != e["label"] or el.get("data-text") != e["text"]:
            fails.append(f"{what}: element is {el.get('data-label')} {el.get('data-text')!r}")
        if el.get("data-id") != e.get("id", "") or el.get("data-value") != e.get("value", ""):
            fails.append(f"{what}: data-id/data-value {el.get('data-id')!r} {el.get('data-value')!r}")
        if not el.get("title", "").startswith(e["label"]):
            fails.append(f"{what}: no hover title with the label")
        bg = el.get("data-bg", "")
        if el.get("data-shown") != "true" or bg in ("", "transparent", "rgba(0, 0, 0, 0)"):
            fails.append(f"{what}: not highlighted (background {bg!r}, shown {el.get('data-shown')})")
        colour.setdefault(e["label"], set()).add(bg)
    for label, bgs in colour.items():
        if len(bgs) != 1:
            fails.append(f"{label}: several colours {bgs}")
    all_colours = [next(iter(b)) for b in colour.values()]
    if len(set(all_colours)) != len(all_colours):
        fails.append(f"two labels share a colour: {colour}")
    legend = {s.get("data-label"): s.get("data-bg") for s in p.swatches}
    for label, bgs in colour.items():
        if legend.get(label) not in bgs:
            fails.append(f"legend colour of {label} {legend.get(label)} differs from its entities {bgs}")
    if not os.path.isfile(shot) or os.path.getsize(shot) < 10000:
        fails.append(f"no screenshot at {shot}")
    with open(shot, "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            fails.append(f"{shot} is not a PNG")
    if fails:
        print("FAIL:\n  " + "\n  ".join(fails))
        return 1
    print(f"ok: {len(ents)} entities highlighted in {len(colour)} colours; screenshot {shot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
