"""Byte offsets from C become correct Python str indices, including non-ASCII text."""

import pytest

import cyberner


def check_offsets(doc, data):
    for e in doc.ents:
        assert doc.text[e.start:e.end] == e.text
        assert data[e.start_byte:e.end_byte].decode("utf-8") == e.text
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text


def find(doc, text):
    matches = [e for e in doc.ents if e.text == text]
    assert matches, "no entity %r in %r" % (text, [(e.text, e.label) for e in doc.ents])
    return matches[0]


def test_seoul(tagger):
    text = "Le ministre s'est rendu à Séoul pour rencontrer l'ANSSI."
    doc = tagger(text)
    seoul = find(doc, "Séoul")
    assert seoul.label == "LOCATION"
    assert (seoul.start, seoul.end) == (text.index("Séoul"), text.index("Séoul") + 5)
    assert seoul.start_byte == len(text[:seoul.start].encode("utf-8"))
    assert seoul.end_byte - seoul.start_byte == len("Séoul".encode("utf-8")) == 6
    anssi = find(doc, "ANSSI")
    assert anssi.start == text.index("ANSSI")
    assert anssi.start_byte == anssi.start + 2  # é and à are two bytes each
    check_offsets(doc, text.encode())


def test_emoji_before_entity(tagger):
    text = "🚨🇫🇷 Alerte : l'ANSSI et le CERT-FR publient un avis sur CVE-2021-44228."
    doc = tagger(text)
    for name in ("ANSSI", "CVE-2021-44228"):
        e = find(doc, name)
        assert e.start == text.index(name)
        assert e.start_byte == len(text[:e.start].encode("utf-8"))
    # 🚨 and each regional indicator are 4 bytes but 1 str character
    assert find(doc, "ANSSI").start_byte - find(doc, "ANSSI").start == 3 * 3
    check_offsets(doc, text.encode())


def test_bytes_input_same_as_str(tagger):
    text = "Réunion à Séoul 🙂 avec la Corée du Sud et le Japon, le 20 juin 2024."
    a, b = tagger(text), tagger(text.encode("utf-8"))
    assert a.text == b.text
    assert a.ents == b.ents
    assert a.to_dict() == b.to_dict()


def test_ascii_offsets_are_identity(tagger):
    doc = tagger("The ANSSI met JPCERT/CC in Tokyo on 28 January 2016.")
    assert doc.ents
    for e in doc.ents:
        assert (e.start, e.end) == (e.start_byte, e.end_byte)


def test_seed_documents(tagger, seeds):
    for _, text in seeds:
        doc = tagger(text)
        assert doc.ents
        check_offsets(doc, text.encode())


def test_invalid_utf8_bytes(tagger):
    data = b"\xff\xfe Visite \xe9 S\xc3\xa9oul de l'ANSSI \xc3 et du CERT-FR."
    doc = tagger(data)
    assert doc.invalid_bytes == 4
    assert doc.text.count("\ufffd") == 4  # one replacement character per invalid byte
    assert "Séoul" in doc.text
    for e in doc.ents:
        assert doc.text[e.start:e.end] == e.text
        assert data[e.start_byte:e.end_byte].decode("utf-8") == e.text
    assert find(doc, "ANSSI").start == doc.text.index("ANSSI")


def test_strict_utf8_raises_with_offset():
    with cyberner.Tagger(strict_utf8=True) as t:
        with pytest.raises(cyberner.CyberNERError) as info:
            t(b"ANSSI \xff")
    assert info.value.name == "EUTF8"
    assert info.value.offset == 6


def test_nul_bytes_do_not_end_the_text(tagger):
    doc = tagger("abc\x00 L'ANSSI et la Corée du Sud.")
    assert [e.text for e in doc.ents][:1] == ["ANSSI"]
    assert find(doc, "Corée du Sud").start == doc.text.index("Corée")


def test_empty_text(tagger):
    doc = tagger("")
    assert doc.ents == [] and doc.text == ""
    assert doc.lang == "und"
