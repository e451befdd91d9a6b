"""Tagger, Doc, Entity and the module-level helpers, over the ctypes layer in _lib."""

import ctypes
import datetime
import itertools
import os
import threading
from collections import deque, namedtuple
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ._lib import CyberNERError, ErrorP, check, lib, take_error

# The labels of cyberner.h, in enum order (CYBERNER_COUNTRY = 0, ...).
LABELS = ("COUNTRY", "LOCATION", "NATIONALITY", "AGENCY", "ORGANIZATION",
          "PERSON", "DATE", "EVENT", "THREAT_ACTOR", "VULNERABILITY")

Language = namedtuple("Language", "lang confidence")


def _s(raw):
    """A borrowed C string, already copied into bytes by ctypes, as str (None stays None)."""
    return None if raw is None else raw.decode("utf-8", "surrogateescape")


def _lang_name(code):
    return _s(lib().cyberner_lang_name(code)) or "und"


# ---- Text in: bytes for C, str for Python, and the byte -> character map ----------

# Byte -> 1 when it starts a UTF-8 character, 0 for a continuation byte (10xxxxxx).
_STARTS = bytes(0 if 0x80 <= b < 0xC0 else 1 for b in range(256))
# Surrogate escapes (one invalid byte each) shown as U+FFFD.
_ESCAPES_TO_FFFD = {0xDC80 + i: "\ufffd" for i in range(128)}


def _utf8_len(ch):
    o = ord(ch)
    if o < 0x80 or 0xDC80 <= o <= 0xDCFF:  # ASCII, or one invalid byte
        return 1
    return 2 if o < 0x800 else 3 if o < 0x10000 else 4


def _prepare(text):
    """Return (utf-8 bytes, str, char_of) where char_of[b] is the str index of byte b.

    char_of is None when the two are the same (ASCII). Invalid UTF-8 in bytes input
    becomes one U+FFFD character per invalid byte, as the library reads it.
    """
    if isinstance(text, str):
        try:
            data, clean = text.encode("utf-8"), True
        except UnicodeEncodeError:
            data, clean = text.encode("utf-8", "surrogateescape"), False
    elif isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        try:
            text, clean = data.decode("utf-8"), True
        except UnicodeDecodeError:
            text, clean = data.decode("utf-8", "surrogateescape"), False
    else:
        raise TypeError("text must be str or bytes, not %s" % type(text).__name__)

    if clean and len(data) == len(text):
        return data, text, None  # ASCII
    if clean:
        # Valid UTF-8: the character index of byte b is the number of characters
        # that start before it. accumulate runs in C: fast even for long texts.
        char_of = list(itertools.accumulate(data.translate(_STARTS), initial=0))
    else:
        char_of = []
        for i, ch in enumerate(text):
            char_of.extend([i] * _utf8_len(ch))
        char_of.append(len(text))
        text = text.translate(_ESCAPES_TO_FFFD)
    return data, text, char_of


# ---- Results ----------------------------------------------------------------------

@dataclass(frozen=True)
class Entity:
    start: int        # str index in doc.text
    end: int          # str index, exclusive
    start_byte: int   # UTF-8 byte offset in the input
    end_byte: int
    label: str
    text: str
    id: str = None
    value: str = None
    score: float = 0.0
    source: str = None
    lang: str = "und"

    def to_dict(self):
        """The entity in the JSONL shape of ENTITIES.md (byte offsets)."""
        d = {"start": self.start_byte, "end": self.end_byte, "label": self.label, "text": self.text}
        if self.id is not None:
            d["id"] = self.id
        if self.value is not None:
            d["value"] = self.value
        d.update(score=self.score, source=self.source, lang=self.lang)
        return d


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    start_byte: int
    end_byte: int
    lang: str
    text: str


@dataclass
class Doc:
    text: str
    lang: str
    lang_confidence: float
    ents: list
    sentences: list
    id: object = None
    invalid_bytes: int = 0

    def __iter__(self):
        return iter(self.ents)

    def __len__(self):
        return len(self.ents)

    def to_dict(self):
        """One line of the JSONL shape of ENTITIES.md (offsets are UTF-8 bytes)."""
        d = {} if self.id is None else {"id": self.id}
        d.update(lang=self.lang, lang_confidence=self.lang_confidence, text=self.text,
                 entities=[e.to_dict() for e in self.ents],
                 sentences=[{"start": s.start_byte, "end": s.end_byte, "lang": s.lang}
                            for s in self.sentences])
        return d

    def to_displacy(self, title=None):
        """spaCy displaCy "manual" input: character offsets into text."""
        return {"text": self.text,
                "ents": [{"start": e.start, "end": e.end, "label": e.label} for e in self.ents],
                "title": title}


