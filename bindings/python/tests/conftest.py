"""Shared fixtures. The library comes from $CYBERNER_LIBRARY (set by meson test)."""

import glob
import os

import pytest

import cyberner

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_DIR = os.path.dirname(HERE)  # bindings/python
REPO = os.path.dirname(os.path.dirname(PACKAGE_DIR))


def shared_dir():
    return os.environ.get("CYBERNER_SHARED_DIR") or os.path.join(os.path.dirname(REPO), "shared")


def seed_paths():
    return sorted(glob.glob(os.path.join(shared_dir(), "eval", "dev", "seed-*.txt")))


@pytest.fixture(scope="session")
def tagger():
    with cyberner.Tagger() as t:
        yield t


@pytest.fixture(scope="session")
def seeds():
    """[(path, text)] of the dev seed documents."""
    paths = seed_paths()
    if not paths:
        pytest.skip("no seed documents in %s/eval/dev (set CYBERNER_SHARED_DIR)" % shared_dir())
    result = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            result.append((p, f.read()))
    return result


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("CYBERNER_CLI")
    if not path or not os.access(path, os.X_OK):
        pytest.skip("CYBERNER_CLI is not set to the built cyberner program")
    return path


def entity_keys(entities):
    """Comparable view of JSONL entities (byte offsets)."""
    return [(e["start"], e["end"], e["label"], e["text"], e.get("id"), e.get("value")) for e in entities]
