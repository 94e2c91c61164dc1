#!/usr/bin/env bash
# End-to-end benchmark: `crossread brief` and `crossread cluster` over the shared clustering
# sets (../shared/bench/cluster/*.jsonl), reporting articles/s and peak RSS, and the clusters'
# BCubed F1 with the shared scorer. Needs ../shared (not shipped with the repo).
#   bench/end_to_end.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=../shared/bench
bin="$build/crossread"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
[ -d "$shared/cluster" ] || { echo "no $shared/cluster: the benchmark data is not here" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() {  # measure LABEL ARTICLES CMD...
  local label=$1 n=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/out" 2>/dev/null || true
  read -r secs kb < <(tail -n 1 "$tmp/time")
  awk -v l="$label" -v n="$n" -v s="$secs" -v kb="$kb" \
    'BEGIN { printf "%-34s %6d articles %7.2f s %9.0f articles/s %7.1f MiB peak RSS\n", l, n, s, (s > 0 ? n / s : 0), kb / 1024 }'
}

all="$tmp/all.jsonl"
cat "$shared"/cluster/*.jsonl >"$all"
n_all=$(wc -l <"$all")
echo "machine: $(nproc) cores, $(uname -m); crossread $("$bin" --version | awk '{print $2}')"
for set in basil giveme5w1h_events multinews_val; do
  f="$shared/cluster/$set.jsonl"
  n=$(wc -l <"$f")
  measure "brief $set" "$n" "$bin" brief "$f"
  measure "cluster $set" "$n" "$bin" cluster "$f"
  "$bin" cluster "$f" >"$tmp/$set.tsv" 2>/dev/null || true
  python3 "$shared/score/score_clusters.py" "$shared/cluster/$set.gold.tsv" "$tmp/$set.tsv" 2>/dev/null |
    grep -iE "bcubed|b3|clusters" | head -3 | sed "s/^/  $set: /"
done
measure "brief all three (one batch)" "$n_all" "$bin" brief "$all"
measure "brief all three, 1 thread" "$n_all" "$bin" brief --threads 1 "$all"