def _read_result(res, text, char_of, doc_id):
    """Copy everything out of a cyberner_result (the caller frees it)."""
    c = lib()

    def char(b):
        return b if char_of is None else char_of[b]

    ents = []
    for i in range(c.cyberner_result_count(res)):
        sb, eb = c.cyberner_entity_start(res, i), c.cyberner_entity_end(res, i)
        s, e = char(sb), char(eb)
        ents.append(Entity(
            start=s, end=e, start_byte=sb, end_byte=eb,
            label=_s(c.cyberner_label_name(c.cyberner_entity_label(res, i))),
            text=text[s:e],
            id=_s(c.cyberner_entity_id(res, i)),
            value=_s(c.cyberner_entity_value(res, i)),
            score=c.cyberner_entity_score(res, i),
            source=_s(c.cyberner_entity_source(res, i)),
            lang=_lang_name(c.cyberner_entity_lang(res, i))))
    sentences = []
    for i in range(c.cyberner_result_sentence_count(res)):
        sb, eb = c.cyberner_sentence_start(res, i), c.cyberner_sentence_end(res, i)
        s, e = char(sb), char(eb)
        sentences.append(Sentence(s, e, sb, eb, _lang_name(c.cyberner_sentence_lang(res, i)), text[s:e]))
    return Doc(text=text,
               lang=_lang_name(c.cyberner_result_lang(res)),
               lang_confidence=c.cyberner_result_lang_confidence(res),
               ents=ents, sentences=sentences, id=doc_id,
               invalid_bytes=c.cyberner_result_invalid_bytes(res))


# ---- Options ------------------------------------------------------------------------

def _parse_ref_date(ref_date):
    if ref_date is None:
        return (0, 0, 0)
    if isinstance(ref_date, datetime.date):
        return (ref_date.year, ref_date.month, ref_date.day)
    if isinstance(ref_date, str):
        try:
            y, m, d = (int(x) for x in ref_date.split("-"))
        except ValueError:
            raise ValueError("ref_date must be YYYY-MM-DD, not %r" % ref_date) from None
        return (y, m, d)
    y, m, d = ref_date  # a (year, month, day) tuple
    return (int(y), int(m), int(d))


def _labels_mask(labels):
    if labels is None:
        return 0
    if isinstance(labels, str):
        labels = [x for x in labels.split(",") if x.strip()]
    mask = 0
    for name in labels:
        code = name if isinstance(name, int) else lib().cyberner_label_from_name(name.strip().encode())
        if not 0 <= code < len(LABELS):
            raise ValueError("unknown label %r (labels: %s)" % (name, ", ".join(LABELS)))
        mask |= 1 << code
    if mask == 0:
        raise ValueError("labels is empty: give at least one label, or None for all")
    return mask


class _CallOptions:
    """A cyberner_options for one call: options belong to one thread at a time."""

    def __init__(self, lang, ref_date, labels_mask, min_score, strict_utf8):
        c = lib()
        self.ptr = c.cyberner_options_new()
        if not self.ptr:
            raise MemoryError("cyberner_options_new")
        try:
            check(c.cyberner_options_set_lang(self.ptr, lang), "lang")
            check(c.cyberner_options_set_ref_date(self.ptr, *ref_date), "ref_date %04d-%02d-%02d" % ref_date)
            check(c.cyberner_options_set_labels(self.ptr, labels_mask), "labels")
            check(c.cyberner_options_set_min_score(self.ptr, min_score), "min_score %r" % min_score)
            check(c.cyberner_options_set_strict_utf8(self.ptr, 1 if strict_utf8 else 0), "strict_utf8")
        except BaseException:
            self.close()
            raise

    def close(self):
        if self.ptr:
            lib().cyberner_options_free(self.ptr)
            self.ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# ---- Tagger -------------------------------------------------------------------------

