#!/usr/bin/env bash
# Scale benchmark: a replay corpus of the three shared clustering sets, COPIES copies (default
# 73: 100,375 records), every copy after the first varied (bench/replay.py --vary: sentences
# dropped, figures changed, dates moved; each copy 1,600 days after the one before, longer than
# any event of the sets, so that the copies' events are different events), then
#   - `crossread cluster` over it, 2 threads: articles/s, peak RSS, and B3 against the replayed
#     gold (each copy's events are events of their own);
#   - with BRIEF=1, `crossread brief` over it, 2 threads: articles/s and peak RSS (about ten
#     minutes per 100,000 articles).
# Needs ../shared and python3.
#   bench/scale.sh [BUILD_DIR] [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
copies=${2:-73}
bin="$build/crossread"
shared=../shared/bench
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
[ -d "$shared/cluster" ] || { echo "no $shared/cluster: the benchmark data is not here" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 bench/replay.py --vary --days 1600 --gold "$tmp/gold.tsv" "$copies" "$tmp/replay.jsonl" \
  "$shared"/cluster/*.jsonl
n=$(wc -l <"$tmp/replay.jsonl")
bytes=$(wc -c <"$tmp/replay.jsonl")
echo "machine: $(nproc) cores; replay corpus: $n records, $((bytes / 1048576)) MiB of JSONL"

run() {  # run LABEL SUBCOMMAND OUTPUT
  local label=$1 sub=$2 out=$3
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" "$sub" --threads 2 "$tmp/replay.jsonl" \
    >"$out" 2>"$tmp/err" || true
  echo "$label: $(grep -c . "$tmp/err" || true) records reported unreadable (no text)"
  read -r secs kb < <(tail -n 1 "$tmp/time")
  awk -v l="$label" -v n="$n" -v s="$secs" -v kb="$kb" -v in_b="$bytes" 'BEGIN {
    printf "%s: %d articles in %.1f s = %.0f articles/s, peak RSS %.0f MiB (%.1f KB per article; %.1f KB beyond the JSONL read)\n",
      l, n, s, n / s, kb / 1024, kb * 1024 / n / 1000, (kb * 1024 - in_b) / n / 1000 }'
}

run cluster cluster "$tmp/pred.tsv"
python3 "$shared/score/score_clusters.py" "$tmp/gold.tsv" "$tmp/pred.tsv" | sed 's/^/  /'
if [ "${BRIEF:-0}" = 1 ]; then
  run brief brief /dev/null
fi
