#!/usr/bin/env bash
# Scores `crossread annotate` on the raw PolNeAR dev texts against CoreNLP's silver annotations
# (../shared/bench/score/score_conllu.py: POS accuracy, entity F1, UAS/LAS, tokens matched by
# span), and times it. Needs ../shared (not shipped with the repo).
#   bench/linguistic.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=../shared/bench
texts="$shared/quotes/polnear/dev/text"
gold="$shared/linguistic/polnear_dev.conllu"
[ -x "$build/crossread" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
[ -d "$texts" ] || { echo "no $texts: the benchmark data is not here" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/time -f "%e %M" -o "$tmp/time" "$build/crossread" annotate --threads 1 "$texts" >"$tmp/pred.conllu"
read -r secs kb < <(tail -n 1 "$tmp/time")
tokens=$(grep -cv -e '^#' -e '^$' "$tmp/pred.conllu")
python3 "$shared/score/score_conllu.py" "$gold" "$tmp/pred.conllu"
awk -v t="$tokens" -v s="$secs" -v kb="$kb" \
  'BEGIN { printf "annotate, 1 thread: %d tokens in %.2f s = %.0f tokens/s (whole pipeline: read, clean, tokenize, tag, parse), peak RSS %.0f MiB\n", t, s, t / s, kb / 1024 }'