class Tagger:
    """A compiled model plus tagging options.

    dict_dir:   a dictionary folder instead of the built-in one (None: built-in)
    extra_dict: a folder loaded on top (its entries replace same label + id)
    lang:       "auto", "fr" or "en" (forces every sentence)
    ref_date:   date, "YYYY-MM-DD" or (y, m, d), to resolve "lundi", "août dernier"
    labels:     label names to keep (list or "A,B"), None for all
    min_score:  drop entities scored below this (0 to 1)
    strict_utf8: raise on invalid UTF-8 in bytes input instead of replacing it

    The model is shared by every thread that calls the tagger; free it with
    close(), a `with` block, or by dropping the last reference.
    """

    def __init__(self, dict_dir=None, extra_dict=None, lang="auto", ref_date=None, labels=None,
                 min_score=0.0, strict_utf8=False):
        self._model = None
        c = lib()
        if lang not in ("auto", "fr", "en"):
            raise ValueError("lang must be 'auto', 'fr' or 'en', not %r" % (lang,))
        self.lang = lang
        self.ref_date = _parse_ref_date(ref_date)
        self.labels_mask = _labels_mask(labels)
        self.min_score = float(min_score)
        self.strict_utf8 = bool(strict_utf8)
        self._lang_code = c.cyberner_lang_from_name(lang.encode())
        with self._options():  # check the options once, now
            pass

        err = ErrorP()
        model = c.cyberner_model_new(_path(dict_dir), _path(extra_dict), ctypes.byref(err))
        if not model:
            raise take_error(err)
        self._model = model
        self.warnings = [_s(c.cyberner_model_warning(model, i))
                         for i in range(c.cyberner_model_warning_count(model))]
        self.entry_counts = {name: c.cyberner_model_entry_count(model, i) for i, name in enumerate(LABELS)}
        self.compile_ms = c.cyberner_model_compile_ms(model)

    def _options(self):
        return _CallOptions(self._lang_code, self.ref_date, self.labels_mask, self.min_score, self.strict_utf8)

    def _live_model(self):
        if not self._model:
            raise ValueError("this Tagger is closed")
        return self._model

    def __call__(self, text, id=None):
        """Tag one text (str, or UTF-8 bytes) and return a Doc."""
        model = self._live_model()
        data, text, char_of = _prepare(text)
        c = lib()
        err = ErrorP()
        with self._options() as opts:
            res = c.cyberner_tag(model, data, len(data), opts.ptr, ctypes.byref(err))
        if not res:
            raise take_error(err)
        try:
            return _read_result(res, text, char_of, id)
        finally:
            c.cyberner_result_free(res)

    tag = __call__

    def pipe(self, texts, n_threads=4):
        """Tag each text of an iterable on n_threads threads; yield Docs in input order.

        The C call releases the GIL, so the threads really tag at the same time.
        At most a few texts per thread are read ahead of what has been yielded.
        """
        self._live_model()
        if n_threads <= 1:
            for text in texts:
                yield self(text)
            return
        with ThreadPoolExecutor(max_workers=n_threads, thread_name_prefix="cyberner") as pool:
            pending = deque()
            for text in texts:
                pending.append(pool.submit(self, text))
                if len(pending) >= 4 * n_threads:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def detect_language(self, text):
        """Language(lang, confidence) of a text, without tagging it."""
        model = self._live_model()
        data, _, _ = _prepare(text)
        confidence = ctypes.c_double(0.0)
        code = lib().cyberner_detect_language(model, data, len(data), ctypes.byref(confidence))
        return Language(_lang_name(code), confidence.value)

    def close(self):
        """Free the model. Further calls raise ValueError. Safe to call twice."""
        model, self._model = self._model, None
        if model:
            lib().cyberner_model_free(model)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone already
            pass

    def __repr__(self):
        state = "closed" if not self._model else "%d entries" % sum(self.entry_counts.values())
        return "<cyberner.Tagger lang=%s %s>" % (self.lang, state)


def _path(p):
    return None if p is None else os.fsencode(p)


# ---- Module-level helpers -------------------------------------------------------------

_default = None
_default_lock = threading.Lock()


def _default_tagger():
    global _default
    with _default_lock:
        if _default is None:
            _default = Tagger()
        return _default


def detect_language(text):
    """Language(lang, confidence) of a text, with the built-in model."""
    return _default_tagger().detect_language(text)


@dataclass(frozen=True)
class DictProblem:
    is_error: bool
    message: str  # "file:line: message"


@dataclass
class DictReport:
    problems: list = field(default_factory=list)
    error_count: int = 0
    entry_counts: dict = field(default_factory=dict)

    @property
    def ok(self):
        return self.error_count == 0

    @property
    def errors(self):
        return [p.message for p in self.problems if p.is_error]

    @property
    def warnings(self):
        return [p.message for p in self.problems if not p.is_error]


def check_dict(dict_dir=None):
    """Validate a dictionary folder (None: the built-in one) and report every problem.

    Raises CyberNERError only when the folder cannot be read at all.
    """
    c = lib()
    err = ErrorP()
    report = c.cyberner_dict_check(_path(dict_dir), ctypes.byref(err))
    if not report:
        raise take_error(err)
    try:
        return DictReport(
            problems=[DictProblem(bool(c.cyberner_dict_report_is_error(report, i)),
                                  _s(c.cyberner_dict_report_message(report, i)))
                      for i in range(c.cyberner_dict_report_count(report))],
            error_count=c.cyberner_dict_report_error_count(report),
            entry_counts={name: c.cyberner_dict_report_entry_count(report, i)
                          for i, name in enumerate(LABELS)})
    finally:
        c.cyberner_dict_report_free(report)


def library_version():
    """Version string of the libcyberner that is loaded."""
    return lib().cyberner_version_string


def library_path():
    """Path (or name) the loaded libcyberner came from."""
    return lib().cyberner_path


__all__ = ["CyberNERError", "Tagger", "Doc", "Entity", "Sentence", "Language", "DictReport",
           "DictProblem", "LABELS", "detect_language", "check_dict", "library_version", "library_path"]
