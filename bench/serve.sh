#!/usr/bin/env bash
# Store and server benchmark: ingests a replay corpus of the shared clustering sets (COPIES
# copies, default 8: 11,000 articles) into a fresh store, then the examples on top
# (incremental), timing both phases of ingest (articles stored and clustered; briefs built);
# then serves the store and loads it with wrk (64 connections, DURATION seconds, default 10)
# on story pages, the story list API, story JSON and full-text search, reporting latency
# percentiles. Needs ../shared, wrk and python3.
#   bench/serve.sh [BUILD_DIR] [COPIES] [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
copies=${2:-8}
duration=${3:-10}
bin="$build/crossread"
shared=../shared/bench
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
[ -d "$shared/cluster" ] || { echo "no $shared/cluster: the benchmark data is not here" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/install-deps.sh)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
server=""

python3 bench/replay.py "$copies" "$tmp/replay.jsonl" "$shared"/cluster/*.jsonl
n=$(wc -l <"$tmp/replay.jsonl")
db="$tmp/store.db"
echo "machine: $(nproc) cores; crossread $("$bin" --version | awk '{print $2}'); replay corpus: $n records"

# Timestamps each progress line; the last line with 0 briefs built ends the storing phase.
timed_ingest() {  # timed_ingest LABEL PATH...
  local label=$1; shift
  local start; start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" ingest --db "$db" "$@" 2>&1 >/dev/null |
    while IFS= read -r line; do echo "$(date +%s.%N) $line"; done >"$tmp/log" || true
  local end; end=$(date +%s.%N)
  local stored_at; stored_at=$(grep ' 0 briefs built' "$tmp/log" | tail -n 1 | awk '{print $1}')
  local new; new=$(grep -o 'done: [0-9]*' "$tmp/log" | awk '{print $2}')
  local briefs; briefs=$(grep -o '[0-9]* briefs built$' "$tmp/log" | tail -n 1 | awk '{print $1}')
  awk -v l="$label" -v s="$start" -v m="${stored_at:-$start}" -v e="$end" -v n="${new:-0}" \
      -v b="${briefs:-0}" -v kb="$(tail -n 1 "$tmp/rss")" 'BEGIN {
    printf "%-22s %6d new articles: store+cluster %6.2f s (%6.0f articles/s), briefs %6.2f s (%d stories), total %6.2f s (%6.0f articles/s), peak RSS %.0f MiB\n",
      l, n, m - s, (m > s ? n / (m - s) : 0), e - m, b, e - s, n / (e - s), kb / 1024 }'
}
timed_ingest "ingest replay" "$tmp/replay.jsonl"
timed_ingest "ingest examples/ after" examples
timed_ingest "ingest replay again" "$tmp/replay.jsonl"
echo "store: $(du -h "$db" | cut -f1) ($(sqlite3 "$db" 'SELECT COUNT(*) FROM articles') articles, $(sqlite3 "$db" 'SELECT COUNT(*) FROM stories') stories)"

"$bin" serve --db "$db" --port 0 2>"$tmp/serve.err" &
server=$!
for _ in $(seq 50); do grep -q "serving on port" "$tmp/serve.err" && break; sleep 0.1; done
port=$(grep -o 'port [0-9]*' "$tmp/serve.err" | awk '{print $2}')
base="http://127.0.0.1:$port"
sqlite3 "$db" 'SELECT "/stories/" || id FROM stories ORDER BY random() LIMIT 2000' >"$tmp/pages"
sqlite3 "$db" 'SELECT "/api/stories/" || id FROM stories ORDER BY random() LIMIT 2000' >"$tmp/briefs"
for off in 0 50 100 500 1000; do echo "/api/stories?limit=50&offset=$off"; done >"$tmp/list"
for q in ceasefire election president court police trade climate Starmer; do echo "/api/search?q=$q"; done >"$tmp/search"
for set in pages briefs list search; do
  echo "wrk -c64 -t2 -d${duration}s: $set ($(head -n 1 "$tmp/$set") ...)"
  WRK_PATHS="$tmp/$set" wrk -c64 -t2 -d"${duration}s" --latency -s bench/wrk_paths.lua "$base" |
    grep -E "Latency  |50%|90%|99%|Requests/sec|Non-2xx|Socket errors" | sed 's/^/  /'
done
