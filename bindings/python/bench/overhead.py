#!/usr/bin/env python3
"""The Python binding's overhead, measured (not a test).

    .venv/bin/python bindings/python/bench/overhead.py [CORPUS_DIR]

1. br.check_many vs `budgetrec check --format json` on the same corpus
   (default: 1,000 documents generated with seed 7 into a temporary
   directory), jobs=1 and jobs = all cores: in-process time of check_many
   (DataFrames built) and wall time of a whole `python -c` run, against the
   CLI's wall time.
2. Per-call overhead of a Python check: a no-op check run alone with
   Disclosure.check(only=[it]) against an empty run (only=[]), for one input
   and for three; and inside check_many's worker threads.
"""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import budgetrec as br

ROOT = Path(__file__).resolve().parents[3]
CLI = ROOT / "build" / "budgetrec"
REF = ROOT / "examples" / "000_8b975b95330ebfb5.txt"


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def corpus():
    if len(sys.argv) > 1:
        return sys.argv[1]
    out = Path(tempfile.mkdtemp(prefix="budgetrec-bench-"))
    subprocess.run(["/usr/bin/python3", str(ROOT / "tools/gen/gen_disclosure.py"), "--out", str(out),
                    "--docs", "1000", "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
    return str(out)


def check_many_vs_cli(path):
    n = len(br.run.expand(path))
    print(f"corpus: {path}: {n} documents")
    br.check_many([str(REF)], progress=False)  # import pandas, warm caches
    for jobs in (1, os.cpu_count() or 1):
        cli = best(lambda: subprocess.run(
            [str(CLI), "check", "--format", "json", "--jobs", str(jobs), path],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        inproc = best(lambda: br.check_many(path, jobs=jobs, progress=False))
        whole = best(lambda: subprocess.run(
            [sys.executable, "-c", f"import budgetrec as br; br.check_many({path!r}, "
             f"jobs={jobs}, progress=False)"], check=True))
        print(f"  jobs={jobs}: CLI --format json {cli:.3f} s | check_many in process "
              f"{inproc:.3f} s ({inproc / cli:.2f}x) | python -c incl. start-up and imports "
              f"{whole:.3f} s ({whole / cli:.2f}x)")


def python_check_overhead(path):
    d = br.load(REF)
    calls = 20000

    @br.check("bench.noop1", inputs=["disclosure"])
    def noop1(doc, report):
        pass

    @br.check("bench.noop3", inputs=["gpb_basic", "narrative", "three_public"])
    def noop3(basic, narrative, three, report):
        pass

    def loop(only):
        for _ in range(calls):
            d.check(only=only)

    empty = best(lambda: loop([]), 5) / calls
    for cid in ("bench.noop1", "bench.noop3"):
        one = best(lambda: loop([cid]), 5) / calls
        print(f"  {cid}: Disclosure.check(only=[it]) {one * 1e6:.2f} µs, only=[] "
              f"{empty * 1e6:.2f} µs -> {(one - empty) * 1e6:.2f} µs per call")
    br.unregister("bench.noop1")
    br.unregister("bench.noop3")
    # inside check_many's worker threads: K no-op checks on every document
    k, n = 100, len(br.run.expand(path))
    for i in range(k):
        br.check(f"bench.many{i}", inputs=["disclosure"])(lambda doc, report: None)
    ids = [f"bench.many{i}" for i in range(k)]
    for jobs in (1, os.cpu_count() or 1):
        without = best(lambda: br.check_many(path, jobs=jobs, progress=False, skip=ids), 5)
        with_ = best(lambda: br.check_many(path, jobs=jobs, progress=False), 5)
        print(f"  check_many jobs={jobs}: {without:.3f} s without, {with_:.3f} s with {k} no-op "
              f"Python checks -> {(with_ - without) / (n * k) * 1e6:.1f} µs per call")
    for i in ids:
        br.unregister(i)


if __name__ == "__main__":
    path = corpus()
    print("1. check_many vs the command line")
    check_many_vs_cli(path)
    print("2. a Python check's per-call overhead")
    python_check_overhead(path)
