"""doc.to_dict() has the JSONL shape of ENTITIES.md; doc.to_displacy() spaCy's manual shape."""

import json
import subprocess

import pytest

import cyberner
from conftest import entity_keys

TEXT = "L'ANSSI et la Corée du Sud ont signé un accord à Séoul le 20 juin 2024."


def test_to_dict_shape(tagger):
    d = tagger(TEXT, id="doc-1").to_dict()
    assert d["id"] == "doc-1"
    assert d["lang"] == "fr"
    assert 0.0 <= d["lang_confidence"] <= 1.0
    assert d["text"] == TEXT
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    data = TEXT.encode("utf-8")
    labels = set()
    for e in d["entities"]:
        assert {"start", "end", "label", "text"} <= set(e)
        assert set(e) <= {"start", "end", "label", "text", "id", "value", "score", "source", "lang"}
        assert data[e["start"]:e["end"]].decode("utf-8") == e["text"]  # byte offsets
        assert e["label"] in cyberner.LABELS
        assert e.get("id", "x") is not None and e.get("value", "x") is not None  # absent, never null
        labels.add(e["label"])
    assert {"AGENCY", "COUNTRY", "LOCATION", "DATE"} <= labels
    date = [e for e in d["entities"] if e["label"] == "DATE"][0]
    assert date["value"] == "2024-06-20" and "id" not in date
    for s in d["sentences"]:
        assert set(s) == {"start", "end", "lang"}


def test_to_dict_without_id(tagger):
    assert "id" not in tagger("ANSSI").to_dict()


def test_labels_filter_and_min_score():
    with cyberner.Tagger(labels=["COUNTRY", "LOCATION"]) as t:
        assert {e.label for e in t(TEXT).ents} == {"COUNTRY", "LOCATION"}
    with cyberner.Tagger(labels="DATE") as t:
        assert [e.label for e in t(TEXT).ents] == ["DATE"]
    text = TEXT + " Le ministre arrive lundi."
    with cyberner.Tagger() as t:
        scores = [e.score for e in t(text).ents]
    assert min(scores) < 1.0
    with cyberner.Tagger(min_score=1.0) as t:
        kept = [e.score for e in t(text).ents]
    assert kept == [s for s in scores if s >= 1.0]
    with pytest.raises(cyberner.CyberNERError):
        cyberner.Tagger(min_score=1.5)


def test_forced_lang_and_ref_date():
    with cyberner.Tagger(lang="en", ref_date="2024-06-20") as t:
        doc = t("L'ANSSI se réunit lundi.")
    assert {s.lang for s in doc.sentences} == {"en"}


def test_to_displacy_shape(tagger):
    text = "🙂 " + TEXT
    doc = tagger(text)
    v = doc.to_displacy()
    assert set(v) == {"text", "ents", "title"}
    assert v["title"] is None and v["text"] == text
    assert len(v["ents"]) == len(doc.ents) > 0
    for shown, e in zip(v["ents"], doc.ents):
        assert set(shown) == {"start", "end", "label"}
        assert text[shown["start"]:shown["end"]] == e.text  # character offsets
        assert shown["label"] == e.label
    assert doc.to_displacy(title="t")["title"] == "t"


def test_same_entities_as_cli(tagger, seeds, cli):
    out = subprocess.run([cli, "tag", "--quiet"] + [p for p, _ in seeds],
                         check=True, capture_output=True, text=True).stdout
    by_id = {d["id"]: d for d in map(json.loads, out.splitlines())}
    assert len(by_id) == len(seeds)
    for path, text in seeds:
        ours = tagger(text, id=path).to_dict()
        theirs = by_id[path]
        assert ours["lang"] == theirs["lang"]
        assert entity_keys(ours["entities"]) == entity_keys(theirs["entities"]), path
        assert [(s["start"], s["end"]) for s in ours["sentences"]] == \
               [(s["start"], s["end"]) for s in theirs["sentences"]]


def test_detect_language():
    fr = cyberner.detect_language("Le ministère de l'Intérieur et l'agence nationale coopèrent depuis longtemps.")
    en = cyberner.detect_language("The Ministry of the Interior and the national agency have long worked together.")
    assert fr.lang == "fr" and en.lang == "en"
    assert 0.0 < fr.confidence <= 1.0


def test_check_builtin_dict():
    report = cyberner.check_dict()
    assert report.ok, report.errors
    assert report.entry_counts["COUNTRY"] > 100


def test_versions():
    assert cyberner.library_version().split(".")[0] == str(cyberner.EXPECTED_MAJOR)
