#!/usr/bin/python3
"""
check_real.py — the real corpus (../shared/corpus/real: published PDFs and
their `pdftotext -layout` texts) read and checked end to end.

    check_real.py --cli build/budgetrec [--corpus DIR] [--expected TSV]
                  [--allow-model-differences] [--quiet]

For every document named in expected_kinds.tsv, both as PDF and as layout
text:

  * `budgetrec dump` reads it (exit 0);
  * the table kinds read are exactly the expected ones (as a multiset: the
    five project tables of a document are five performance_project tables);
    a narrative-only part ("-") reads with claims and no table;
  * the reader leaves no error-level note (a figure it could not place, a
    table it could not read);
  * the PDF and its layout text give the same model: tables, rows, cells
    and claims equal, line and page numbers aside (they number different
    renderings of the same page).

`budgetrec check` over every file with one thread and with four must give
the same findings, byte for byte (documents are read and checked on
threads: the readers must keep no per-document state in globals).

Then, unless --quiet, a table per document is printed: tables, rows, money
cells, claims, findings by severity.

The corpus is not part of the repository; without it the test is skipped
(exit 77, ctest's SKIP_RETURN_CODE).  Exit 0 when every requirement holds,
1 otherwise, 2 on bad usage.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CORPUS = os.path.join(os.path.dirname(SOURCE_DIR), "shared", "corpus", "real")
FORMS = ("layout.txt", "pdf")
# Left out when the two renderings are compared: locations number different
# renderings of the same page, and `inferred` says how a figure was placed
# (the layout text can lose the geometry that places it in the PDF) — the
# figure itself must still be the same.
LOCATION_KEYS = {"line", "page", "file", "inferred"}


def read_expected(path):
    """name -> Counter of kinds (empty for a narrative-only part)."""
    expected = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if raw.startswith("#") or raw.startswith("name\t") or not raw.strip():
                continue
            name, kinds = raw.rstrip("\n").split("\t")
            counter = collections.Counter()
            for word in kinds.split():
                if word == "-":
                    continue
                kind, _, n = word.partition("*")
                counter[kind] += int(n or 1)
            expected[name] = counter
    return expected


def run(cli, *args):
    proc = subprocess.run([cli, *args], capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


def without_locations(value):
    """The model with line/page/file numbers removed, for comparing renderings."""
    if isinstance(value, dict):
        return {k: without_locations(v) for k, v in value.items() if k not in LOCATION_KEYS}
    if isinstance(value, list):
        return [without_locations(v) for v in value]
    return value


def comparable_model(dump):
    return without_locations({"tables": dump.get("tables", []), "claims": dump.get("claims", [])})


def first_difference(a, b, path="model"):
    """A short description of where two JSON values first differ."""
    if type(a) is not type(b):
        return f"{path}: {json.dumps(a, ensure_ascii=False)[:120]} vs {json.dumps(b, ensure_ascii=False)[:120]}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}.{key}: only in {'the PDF' if key in a else 'the layout text'}"
            diff = first_difference(a[key], b[key], f"{path}.{key}")
            if diff:
                return diff
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            diff = first_difference(x, y, f"{path}[{i}]")
            if diff:
                return diff
        if len(a) != len(b):
            return f"{path}: {len(a)} items vs {len(b)}"
        return None
    return None if a == b else f"{path}: {json.dumps(a, ensure_ascii=False)} vs {json.dumps(b, ensure_ascii=False)}"


def describe(dump):
    tables = dump.get("tables", [])
    rows = sum(len(t.get("rows", [])) for t in tables)
    cells = sum(len(r.get("cells", {})) for t in tables for r in t.get("rows", []))
    return len(tables), rows, cells, len(dump.get("claims", []))


def check_document(cli, corpus, name, kinds, allow_differences, problems):
    dumps = {}
    for form in FORMS:
        path = os.path.join(corpus, f"{name}.{form}")
        if not os.path.exists(path):
            problems.append(f"{name}.{form}: missing from the corpus")
            continue
        rc, out, err = run(cli, "dump", "--format", "json", path)
        if rc != 0:
            problems.append(f"{name}.{form}: dump exit {rc}: {err.strip()}")
            continue
        dump = json.loads(out)
        dumps[form] = dump
        got = collections.Counter(t["kind"] for t in dump.get("tables", []))
        if got != kinds:
            missing = kinds - got
            extra = got - kinds
            problems.append(f"{name}.{form}: tables missing {dict(missing)}, unexpected {dict(extra)}")
        if not kinds and not dump.get("claims"):
            problems.append(f"{name}.{form}: a narrative part with no claim read")
        for note in dump.get("notes", []):
            if note.get("severity") == "error":
                problems.append(f"{name}.{form}:{note.get('line')}: reader error: {note.get('message')}")
    if len(dumps) == 2:
        diff = first_difference(comparable_model(dumps["pdf"]), comparable_model(dumps["layout.txt"]))
        if diff:
            message = f"{name}: the PDF and the layout text give different models: {diff}"
            if allow_differences:
                print("note: " + message)
            else:
                problems.append(message)
    return dumps


def findings_by_severity(cli, path):
    rc, out, err = run(cli, "check", "--format", "json", "--jobs", "1", path)
    counts = collections.Counter()
    for line in out.splitlines():
        if line.strip():
            counts[json.loads(line)["severity"]] += 1
    return counts


def check_threads(cli, corpus, names, problems):
    paths = [os.path.join(corpus, f"{name}.{form}") for name in names for form in FORMS]
    outputs = {}
    for jobs in (1, 4):
        rc, out, err = run(cli, "check", "--format", "json", "--no-join", "--jobs", str(jobs), *paths)
        if rc not in (0, 1):
            problems.append(f"check --jobs {jobs} over the corpus: exit {rc}: {err.strip()[:300]}")
        outputs[jobs] = out
    if outputs[1] != outputs[4]:
        problems.append("check --jobs 4 gives other findings than --jobs 1")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--corpus", default=os.environ.get("BR_REAL_CORPUS", DEFAULT_CORPUS))
    parser.add_argument("--expected", default=os.path.join(HERE, "expected_kinds.tsv"))
    parser.add_argument("--allow-model-differences", action="store_true",
                        help="report PDF/layout-text model differences without failing")
    parser.add_argument("--quiet", action="store_true", help="no per-document table")
    args = parser.parse_args()

    if not os.path.isdir(args.corpus):
        print(f"check_real: no corpus at {args.corpus}; skipped")
        return 77
    expected = read_expected(args.expected)
    problems = []
    check_threads(args.cli, args.corpus, sorted(expected), problems)
    if not args.quiet:
        print("document\tform\ttables\trows\tcells\tclaims\terrors\twarnings\tinfos")
    for name, kinds in sorted(expected.items()):
        dumps = check_document(args.cli, args.corpus, name, kinds, args.allow_model_differences, problems)
        if args.quiet:
            continue
        for form, dump in dumps.items():
            counts = findings_by_severity(args.cli, os.path.join(args.corpus, f"{name}.{form}"))
            tables, rows, cells, claims = describe(dump)
            print(f"{name[:2]}\t{form}\t{tables}\t{rows}\t{cells}\t{claims}\t"
                  f"{counts['error']}\t{counts['warning']}\t{counts['info']}")
    for problem in problems:
        print("FAIL " + problem)
    print(f"check_real: {len(expected)} documents, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
