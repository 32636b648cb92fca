"""check_many: many departments in one run, on C worker threads.

Reading and checking happen in the extension's worker threads with the GIL
released (budgetrec._core.check_many); Python checks run there too, taking
the GIL for their own calls.  Only the compact results come back; the
DataFrames are built here, with the GIL held, after the run.
"""
import os
import sys
import time

import budgetrec
from budgetrec import _core, _frames


def expand(paths, join=None):
    """The disclosures to read, as `budgetrec check` finds them: files as
    given; directories walked recursively for *.txt and *.pdf (names sorted,
    hidden entries skipped), where a narrative and its tables
    (NAME-narrative.EXT, NAME-tables.EXT) are paired into one disclosure
    unless join is False.  join=True makes every input one disclosure.  An
    item that is a tuple of paths is one joined disclosure as it is.

    Returns a list of str (one file) and tuples of str (the files of one
    joined disclosure, the narrative first)."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    out, walked = [], []  # walked[i]: out[i] was found in a directory

    def walk(d, depth):
        try:
            names = sorted(n for n in os.listdir(d) if not n.startswith("."))
        except OSError:
            out.append(d)  # reported as unreadable, like the CLI
            walked.append(False)
            return
        base = d.rstrip("/") or "/"
        for n in names:
            p = base + "/" + n if base != "/" else "/" + n
            if os.path.isdir(p) and depth < 64:
                walk(p, depth + 1)
            elif n.endswith((".txt", ".pdf")) and len(n) > 4:
                out.append(p)
                walked.append(True)

    for p in paths:
        if isinstance(p, tuple):
            out.append(tuple(os.fsdecode(os.fspath(x)) for x in p))
            walked.append(False)
            continue
        p = os.fsdecode(os.fspath(p))
        if os.path.isdir(p):
            walk(p, 0)
        else:
            out.append(p)
            walked.append(False)
    if join:
        flat = [x for item in out for x in (item if isinstance(item, tuple) else (item,))]
        return [tuple(flat)] if flat else []
    if join is False:
        return out
    # pair only files found in directories: files named are taken as given
    at = [i for i, w in enumerate(walked) if w]
    partner = [-1] * len(out)
    for k, p in enumerate(_core.pair_parts([out[i] for i in at])):
        if p >= 0:
            partner[at[k]] = at[p]
    docs = []
    for i, item in enumerate(out):
        p = partner[i]
        if p < 0:
            docs.append(item)
        elif p > i:  # the pair, at the place of its first file, the narrative first
            docs.append((item, out[p]) if _core.is_narrative_part(item) else (out[p], item))
    return docs


class _Progress:
    """tqdm when Debian's python3-tqdm is installed, else a plain counter."""

    def __init__(self, total, force):
        self.total, self.done, self.bar = total, 0, None
        try:
            from tqdm import tqdm
        except ImportError:
            tqdm = None
        if tqdm is not None:
            self.bar = tqdm(total=total, unit="doc", desc="budgetrec", file=sys.stderr,
                            disable=False, dynamic_ncols=True)
        self.plain = self.bar is None

    def __call__(self, done):
        if self.bar is not None:
            self.bar.update(done - self.done)
        else:
            sys.stderr.write(f"\r{done}/{self.total} documents")
            sys.stderr.flush()
        self.done = done

    def close(self):
        if self.bar is not None:
            self.bar.close()
        elif self.done:
            sys.stderr.write("\n")


def _want_progress(progress):
    if progress in (False, None):
        return False
    if progress == "always":
        return True
    # True: on a terminal, or in a notebook (an ipykernel process)
    return sys.stderr.isatty() or "ipykernel" in sys.modules


