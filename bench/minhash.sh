#!/usr/bin/env bash
# MinHash signatures (128 permutations, 5-word shingles) of the multinews_val articles, one
# thread: crossread's (build-bench/crossread_bench) against a straightforward Python MinHash
# (bench/minhash_python.py) in the same run. Needs ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=../shared/bench/cluster/multinews_val.jsonl
[ -f "$articles" ] || { echo "no $articles: the benchmark data is not here" >&2; exit 1; }
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSREAD_BUILD_BENCH=ON \
  -DCROSSREAD_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench --target crossread_bench >/dev/null
CROSSREAD_ARTICLES="$articles" build-bench/crossread_bench --benchmark_filter=MinHash 2>/dev/null |
  grep MinHash
python3 bench/minhash_python.py "$articles"
