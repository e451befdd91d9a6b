"""Errors carry code, message, file, line and offset; a missing library says where it looked."""

import ctypes.util
import os
import subprocess
import sys

import pytest

import cyberner
from cyberner import _lib

from conftest import PACKAGE_DIR, REPO

BAD_TSV = "# id\tlabel\tname\nanssi\tAGENCY\tANSSI\nfoo\tAGENCYY\tFoo Agency\n"


@pytest.fixture
def bad_dict(tmp_path):
    with open(os.path.join(REPO, "dict", "VERSION")) as f:
        (tmp_path / "VERSION").write_text(f.read())
    (tmp_path / "agencies.tsv").write_text(BAD_TSV)
    return tmp_path


def test_bad_dict_folder_names_file_and_line(bad_dict):
    with pytest.raises(cyberner.CyberNERError) as info:
        cyberner.Tagger(dict_dir=bad_dict)
    err = info.value
    assert err.name == "EDICT" and err.code == -4
    assert err.file.endswith("agencies.tsv")
    assert err.line == 3
    assert err.offset is None
    assert "agencies.tsv:3:" in str(err) and "AGENCYY" in err.message


def test_bad_extra_dict_folder(bad_dict):
    with pytest.raises(cyberner.CyberNERError) as info:
        cyberner.Tagger(extra_dict=bad_dict)
    assert (os.path.basename(info.value.file), info.value.line) == ("agencies.tsv", 3)


def test_missing_dict_folder(tmp_path):
    with pytest.raises(cyberner.CyberNERError) as info:
        cyberner.Tagger(dict_dir=tmp_path / "nowhere")
    assert info.value.code < 0 and info.value.name != "OK"
    with pytest.raises(cyberner.CyberNERError):
        cyberner.check_dict(tmp_path / "nowhere")


def test_check_dict_reports_every_problem(bad_dict):
    with open(bad_dict / "agencies.tsv", "a") as f:
        f.write("bar\tNOTALABEL\tBar\n")
    report = cyberner.check_dict(bad_dict)
    assert not report.ok and report.error_count == 2
    assert any("agencies.tsv:3:" in m for m in report.errors)
    assert any("agencies.tsv:4:" in m for m in report.errors)


def test_bad_arguments():
    with pytest.raises(ValueError):
        cyberner.Tagger(lang="de")
    with pytest.raises(ValueError):
        cyberner.Tagger(labels=["AGENCYY"])
    with pytest.raises(ValueError):
        cyberner.Tagger(ref_date="June 2024")
    with pytest.raises(cyberner.CyberNERError) as info:
        cyberner.Tagger(ref_date="2023-02-30")
    assert info.value.name == "EINVAL"
    with pytest.raises(TypeError):
        cyberner.Tagger()(42)


def test_closed_tagger():
    t = cyberner.Tagger()
    t.close()
    with pytest.raises(ValueError):
        t("ANSSI")


def test_missing_library_lists_every_place(monkeypatch):
    monkeypatch.setenv("CYBERNER_LIBRARY", "/nonexistent/libcyberner.so")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    with pytest.raises(cyberner.LibraryNotFoundError) as info:
        _lib.load()
    message = str(info.value)
    assert "$CYBERNER_LIBRARY: /nonexistent/libcyberner.so" in message
    assert "next to the package" in message and os.path.dirname(_lib.__file__) in message
    assert "find_library('cyberner')" in message


def test_missing_library_at_first_use():
    """In a fresh interpreter: the error comes on first use, with the places tried."""
    code = ("import ctypes.util; ctypes.util.find_library = lambda name: None\n"
            "import cyberner\n"
            "cyberner.Tagger()\n")
    env = dict(os.environ, CYBERNER_LIBRARY="/nonexistent/libcyberner.so", PYTHONPATH=PACKAGE_DIR)
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert proc.returncode != 0
    assert "LibraryNotFoundError" in proc.stderr
    assert "/nonexistent/libcyberner.so" in proc.stderr


def test_not_libcyberner():
    libm = ctypes.util.find_library("m") or "libm.so.6"
    with pytest.raises(cyberner.LibraryNotFoundError) as info:
        _lib.load([("test", libm)])
    assert "cyberner_" in str(info.value)  # the missing symbol


def test_major_version_is_checked(monkeypatch):
    path = cyberner.library_path()
    monkeypatch.setattr(_lib, "EXPECTED_MAJOR", 99)
    with pytest.raises(cyberner.LibraryNotFoundError) as info:
        _lib.load([("test", path)])
    assert "major version 99" in str(info.value)
