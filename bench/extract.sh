#!/usr/bin/env bash
# Article extraction against ../shared/bench/extract/scrapinghub (181 real pages, body-only gold):
# 4-gram F1 of `crossread extract` with ../shared/bench/score/score_extraction.py, the time of the
# extraction alone per page (one thread, build-bench/crossread_extract_timing), and the same for
# @mozilla/readability with jsdom in the same run when it is installed
# (npm install --prefix bench/.node @mozilla/readability jsdom). Needs ../shared.
#   bench/extract.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/bench
pages="$shared/extract/scrapinghub/html"
gold="$shared/extract/scrapinghub/ground-truth.json"
[ -d "$pages" ] || { echo "no $pages: the benchmark data is not here" >&2; exit 1; }
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSREAD_BUILD_BENCH=ON \
  -DCROSSREAD_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build-bench/crossread extract "$pages" >"$tmp/out.jsonl" 2>"$tmp/errors" || true
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "text": d["text"]}))' "$tmp/out.jsonl" >"$tmp/crossread.jsonl"
systems=("$tmp/crossread.jsonl")
peer="(not installed)"
if [ -d bench/.node/node_modules/@mozilla/readability ]; then
  peer=$(NODE_PATH=bench/.node/node_modules node bench/readability_timing.js "$pages" \
    "$tmp/readability.jsonl" 3)
  systems+=("$tmp/readability.jsonl")
fi
echo "quality (4-gram F1 / precision / recall):"
python3 "$shared/score/score_extraction.py" "$gold" "${systems[@]}"
echo "timing, one thread (Readability.js includes jsdom building the DOM, as we include libxml2):"
echo "  crossread      $(build-bench/crossread_extract_timing "$pages" --repeat 5)"
echo "  readability.js $peer"
