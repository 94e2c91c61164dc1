#!/usr/bin/env bash
# `crossread ingest` killed with SIGKILL at arbitrary moments: the store must stay whole, keep
# every commit the ingest reported, and a re-run must finish the job without storing anything
# twice. Needs the sqlite3 shell.
#   tests/ingest_kill_test.sh BIN
set -uo pipefail
bin="$1"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (scripts/install-deps.sh)"; exit 1; }
source "$(dirname "$0")/check.sh"

# 3,000 made-up articles on 300 topics (each topic its own vocabulary).
n=3000
awk -v n=$n 'BEGIN {
  srand(7); split("ka lo mi ru ten vo zan pe dor fi gu shal bre nim tos xe", syl, " ");
  for (i = 0; i < n; i++) {
    t = i % 300; text = "";
    for (w = 0; w < 120; w++) {
      k = (w * 7 + int(rand() * 5)) % 40;
      word = syl[(t * 3 + k) % 16 + 1] syl[(t + k * 5) % 16 + 1] syl[(t * 7 + k) % 16 + 1] t;
      text = text (w ? " " : "") word ((w % 12 == 11) ? "." : "");
    }
    printf "{\"id\":\"a%05d\",\"published\":\"2025-03-%02d\",\"text\":\"%s report %d.\"}\n", i, t % 28 + 1, text, i;
  }
}' > "$tmp/in.jsonl"

db="$tmp/store.db"
count() { sqlite3 "$db" "$1"; }
for round in 1 2 3; do
  "$bin" ingest --db "$db" --batch 40 --threads 2 "$tmp/in.jsonl" 2>"$tmp/err.$round" &
  pid=$!
  sleep "0.$((RANDOM % 6 + 3))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  reported=$(grep -o 'committed [0-9]*' "$tmp/err.$round" | tail -n 1 | awk '{print $2}')
  [ -f "$db" ] || { echo "FAIL round $round: no store written"; fail=1; continue; }
  check "round $round: store intact after kill -9" test "$(count 'PRAGMA integrity_check')" = ok
  stored=$(count 'SELECT COUNT(*) FROM articles')
  echo "     round $round: killed with ${reported:-0} articles reported committed, $stored stored"
  check "round $round: nothing reported done was lost" test "$stored" -ge "${reported:-0}"
done

"$bin" ingest --db "$db" --quiet "$tmp/in.jsonl"
check "re-run exits 0" test $? -eq 0
check "every article stored once" test "$(count 'SELECT COUNT(*), COUNT(DISTINCT id) FROM articles')" = "$n|$n"
check "stories count every article once" test "$(count 'SELECT SUM(articles) FROM stories')" = "$n"
check "full-text index holds every article" \
  test "$(count "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'report'")" = "$n"
check "every story has its brief" test "$(count 'SELECT COUNT(*) FROM stories WHERE built < version OR story IS NULL')" = 0
check "store intact" test "$(count 'PRAGMA integrity_check')" = ok
"$bin" ingest --db "$db" "$tmp/in.jsonl" 2>"$tmp/err.last"
check "a third run stores nothing" grep -q "done: 0 new articles" "$tmp/err.last"
[ "$fail" -eq 0 ] && echo "ingest kill: all checks passed"
exit "$fail"
