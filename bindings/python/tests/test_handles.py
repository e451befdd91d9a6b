"""Every handle is freed exactly once by its owner; many create/free cycles do not crash or leak."""

import gc
import os

import pytest

import cyberner
from cyberner import _lib

FREES = ["cyberner_model_free", "cyberner_result_free", "cyberner_options_free",
         "cyberner_error_free", "cyberner_dict_report_free"]


@pytest.fixture
def counts(monkeypatch):
    """Count the calls of each *_free function (the real one still runs)."""
    c = _lib.lib()
    calls = {name: 0 for name in FREES}
    for name in FREES:
        real = getattr(c, name)

        def counted(ptr, real=real, name=name):
            calls[name] += 1
            return real(ptr)
        monkeypatch.setattr(c, name, counted)
    return calls


def test_model_freed_by_close_with_and_del(counts):
    t = cyberner.Tagger()
    t.close()
    t.close()  # twice is fine
    assert counts["cyberner_model_free"] == 1
    with cyberner.Tagger() as t:
        t("ANSSI")
    assert counts["cyberner_model_free"] == 2
    t = cyberner.Tagger()
    del t
    gc.collect()
    assert counts["cyberner_model_free"] == 3


def test_results_options_errors_reports_freed(counts, tagger):
    for text in ["L'ANSSI à Séoul.", "", "The NSA."]:
        tagger(text)
    assert counts["cyberner_result_free"] == 3
    assert counts["cyberner_options_free"] == 3
    with pytest.raises(cyberner.CyberNERError):
        cyberner.Tagger(dict_dir="/nonexistent-cyberner-dict")
    assert counts["cyberner_error_free"] == 1
    cyberner.check_dict()
    assert counts["cyberner_dict_report_free"] == 1


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_many_cycles_do_not_crash_or_leak():
    text = "Réunion à Séoul 🙂 entre l'ANSSI et la Corée du Sud le 20 juin 2024."
    for _ in range(10):  # warm up the allocator
        with cyberner.Tagger() as t:
            t(text)
    before = rss_mb()
    for i in range(40):
        t = cyberner.Tagger()
        for _ in range(20):
            assert t(text).ents
        if i % 2:
            t.close()
        del t
        cyberner.check_dict()
        with pytest.raises(cyberner.CyberNERError):
            cyberner.Tagger(dict_dir="/nonexistent-cyberner-dict")
    gc.collect()
    growth = rss_mb() - before
    # a model is about 16 MB: 40 leaked models would be hundreds of MB
    assert growth < 120, "resident memory grew by %.0f MB over 40 models" % growth
