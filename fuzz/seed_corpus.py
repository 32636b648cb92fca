#!/usr/bin/env python3
"""Seed corpus for fuzz_read: copy each input into OUT, and cut it at form
feeds into single pages (small seeds mutate fast) and, when it is larger
than --max-len (which libFuzzer would only see truncated), into runs of
whole pages each at most --max-len bytes, so the fuzzer starts from every
table of a long document.  Seeds are named by content hash, so running it
twice adds nothing.  --dict also writes a libFuzzer dictionary of every
quoted word of the catalogs (DEF files: titles, headers, labels, claims),
so mutations insert the vocabulary the readers look for.

    seed_corpus.py --max-len 65536 [--dict D --def F.def...] OUT FILE...
"""
import argparse
import hashlib
import os
import re


def write_seed(out, data):
    if not data:
        return
    name = hashlib.sha1(data).hexdigest()
    path = os.path.join(out, name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)


def page_runs(data, max_len):
    """Each page (split at form feeds, keeping its \\f), and consecutive
    pages joined while they fit in max_len; a page longer than max_len on its
    own is cut at its last newline before max_len."""
    pages = data.split(b"\f")
    pages = [p + b"\f" for p in pages[:-1]] + [pages[-1]]
    run = b""
    for page in pages:
        while len(page) > max_len:
            cut = page.rfind(b"\n", 0, max_len) + 1 or max_len
            yield page[:cut]
            page = page[cut:]
        yield page
        if len(run) + len(page) > max_len:
            yield run
            run = b""
        run += page
    if run:
        yield run


def write_dict(path, defs):
    """Quoted strings of the DEF files as dictionary entries (bytes outside
    printable ASCII escaped), plus the layout's own separators."""
    words = {b"\f", b"    ", b"\t", b"%PDF-"}
    for d in defs:
        with open(d, "rb") as f:
            text = f.read()
        for m in re.finditer(rb'"((?:[^"\\\n]|\\.)+)"', text):
            w = m.group(1)
            if b"\\" in w:
                w = w.decode("unicode_escape").encode("latin-1")
            words.add(w)
            words.update(p for p in w.split(b"|") if p)  # "合计|总计" alternatives
    with open(path, "w") as f:
        for w in sorted(words):
            esc = "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else "\\x%02x" % b
                          for b in w)
            f.write('"%s"\n' % esc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-len", type=int, default=65536)
    ap.add_argument("--dict", help="write a dictionary of the --def words here")
    ap.add_argument("--def", dest="defs", action="append", default=[])
    ap.add_argument("out")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.dict:
        write_dict(args.dict, args.defs)
    for path in args.files:
        with open(path, "rb") as f:
            data = f.read()
        if not data:
            continue
        write_seed(args.out, data[: args.max_len])
        if b"\f" in data or len(data) > args.max_len:
            for run in page_runs(data, args.max_len):
                write_seed(args.out, run)


if __name__ == "__main__":
    main()
