#!/bin/sh
# bench/run.sh — throughput of `budgetrec dump` and `budgetrec check` (run by
# hand: `make bench`; figures go in the issue notes, never in tests).
#
#   BENCH_DOCS=1000 bench/run.sh
set -eu
cd "$(dirname "$0")/.."
cli=build/budgetrec
ref=examples/000_8b975b95330ebfb5.txt
n=${BENCH_DOCS:-1000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

echo "== dump of the reference document (best of 20) =="
best=999999
for i in $(seq 20); do
    s=$(date +%s%N); $cli dump --format json "$ref" >/dev/null; e=$(date +%s%N)
    t=$(( (e - s) / 1000 )); [ "$t" -lt "$best" ] && best=$t
done
echo "dump: ${best} µs wall (process start, plugin load, read, JSON)"

echo "== check over $n copies of the reference document =="
for i in $(seq "$n"); do cp "$ref" "$dir/doc$i.txt"; done
mb=$(du -sm "$dir" | cut -f1)
for jobs in 1 "$(nproc)"; do
    s=$(date +%s%N)
    $cli check --jobs "$jobs" --format json "$dir" >/dev/null || true
    e=$(date +%s%N)
    ms=$(( (e - s) / 1000000 ))
    echo "check --jobs $jobs: $n documents (${mb} MB) in ${ms} ms = $(( n * 1000 / (ms > 0 ? ms : 1) )) documents/s"
done
if command -v /usr/bin/time >/dev/null; then
    /usr/bin/time -f "peak RSS, --jobs $(nproc): %M KiB" $cli check --format json "$dir" >/dev/null || true
fi

# The real corpus (published PDFs and their layout texts), when it is there:
# pages per second for each reader, all checks included.
corpus=../shared/corpus/real
if [ -f "$corpus/MANIFEST.tsv" ]; then
    pages=$(tail -n +2 "$corpus/MANIFEST.tsv" | cut -f6 | paste -sd+ | bc)
    for form in pdf layout.txt; do
        for jobs in 1 "$(nproc)"; do
            s=$(date +%s%N)
            $cli check --jobs "$jobs" --no-join --format json "$corpus"/*."$form" >/dev/null || true
            e=$(date +%s%N)
            us=$(( (e - s) / 1000 ))
            echo "real corpus, $form, --jobs $jobs: $pages pages in $(( us / 1000 )) ms = $(( us / pages )) µs per page"
        done
    done
fi

# The generated corpus with every variation family mixed, in both layouts
# (issue 9): CPU time per document of one single-threaded check.  BENCH_CLI
# names another build to compare (e.g. one of an earlier commit).
vdir="$dir/varied"
/usr/bin/python3 tools/gen/gen_disclosure.py --out "$vdir" --docs 500 --seed 11 --vary all \
    --layout mixed >/dev/null
for c in $cli ${BENCH_CLI:-}; do
    /usr/bin/time -f "%U %S" -o "$dir/cpu" $c check --jobs 1 --format json "$vdir" >/dev/null || true
    cpu=$(awk '{ printf "%d", ($1 + $2) * 1000000 / 500 }' "$dir/cpu")
    echo "varied corpus (500 documents, --vary all --layout mixed), $c --jobs 1: ${cpu} µs CPU per document"
done
