#!/usr/bin/env bash
# Scores `crossread quotes` on PolNeAR's dev split (../shared/bench/score/score_quotes.py
# against citron_json/dev_single: Citron exact/overlap, GGT @0.3/@0.8, CofeNet exact/begin/
# Jaccard), checks the resolved speakers against CoreNLP's coreference chains of the same texts
# (bench/speakers.py), and times it on one thread over the dev texts and over 300 training texts (the
# whole command: read, clean, tokenize, tag, find entities, parse, tag attributions).
# Needs ../shared (not shipped with the repo).
#   bench/quotes.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
polnear=../shared/bench/quotes/polnear
[ -x "$build/crossread" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
[ -d "$polnear/dev/text" ] || { echo "no $polnear: the benchmark data is not here" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/crossread" quotes "$polnear/dev/text" >"$tmp/dev.jsonl"
python3 ../shared/bench/score/score_quotes.py "$polnear/citron_json/dev_single" "$tmp/dev.jsonl"
python3 bench/speakers.py "$tmp/dev.jsonl" ../shared/bench/linguistic
find "$polnear/train/text" -name '*.txt' | sort >"$tmp/all"
head -n 300 "$tmp/all" >"$tmp/list"
mapfile -t files <"$tmp/list"
words=$(cat "${files[@]}" | wc -w)
/usr/bin/time -f "%e %M" -o "$tmp/time" "$build/crossread" quotes --threads 1 "${files[@]}" >/dev/null
read -r secs kb < <(tail -n 1 "$tmp/time")
awk -v n="${#files[@]}" -v w="$words" -v s="$secs" -v kb="$kb" \
  'BEGIN { printf "quotes, 1 thread: %d articles (%.0f words each) in %.2f s = %.0f articles/s, peak RSS %.0f MiB\n", n, w / n, s, n / s, kb / 1024 }'
