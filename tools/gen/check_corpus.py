#!/usr/bin/python3
"""
check_corpus.py — generate a corpus with gen_disclosure.py and check it with
`budgetrec check --format json`.

    check_corpus.py --cli build/budgetrec [--docs 30] [--seed 7] [--jobs 2]
                    [--inject FAMILY|all] [--no-verify-model] [--keep DIR] [--bench]
                    [--vary FAMILIES|all] [--vary-p P] [--layout tab|space|mixed|pdf|pdftotext]
                    [--max-errors N] [--max-warnings-per-doc X] [--min-recall R]
                    [--report-only] [--verbose]

Clean mode (no --inject): every document must give ZERO error findings; and
(unless --no-verify-model) `budgetrec dump` of every document must hold what
the generator put in it (each table's rows and money cells as printed, each
stated narrative figure with its class and line), so that a check that finds
nothing is known to have been given the right figures.

Inject mode: each document carries one injected change and a sidecar naming
the expected finding.  It is found when an error finding has
consequence_of null (it is a primary finding) and sits at the sidecar's
table / row / column (and line, where the sidecar gives one; a sidecar with
`accept_lines` accepts its column anywhere in that line span; a narrative
figure is its line and class, its label being the reader's) with the
sidecar's cause and, where the finding states one, the changed figure as its
actual value.  Printed: recall per family (found / injected), for every miss
what was reported instead, false errors — error findings that are neither
the primary finding (a second unlinked one at the changed figure is a
duplicate, so false) nor marked consequence_of — and a summary of why.

Variation (--vary FAMILY[,FAMILY…]|all, --vary-p P, --layout
tab|space|mixed; see gen_disclosure.py): the same requirements, and a report
per layout and family — documents drawn with the family, documents with at
least one false error finding (clean: any error; inject: errors the injected
change does not explain), their rate, warnings per document, recall (inject)
and documents read differently from their model (clean) — with warnings by
check id (reader notes, `*.parse`, by message with its particulars
replaced), false errors by check, and examples.  Then the thresholds decide:
--max-errors N (default 0 in clean mode), --max-warnings-per-doc X,
--min-recall R, and no model difference (unless --no-verify-model); the
report is printed and the exit status is 1 when one is not met, 0 with
--report-only.  Without --vary the thresholds given apply as well.

--layout pdf checks the PDFs gen_disclosure.py draws from the space layout
(render_pdf.py): the model's lines are already those of the pdf reader (the
non-blank lines counted through the document), so rows, claims and injected
changes are matched by line as for the texts, and each row must also be read
on its page.  --layout pdftotext checks the same PDFs as `pdftotext -layout`
prints them (the text a user of a PDF disclosure has), lines those of that
text.  Without python3-cairo, the font or (pdftotext) poppler-utils it exits
77 (ctest's SKIP_RETURN_CODE), saying which is missing.

Also prints timings (generation, check, documents per second).  With
--bench (e.g. --docs 1000 --bench) it is the throughput benchmark, not run by
make test: check single-threaded and on all cores, documents and MB per
second, peak memory of the check process.

Exit status 0 when every requirement holds, 1 otherwise, 2 on bad usage.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_disclosure  # noqa: E402


def norm(s):
    return unicodedata.normalize("NFKC", s or "").replace(" ", "") if s is not None else None


TIME = "/usr/bin/time"  # GNU time: the peak memory of the check process


def run_check(cli, path, jobs, measure=False):
    """Findings by document name, seconds taken, peak RSS in KiB (or None)."""
    cmd = [cli, "check", "--format", "json", "--jobs", str(jobs), path]
    measure = measure and os.access(TIME, os.X_OK)
    if measure:
        cmd = [TIME, "-f", "peak-rss-kib %M"] + cmd
    t0 = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    dt = time.monotonic() - t0
    err = p.stderr.decode("utf-8", "replace")
    rss = None
    if measure:
        lines = err.rstrip("\n").split("\n")
        if lines and lines[-1].startswith("peak-rss-kib "):
            rss = int(lines[-1].split()[1])
            err = "\n".join(lines[:-1])
    if p.returncode not in (0, 1):
        sys.stderr.write(err)
        raise SystemExit("check failed with exit status %d" % p.returncode)
    findings = defaultdict(list)
    for line in p.stdout.decode("utf-8").splitlines():
        if line.strip():
            f = json.loads(line)
            findings[os.path.basename(f["document"])].append(f)
    return findings, dt, rss


def show(f):
    loc = "%s/%s/%s" % (f.get("table"), f.get("row"), f.get("column"))
    cons = f.get("consequence_of")
    return "  [%s] %s line %s %s: %s%s%s" % (
        f["severity"], f["check"], f.get("line"), loc, f.get("message"),
        " (cause %s)" % f["cause"] if f.get("cause") else "",
        " (consequence of %s)" % json.dumps(cons, ensure_ascii=False) if cons else "")


# ---------------------------------------------------------------------------
# The model a reader must find (clean mode)
# ---------------------------------------------------------------------------

def dec_eq(a, b):
    try:
        return a == b or Decimal(a) == Decimal(b) and a.count(".") == b.count(".") and \
            len(a.split(".")[-1]) == len(b.split(".")[-1])
    except Exception:
        return False


def verify_model(cli, path, model):
    """Differences between `dump` of path and the generator's model."""
    p = subprocess.run([cli, "dump", "--format", "json", path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        return ["dump failed: %s" % p.stderr.decode("utf-8", "replace").strip()]
    dump = json.loads(p.stdout.decode("utf-8"))
    problems = []
    if dump.get("year") != model["year"]:
        problems.append("year %s, expected %s" % (dump.get("year"), model["year"]))
    if norm((dump.get("department") or {}).get("name")) != norm(model["department"]):
        problems.append("department %r, expected %r" % ((dump.get("department") or {}).get("name"),
                                                        model["department"]))
    by_kind = defaultdict(list)
    for t in dump["tables"]:
        by_kind[t["kind"]].append(t)
    seen = defaultdict(int)
    for mt in model["tables"]:
        k = mt["kind"]
        i = seen[k]
        seen[k] += 1
        if i >= len(by_kind[k]):
            problems.append("table %s #%d (line %s) not read" % (k, i + 1, mt["line"]))
            continue
        dt = by_kind[k][i]
        drows = dt["rows"]
        # rows by line (two-sided tables have two rows per line: by side; a
        # table printed in two panels, by code or label)
        index = defaultdict(list)
        for r in drows:
            index[r["line"]].append(r)
        for mr in mt["rows"]:
            cands = index.get(mr["line"], [])
            if mr.get("side"):
                cands = [r for r in cands if r.get("side") == mr["side"]]
            if len(cands) > 1:  # rows of two panels on one line (基本支出): by code, else label
                cands = [r for r in cands if (r.get("code") == mr["code"] if mr["code"]
                                              else norm(r.get("label")) == norm(mr["key"]))]
            if len(cands) != 1:
                problems.append("%s line %s (%s): %d rows read" % (k, mr["line"], mr["label"],
                                                                    len(cands)))
                continue
            dr = cands[0]
            if mr.get("page") and dr.get("page") != mr["page"]:  # pdf: pages are exact
                problems.append("%s line %s: page %s, expected %s" % (k, mr["line"], dr.get("page"),
                                                                      mr["page"]))
            # (a code that lost digits in print and fits the hierarchy more
            # than one way: the reader says it does not know it — fail
            # closed, not a misreading)
            lost = dr.get("code") is None and \
                (dr.get("uncertain") or {}).get("kind") == "code_damaged"
            if mr["code"] and dr.get("code") != mr["code"] and not lost:
                problems.append("%s line %s: code %s, expected %s" % (k, mr["line"], dr.get("code"),
                                                                      mr["code"]))
            if not mr["code"] and k not in ("performance_overall", "performance_project") \
                    and norm(dr.get("label")) != norm(mr["key"]):
                problems.append("%s line %s: label %r, expected %r" % (k, mr["line"],
                                                                       dr.get("label"), mr["key"]))
            dcells = {r: v for r, v in dr["cells"].items()
                      if k not in ("performance_overall", "performance_project") or r == "weight"}
            if k in ("performance_overall", "performance_project"):
                exp = {r: v.rstrip("%") for r, v in mr["cells"].items()}
            else:
                exp = mr["cells"]
            if set(dcells) != set(exp) or any(not dec_eq(dcells[r], exp[r]) for r in exp):
                problems.append("%s line %s (%s): cells %s, expected %s" % (
                    k, mr["line"], mr["label"], json.dumps(dcells, ensure_ascii=False),
                    json.dumps(exp, ensure_ascii=False)))
        extra = len(drows) - len(mt["rows"])
        if extra:
            problems.append("%s: %d rows read, %d expected" % (k, len(drows), len(mt["rows"])))
        if k == "performance_project":
            pj = dt.get("project") or {}
            if pj.get("code") != mt["project"]["code"] or \
                    not dec_eq(str(pj.get("amount")), mt["project"]["amount"]):
                problems.append("performance_project line %s: project %s, expected %s" % (
                    mt["line"], json.dumps(pj, ensure_ascii=False),
                    json.dumps(mt["project"], ensure_ascii=False)))
    for k in by_kind:
        if len(by_kind[k]) > seen[k]:
            problems.append("%d unexpected %s tables" % (len(by_kind[k]) - seen[k], k))
    dclaims = dump.get("claims", [])
    for mc in model["claims"]:
        hit = [c for c in dclaims if c.get("line") == mc["line"] and c.get("class") == mc["class"]
               and dec_eq(c.get("value"), mc["value"])
               and (mc["code"] is None or c.get("code") == mc["code"])]
        if not hit:
            near = [c for c in dclaims if c.get("line") == mc["line"]]
            problems.append("claim %s %s (line %s) not read as such; on that line: %s" % (
                mc["class"], mc["value"], mc["line"],
                "; ".join("%s=%s" % (c.get("class"), c.get("value")) for c in near)))
    for c in dclaims:
        if c.get("class") and not any(
                mc["line"] == c.get("line") and mc["class"] == c["class"]
                and dec_eq(c.get("value"), mc["value"]) for mc in model["claims"]):
            problems.append("claim %s %s (line %s, %r) read but not stated by the generator" % (
                c["class"], c.get("value"), c.get("line"), c.get("label")))
    return problems


# ---------------------------------------------------------------------------
# Injected findings
# ---------------------------------------------------------------------------

def matches_place(f, side):
    if f.get("table") != side["table"] or f.get("column") != side["column"]:
        return False
    if side.get("accept_lines"):
        a, b = side["accept_lines"]
        return f.get("line") is not None and a <= f["line"] <= b
    if side.get("line") is not None and f.get("line") != side["line"]:
        return False
    if side["table"] == "narrative":
        return True  # a claim is its line and class (its label is the reader's)
    return norm(f.get("row")) == norm(side["row"])


def same_actual(f, side):
    """The finding's printed figure is the changed one (weights: a sum)."""
    if side["family"] == "performance_weights" or f.get("actual") is None:
        return True
    try:
        return Decimal(f["actual"]) == Decimal(side["printed"])
    except Exception:
        return False


def judge(side, findings):
    """(found, why, explained findings) for one injected document."""
    errors = [f for f in findings if f["severity"] == "error"]
    if side.get("check"):  # a wording family: a warning of that check (plugins/wording)
        errors = [f for f in findings if f["severity"] == side["severity"]
                  and f["check"] == side["check"]] + [f for f in errors]
    at = [f for f in errors if matches_place(f, side) and same_actual(f, side)]
    primary = [f for f in at if f.get("consequence_of") is None]
    good = [f for f in primary if f.get("cause") == side["cause"]]
    # explained: the primary finding (one: a second unlinked report of the
    # same figure is a duplicate) and every finding linked to a primary
    explained = set(id(f) for f in errors if f.get("consequence_of") is not None)
    if good or primary:
        explained.add(id((good or primary)[0]))
    if good:
        return True, None, explained
    # said to be ambiguous, naming the changed figure among the candidates:
    # reported honestly rather than picked (SPEC: "say so rather than pick")
    named = [f for f in errors if f.get("consequence_of") is None and f.get("cause") == "ambiguous"
             and side["table"] != "narrative" and f.get("table") == side["table"]
             and ("%s %s" % (side["row"], side["column"])) in (f.get("message") or "")]
    if named:
        explained.add(id(named[0]))
        return True, "ambiguous", explained
    if primary:
        why = "primary finding at the cell, cause %s instead of %s" % (
            primary[0].get("cause"), side["cause"])
    elif at:
        why = "error at the cell, but marked consequence_of %s" % json.dumps(
            at[0].get("consequence_of"), ensure_ascii=False)
    elif errors:
        why = "no error at the cell; errors reported elsewhere"
    else:
        why = "no error finding at all"
    return False, why, explained


# ---------------------------------------------------------------------------
# Variation report (--vary / --layout)
# ---------------------------------------------------------------------------

def msg_prefix(f):
    """A reader note's message with its particulars (quoted words, figures,
    line numbers) replaced, so that notes of one kind count together."""
    m = f.get("message") or ""
    m = re.sub(r"[“\"「][^”\"」]*[”\"」]", "\"…\"", m)
    m = re.sub(r"-?[0-9][0-9,.]*", "N", m)
    return m[:70]


def warn_key(f):
    if f["check"].endswith(".parse"):
        return "%s: %s" % (f["check"], msg_prefix(f))
    return f["check"]


def vary_report(docs, findings, false_errs, found, model_bad, inject):
    """Per layout and family: documents drawn with it, documents with >= 1
    false error, the rate, warnings per document, (recall), model diffs.
    Returns the totals {docs, false, warnings, found, injected, model_bad}."""
    rows = []
    for path, model, side, rec in docs:
        name = os.path.basename(path)
        fs = findings.get(name, [])
        rows.append({
            "path": path, "layout": (rec or {}).get("layout", "tab"),
            "families": (rec or {}).get("families", {}),
            "false": false_errs.get(name, []),
            "warnings": [f for f in fs if f["severity"] == "warning"],
            "found": found.get(name), "model_bad": model_bad.get(name)})
    fams = gen_disclosure.VARY_FAMILIES
    tot = {"docs": len(rows), "false": 0, "warnings": 0, "found": 0, "injected": 0,
           "model_bad": 0}
    for layout in ("tab", "space", "pdf", "pdftotext"):
        lr = [r for r in rows if r["layout"] == layout]
        if not lr:
            continue
        print()
        print("layout %s: %d documents" % (layout, len(lr)))
        print("  %-20s %5s %6s %6s %8s %7s %6s" % ("family", "docs", "f.err", "rate", "warn/doc",
                                               "recall" if inject else "", "model"))

        def line(label, sel):
            n = len(sel)
            fe = sum(1 for r in sel if r["false"])
            w = sum(len(r["warnings"]) for r in sel)
            rec = ""
            if inject:
                inj = [r for r in sel if r["found"] is not None]
                rec = "%.2f" % (sum(1 for r in inj if r["found"]) / len(inj)) if inj else "-"
            mb = sum(1 for r in sel if r["model_bad"])
            print("  %-20s %5d %6d %6.2f %8.2f %7s %6s" % (
                label, n, fe, fe / n if n else 0, w / n if n else 0, rec,
                mb if any(r["model_bad"] is not None for r in sel) else "-"))
        for fam in fams:
            sel = [r for r in lr if fam in r["families"]]
            if sel:
                line(fam, sel)
        sel = [r for r in lr if not r["families"]]
        if sel:
            line("(none drawn)", sel)
        line("ALL", lr)
        wc = defaultdict(int)
        for r in lr:
            for f in r["warnings"]:
                wc[warn_key(f)] += 1
        if wc:
            print("  warnings by check (per document):")
            for k, v in sorted(wc.items(), key=lambda x: -x[1])[:15]:
                print("    %6.2f  %s" % (v / len(lr), k))
        ec = defaultdict(int)
        for r in lr:
            for f in r["false"]:
                ec[f["check"]] += 1
        if ec:
            print("  false errors by check (total): %s" % ", ".join(
                "%s %d" % kv for kv in sorted(ec.items(), key=lambda x: -x[1])))
    # examples: per family, documents with a false error where it is the only
    # family drawn that the baseline does not explain (fewest families first)
    print()
    print("examples of false errors (documents with the fewest families drawn):")
    for fam in fams:
        sel = sorted([r for r in rows if fam in r["families"] and r["false"]],
                     key=lambda r: len(r["families"]))
        for r in sel[:2]:
            print("  %s [%s, %s] %s" % (fam, r["layout"], ",".join(
                "%s=%s" % kv for kv in sorted(r["families"].items())), r["path"]))
            for f in r["false"][:3]:
                print("  " + show(f))
    for r in rows:
        tot["false"] += len(r["false"])
        tot["warnings"] += len(r["warnings"])
        if r["found"] is not None:
            tot["injected"] += 1
            tot["found"] += 1 if r["found"] else 0
        if r["model_bad"]:
            tot["model_bad"] += 1
    return tot


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", required=True, help="path of the budgetrec executable")
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--inject", choices=gen_disclosure.INJECT_CHOICES)
    ap.add_argument("--rounding", choices=["lossy", "lossless", "exact"],
                    help="how figures are printed (gen_disclosure.py; default lossy, "
                         "exact with --inject)")
    ap.add_argument("--no-verify-model", action="store_true",
                    help="skip comparing `dump` with the generator's model (clean mode)")
    ap.add_argument("--keep", help="generate into this directory and keep it")
    ap.add_argument("--bench", action="store_true",
                    help="benchmark: check with --jobs 1 and with all cores, peak memory "
                         "(no model check)")
    ap.add_argument("--vary", help="variation families of gen_disclosure.py: all or "
                    "FAMILY[,FAMILY…]; prints the per-family report")
    ap.add_argument("--vary-p", type=float, help="probability of each family per document")
    ap.add_argument("--layout", choices=["tab", "space", "mixed", "pdf", "pdftotext"],
                    default="tab")
    ap.add_argument("--max-errors", type=int,
                    help="most error findings allowed (clean: all errors; inject: false errors)")
    ap.add_argument("--max-warnings-per-doc", type=float,
                    help="most warning findings per document on average")
    ap.add_argument("--min-recall", type=float, help="least recall (inject mode), 0..1")
    ap.add_argument("--max-model-diffs", type=int, default=0,
                    help="with --vary: most documents read differently from their model "
                         "(default 0)")
    ap.add_argument("--report-only", action="store_true",
                    help="print the report and exit 0 whatever it says (measuring)")
    ap.add_argument("--verbose", action="store_true",
                    help="with --vary: list every document's error findings")
    a = ap.parse_args(argv)
    if not os.access(a.cli, os.X_OK):
        ap.error("%s is not executable" % a.cli)
    try:
        gen_disclosure.parse_vary(a.vary)
    except ValueError as e:
        ap.error(str(e))
    if a.layout in ("pdf", "pdftotext") and gen_disclosure.drawing_unavailable(a.layout):
        print("SKIP: --layout %s: %s" % (a.layout, gen_disclosure.drawing_unavailable(a.layout)))
        return 77
    varied = bool(a.vary) or a.layout != "tab"
    quiet = varied and not a.verbose

    tmp = a.keep or tempfile.mkdtemp(prefix="brgen_")
    if a.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    ok = True
    try:
        t0 = time.monotonic()
        docs = gen_disclosure.generate(tmp, a.docs, a.seed, a.inject, a.rounding, a.vary,
                                       a.vary_p, a.layout, a.jobs)
        t_gen = time.monotonic() - t0
        size = sum(os.path.getsize(d[0]) for d in docs)
        print("generated %d documents (%.1f MB) in %.2f s" % (len(docs), size / 1e6, t_gen))
        for jobs in ([1, os.cpu_count() or 1] if a.bench else [a.jobs]):
            findings, t_check, rss = run_check(a.cli, tmp, jobs, measure=a.bench)
            print("check --jobs %d: %.2f s = %.0f documents/s, %.1f MB/s%s" % (
                jobs, t_check, len(docs) / t_check, size / 1e6 / t_check,
                ", peak RSS %d KiB" % rss if rss else ""))
        if a.bench:
            a.no_verify_model = True

        false_errs, found_by, model_bad = {}, {}, {}
        n_false = 0
        if not a.inject:
            n_err = 0
            by_check = defaultdict(int)
            for path, _, _, _ in docs:
                errs = [f for f in findings.get(os.path.basename(path), [])
                        if f["severity"] == "error"]
                false_errs[os.path.basename(path)] = errs
                if errs and not quiet:
                    print("%s: %d error findings on a clean document" % (path, len(errs)))
                    for f in errs:
                        print(show(f))
                        by_check[f["check"]] += 1
                n_err += len(errs)
            sev = defaultdict(int)
            for fs in findings.values():
                for f in fs:
                    sev[f["severity"]] += 1
            print("clean corpus: %d error, %d warning, %d info findings" % (
                sev["error"], sev["warning"], sev["info"]))
            n_false = n_err
            if n_err:
                ok = False
                print("FAIL: error findings on clean documents, by check: %s" % dict(by_check))
            if not a.no_verify_model:
                t0 = time.monotonic()
                bad = 0
                with concurrent.futures.ThreadPoolExecutor(max(1, a.jobs)) as ex:
                    results = list(ex.map(lambda d: verify_model(a.cli, d[0], d[1]), docs))
                for (path, model, _, _), probs in zip(docs, results):
                    model_bad[os.path.basename(path)] = bool(probs)
                    if probs:
                        bad += 1
                        if quiet:
                            continue
                        print("%s: the model read differs from the one generated:" % path)
                        for p in probs[:20]:
                            print("  " + p)
                print("model check of %d documents in %.2f s: %d differ" % (
                    len(docs), time.monotonic() - t0, bad))
                if bad:
                    ok = False
                    print("FAIL: documents read differently from how they were generated")
        else:
            per = defaultdict(lambda: [0, 0])
            false_errors = 0
            ambiguous = 0  # found as a finding that names it among ambiguous candidates
            false_by_check = defaultdict(int)
            fails = []
            for path, _, side, _ in docs:
                fs = findings.get(os.path.basename(path), [])
                found, why, explained = judge(side, fs)
                per[side["family"]][1] += 1
                found_by[os.path.basename(path)] = found
                if found and why == "ambiguous":
                    ambiguous += 1
                if found:
                    per[side["family"]][0] += 1
                else:
                    fails.append((path, side, why, fs))
                unexplained = [f for f in fs if f["severity"] == "error" and id(f) not in explained]
                for f in unexplained:
                    false_by_check[(f["check"], side["family"])] += 1
                false_errs[os.path.basename(path)] = unexplained
                n_false += len(unexplained)
                if unexplained and not quiet:
                    false_errors += len(unexplained)
                    print("%s (%s): %d unexplained error findings:" % (path, side["family"],
                                                                        len(unexplained)))
                    for f in unexplained:
                        print(show(f))
            for path, side, why, fs in (fails if not quiet else []):
                print("MISSED %s: %s at %s/%s/%s line %s (%s → %s, cause %s): %s" % (
                    side["family"], path, side["table"], side["row"], side["column"],
                    side.get("line") or side.get("accept_lines"), side["original"],
                    side["printed"], side["cause"], why))
                for f in fs:
                    if f["severity"] == "error":
                        print(show(f))
            if fails or false_by_check:
                print("why:")
                reasons = defaultdict(int)
                for _, side, why, _ in fails:
                    reasons[(side["family"], why)] += 1
                for (fam, why), k in sorted(reasons.items()):
                    print("  %-22s missed %d: %s" % (fam, k, why))
                for (chk, fam), k in sorted(false_by_check.items()):
                    print("  %-22s %d false errors from %s" % (fam, k, chk))
            found = sum(v[0] for v in per.values())
            total = sum(v[1] for v in per.values())
            print("recall by family:")
            for fam in gen_disclosure.FAMILIES:
                if fam in per:
                    print("  %-22s %d/%d" % (fam, per[fam][0], per[fam][1]))
            print("recall %d/%d = %.1f%% (%d of them reported as ambiguous, naming the "
                  "changed figure among the candidates); false errors %d" % (
                      found, total, 100.0 * found / max(total, 1), ambiguous, false_errors))
            if found < total or false_errors:
                ok = False
                print("FAIL: %s" % ", ".join(
                    x for x in ("%d injected changes not found as primary findings" % (total - found)
                                if found < total else "",
                                "%d false errors" % false_errors if false_errors else "") if x))
        if varied:
            tot = vary_report(docs, findings, false_errs, found_by, model_bad, a.inject)
            wpd = tot["warnings"] / max(1, tot["docs"])
            rec = tot["found"] / max(1, tot["injected"])
            print()
            print("total: %d documents, %d error findings%s, %.2f warnings per document%s%s" % (
                tot["docs"], n_false, " not explained by the injected change" if a.inject else "",
                wpd, ", recall %.3f" % rec if a.inject else "",
                ", %d documents read differently from their model" % tot["model_bad"]
                if model_bad else ""))
            # with --vary, the thresholds given decide (the model check too,
            # unless --no-verify-model)
            ok = True
            limit = a.max_errors if a.max_errors is not None else (None if a.inject else 0)
            if limit is not None and n_false > limit:
                ok = False
                print("FAIL: %d error findings > --max-errors %d" % (n_false, limit))
            if a.max_warnings_per_doc is not None and wpd > a.max_warnings_per_doc:
                ok = False
                print("FAIL: %.2f warnings per document > --max-warnings-per-doc %g" % (
                    wpd, a.max_warnings_per_doc))
            if a.inject and a.min_recall is not None and rec < a.min_recall:
                ok = False
                print("FAIL: recall %.3f < --min-recall %g" % (rec, a.min_recall))
            if tot["model_bad"] > a.max_model_diffs:
                ok = False
                print("FAIL: %d documents read differently from how they were generated "
                      "(> --max-model-diffs %d)" % (tot["model_bad"], a.max_model_diffs))
        else:
            sev_w = sum(1 for fs in findings.values() for f in fs if f["severity"] == "warning")
            if a.max_errors is not None and n_false > a.max_errors:
                ok = False
                print("FAIL: %d error findings > --max-errors %d" % (n_false, a.max_errors))
            if a.max_warnings_per_doc is not None and \
                    sev_w / max(1, len(docs)) > a.max_warnings_per_doc:
                ok = False
                print("FAIL: %.2f warnings per document > --max-warnings-per-doc %g" % (
                    sev_w / max(1, len(docs)), a.max_warnings_per_doc))
            if a.inject and a.min_recall is not None:
                f_ = sum(1 for v in found_by.values() if v)
                if f_ / max(1, len(found_by)) < a.min_recall:
                    ok = False
                    print("FAIL: recall %.3f < --min-recall %g" % (
                        f_ / max(1, len(found_by)), a.min_recall))
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    if a.report_only:
        print("(report only: %s)" % ("PASS" if ok else "FAIL"))
        return 0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
