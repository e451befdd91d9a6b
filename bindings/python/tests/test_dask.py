"""examples/dask_tag.py on a local cluster of two workers gives the CLI's entities."""

import glob
import json
import os
import subprocess
import sys

import pytest

from conftest import PACKAGE_DIR, entity_keys

distributed = pytest.importorskip(
    "distributed", reason="Dask's distributed scheduler is not installed (Debian: python3-distributed)")


def test_dask_matches_cli(seeds, cli, tmp_path):
    paths = [p for p, _ in seeds]
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=PACKAGE_DIR + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run(
        [sys.executable, os.path.join(PACKAGE_DIR, "examples", "dask_tag.py"),
         "--local", "2", "--partitions", "3", "-o", str(out)] + paths,
        env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    parts = sorted(glob.glob(str(out / "part-*.jsonl")))
    assert len(parts) >= 2  # documents really were split into partitions
    ours = {}
    for part in parts:
        with open(part, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                ours[doc["id"]] = doc

    cli_out = subprocess.run([cli, "tag", "--quiet"] + paths, check=True, capture_output=True, text=True).stdout
    theirs = {d["id"]: d for d in map(json.loads, cli_out.splitlines())}

    assert sorted(ours) == sorted(theirs) == sorted(paths)
    for path in paths:
        assert ours[path]["lang"] == theirs[path]["lang"]
        assert ours[path]["text"] == theirs[path]["text"]
        assert entity_keys(ours[path]["entities"]) == entity_keys(theirs[path]["entities"]), path