class Run:
    """The result of check_many.

    findings  DataFrame, one row per finding (SPEC §5 columns: document,
              department, year, check, severity, …), unreadable inputs as
              check "budgetrec.read"
    summary   DataFrame, one row per document: department, year, unit, the
              合计 totals of income and expenditure, basic, project and the
              三公 total (Decimal), finding counts by severity, consequences,
              the table kinds present, then what was checked (as `budgetrec
              compare`): identities_checked, identities_held,
              identities_broken, identities_not_checked, tables_uncertain
              (Int64, <NA> when the document could not be read) and
              coverage (the coverage message, as Report.coverage["message"])
    coverage  list, one per summary row: the document's Report.coverage dict,
              or None when it could not be read (to_json's coverage records)
    elapsed   seconds; jobs: worker threads used
    """

    def __init__(self, findings, summary, elapsed=None, jobs=None, coverage=None,
                 coverage_record=True):
        self.findings = findings
        self.summary = summary
        self.elapsed = elapsed
        self.jobs = jobs
        self.coverage = coverage
        self.coverage_record = coverage_record

    @property
    def errors(self):
        return self.findings[self.findings["severity"] == "error"]

    @property
    def warnings(self):
        return self.findings[self.findings["severity"] == "warning"]

    @property
    def documents(self):
        return list(self.summary["document"])

    def __len__(self):
        return len(self.summary)

    def __eq__(self, other):
        if not isinstance(other, Run):
            return NotImplemented
        return self.findings.equals(other.findings) and self.summary.equals(other.summary)

    __hash__ = None

    def to_json(self):
        """JSON Lines of every finding, as `budgetrec check --format json`:
        each document's findings, then its coverage record (check
        "budgetrec.coverage"), unless the run's only= did not name it or its
        skip= did (coverage_record False).  A run made without coverage
        (Run(findings, summary) by hand, or pickled by an older version)
        has no coverage records."""
        import json

        from budgetrec._json import _fig, coverage_record

        records = self.findings.to_dict("records")
        coverage = getattr(self, "coverage", None)
        if coverage is None or not getattr(self, "coverage_record", True):
            coverage = [None] * len(self.summary)
        counts = list(self.summary["findings"]) if len(self.summary) else []
        lines, at = [], 0
        # the findings are in document order, summary["findings"] of each
        for (n, cov, doc) in zip(counts, coverage, self.summary.to_dict("records")):
            for rec in records[at:at + int(n)]:
                lines.append(_finding_line(json, _fig, rec))
            at += int(n)
            if cov is not None:
                year = None if _isna(doc["year"]) else int(doc["year"])
                lines.append(coverage_record(doc["document"], doc["department"], year, cov))
        for rec in records[at:]:  # a findings frame longer than the summary says
            lines.append(_finding_line(json, _fig, rec))
        return "".join(lines)

    def __repr__(self):
        n = len(self.findings)
        errors = int((self.findings["severity"] == "error").sum()) if n else 0
        return f"<budgetrec.Run {len(self)} documents, {n} findings ({errors} errors)>"

    def _repr_html_(self):
        from budgetrec._html import run_html

        return run_html(self)


def _finding_line(json, _fig, rec):
    rec = {k: (None if _isna(v) else _fig(v)) for k, v in rec.items()}
    for k in ("year", "line", "page"):
        if rec[k] is not None:
            rec[k] = int(rec[k])
    return json.dumps(rec, ensure_ascii=False) + "\n"


def _ids(ids):
    if ids is None:
        return None
    return ids.split(",") if isinstance(ids, str) else list(ids)


def _coverage_record(only, skip):
    """Whether the coverage record is written, as `budgetrec check` decides."""
    only, skip = _ids(only), _ids(skip)
    if skip is not None and "budgetrec.coverage" in skip:
        return False
    return only is None or "budgetrec.coverage" in only


def _isna(v):
    try:
        import pandas as pd

        return v is None or (not isinstance(v, (dict, list)) and pd.isna(v))
    except (TypeError, ValueError):
        return False


def check_many(paths, jobs=None, progress=True, only=None, skip=None, join=None):
    """Read and check many disclosures; returns a Run.

    paths: a path or an iterable of paths; directories are searched
    recursively for *.txt and *.pdf, and in them a narrative and its tables
    published as two files (NAME-narrative.EXT, NAME-tables.EXT) are read as
    one disclosure (join=False: not); a tuple of paths is one joined
    disclosure; join=True reads all inputs as ONE disclosure (as `budgetrec
    check --join`).  A joined disclosure is named by its first file; its
    findings' `file` says which part each is in.  jobs: worker threads (default: all cores).
    progress: True (a bar on a terminal or in a notebook), "always", False,
    or a callable progress(done, total).  only/skip: check ids.  An input
    that cannot be read becomes a "budgetrec.read" error finding and the run
    goes on.  The GIL is released while the workers run.
    """
    docs = expand(paths, join)
    jobs = int(jobs) if jobs else (os.cpu_count() or 1)
    callback, bar = None, None
    if callable(progress):
        def callback(done):
            progress(done, len(docs))
    elif docs and _want_progress(progress):
        bar = _Progress(len(docs), progress == "always")
        callback = bar
    start = time.perf_counter()
    try:
        summary, findings = _core.check_many(budgetrec._registry, docs, jobs, only, skip,
                                             callback)
    finally:
        if bar is not None:
            bar.close()
    elapsed = time.perf_counter() - start
    coverage = summary.pop("coverage_detail")
    return Run(_frames.findings_frame(findings), _frames.summary_frame(summary), elapsed, jobs,
               coverage, _coverage_record(only, skip))
