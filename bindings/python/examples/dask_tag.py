#!/usr/bin/env python3
"""Tag a corpus with libcyberner on a Dask cluster; write JSONL partitions.

    dask_tag.py INPUT... -o OUTDIR [--local N | --scheduler tcp://host:8786]

INPUT is a folder (every *.txt under it, recursively), a .txt file, or a JSONL
corpus (*.jsonl: one {"id": ..., "text": ...} document a line). A .txt
document's id is its path as given, as with `cyberner tag`.

Each worker loads the model once (a worker plugin holds one Tagger per worker
process), documents are split into partitions of a dask.bag, and each
partition becomes OUTDIR/part-NNNNN.jsonl, one document a line in the shape of
ENTITIES.md. A document that cannot be read or tagged gives a line
{"id": ..., "error": {...}} and the exit status 1.

Every worker must see the inputs, OUTDIR and the cyberner package (with
CYBERNER_LIBRARY set, or libcyberner installed) at the same paths: a shared
filesystem on a real cluster.
"""

import argparse
import glob
import json
import os
import sys

import dask.bag as db
from distributed import Client, LocalCluster, get_worker

try:  # distributed >= 2023.9
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover
    from distributed import WorkerPlugin

PLUGIN_NAME = "cyberner-tagger"


class TaggerPlugin(WorkerPlugin):
    """Loads one cyberner.Tagger when a worker starts; frees it when it stops."""

    name = PLUGIN_NAME

    def __init__(self, tagger_args):
        self.tagger_args = tagger_args
        self.tagger = None

    def setup(self, worker):
        import cyberner  # imported on the worker
        self.tagger = cyberner.Tagger(**self.tagger_args)

    def teardown(self, worker):
        if self.tagger is not None:
            self.tagger.close()
            self.tagger = None


def worker_tagger():
    """The Tagger of the worker this task runs on."""
    return get_worker().plugins[PLUGIN_NAME].tagger


# ---- Reading documents (runs on the workers) ----------------------------------

def read_txt(path):
    try:
        with open(path, "rb") as f:
            return {"id": path, "text": f.read()}
    except OSError as e:
        return {"id": path, "error": {"name": "EIO", "message": "%s: %s" % (path, e.strerror)}}


def parse_jsonl_line(line):
    try:
        doc = json.loads(line)
    except ValueError as e:
        return {"id": None, "error": {"name": "EINVAL", "message": "bad JSONL line: %s" % e}}
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        doc_id = doc.get("id") if isinstance(doc, dict) else None
        return {"id": doc_id, "error": {"name": "EINVAL", "message": "a JSONL document needs a \"text\" string"}}
    return {"id": doc.get("id"), "text": doc["text"]}


def tag_doc(doc):
    """One output record: the document in the JSONL shape, or its error."""
    if "error" in doc:
        return doc
    import cyberner
    try:
        return worker_tagger()(doc["text"], id=doc["id"]).to_dict()
    except cyberner.CyberNERError as e:
        return {"id": doc["id"], "error": {"name": e.name, "message": e.message, "offset": e.offset}}


def to_line(record):
    return json.dumps(record, ensure_ascii=False)


# ---- Building the bag (runs on the client) ------------------------------------------

def list_txt(inputs):
    paths = []
    for item in inputs:
        if os.path.isdir(item):
            paths.extend(sorted(glob.glob(os.path.join(item, "**", "*.txt"), recursive=True)))
        else:
            paths.append(item)
    return paths


def make_bag(inputs, partitions):
    jsonl = [p for p in inputs if p.endswith(".jsonl")]
    txt = list_txt([p for p in inputs if not p.endswith(".jsonl")])
    bags = []
    if txt:
        bags.append(db.from_sequence(txt, npartitions=max(1, min(partitions, len(txt)))).map(read_txt))
    if jsonl:
        lines = db.read_text(jsonl, blocksize="8MiB").filter(lambda line: line.strip())
        bags.append(lines.map(parse_jsonl_line))
    if not bags:
        raise SystemExit("dask_tag: no input documents")
    return db.concat(bags)


def register(client, plugin):
    if hasattr(client, "register_plugin"):  # distributed >= 2023.9
        client.register_plugin(plugin, name=PLUGIN_NAME)
    else:
        client.register_worker_plugin(plugin, name=PLUGIN_NAME)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="folder, .txt file or .jsonl corpus")
    ap.add_argument("-o", "--output", required=True, help="output folder (part-*.jsonl)")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler, e.g. tcp://host:8786")
    where.add_argument("--local", type=int, metavar="N", default=2,
                       help="start a local cluster of N worker processes (default 2)")
    ap.add_argument("--partitions", type=int, default=0, help="partitions for .txt inputs (default: 4 per worker)")
    ap.add_argument("--lang", default="auto", choices=["auto", "fr", "en"])
    ap.add_argument("--ref-date", help="YYYY-MM-DD for relative dates")
    ap.add_argument("--labels", help="comma-separated labels to keep")
    ap.add_argument("--min-score", type=float, default=0.0)
    ap.add_argument("--dict", dest="extra_dict", help="an extra dictionary folder (seen by every worker)")
    args = ap.parse_args(argv)

    tagger_args = {"lang": args.lang, "ref_date": args.ref_date, "labels": args.labels,
                   "min_score": args.min_score,
                   "extra_dict": os.path.abspath(args.extra_dict) if args.extra_dict else None}

    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        register(client, TaggerPlugin(tagger_args))
        workers = max(1, len(client.scheduler_info()["workers"]))
        bag = make_bag(args.inputs, args.partitions or 4 * workers)
        records = bag.map(tag_doc).persist()
        os.makedirs(args.output, exist_ok=True)
        records.map(to_line).to_textfiles(os.path.join(os.path.abspath(args.output), "part-*.jsonl"),
                                          name_function=lambda i: "%05d" % i,
                                          encoding="utf-8", last_endline=True)
        failed = records.filter(lambda r: "error" in r).pluck("id").compute()
        total = records.count().compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    for doc_id in failed:
        print("dask_tag: %s: failed (see its error line)" % doc_id, file=sys.stderr)
    print("dask_tag: %d document(s), %d failed, written to %s" % (total, len(failed), args.output),
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
