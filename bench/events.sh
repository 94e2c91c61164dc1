#!/usr/bin/env bash
# 5W1H of one-article briefs against the Giveme5W1H annotations (76 train articles of
# ../shared/bench/events/giveme5w1h): each article is briefed alone and its story's `event`
# is scored by bench/score_5w1h.py. Needs ../shared.
#   bench/events.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
gold=../shared/bench/events/giveme5w1h/train
[ -d "$gold" ] || { echo "no $gold: the benchmark data is not here" >&2; exit 1; }
[ -x "$build/crossread" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$gold"/*.json; do
  name=$(basename "$f")
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps({"id": d["dId"], "title": d.get("title"), "text": d.get("text") or "",
                  "published": (d.get("date_publish") or "")[:10] or None,
                  "outlet": d.get("publisher")}))' "$f" >"$tmp/in.jsonl"
  "$build/crossread" brief "$tmp/in.jsonl" >"$tmp/$name" 2>/dev/null || true
done
python3 bench/score_5w1h.py "$gold" "$tmp"
