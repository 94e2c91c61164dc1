#!/usr/bin/env bash
# The command line's contract for bad input: "crossread: PATH: reason" on stderr, the rest of
# the run goes on, exit status 1; bad usage exits 2; output files appear whole or not at all.
set -uo pipefail
bin="$1"
src="$2"
source "$(dirname "$0")/check.sh"

: > "$tmp/empty.txt"
printf 'abc\0def' > "$tmp/binary.txt"
printf 'caf\xe9 au lait\n' > "$tmp/latin1.txt"
cp "$src/examples/001_6c14d685b7efe837.txt" "$tmp/good.txt"

"$bin" extract "$tmp/empty.txt" "$tmp/binary.txt" "$tmp/latin1.txt" "$tmp/missing.txt" \
  "$tmp/good.txt" >"$tmp/out.jsonl" 2>"$tmp/err.txt"
rc=$?
check "bad inputs exit 1" test "$rc" -eq 1
check "empty file named" grep -q "crossread: $tmp/empty.txt: empty file" "$tmp/err.txt"
check "binary file named" grep -q "crossread: $tmp/binary.txt: binary file" "$tmp/err.txt"
check "invalid UTF-8 named" grep -q "crossread: $tmp/latin1.txt: invalid UTF-8" "$tmp/err.txt"
check "missing path named" grep -q "crossread: $tmp/missing.txt: no such file" "$tmp/err.txt"
check "good file still read" test "$(wc -l < "$tmp/out.jsonl")" -eq 1

"$bin" brief "$src/examples" >/dev/null 2>&1
check "clean run exits 0" test $? -eq 0
"$bin" brief >/dev/null 2>&1
check "no path exits 2" test $? -eq 2
"$bin" frobnicate x >/dev/null 2>&1
check "unknown subcommand exits 2" test $? -eq 2
"$bin" brief --format pdf "$src/examples" >/dev/null 2>&1
check "unknown format exits 2" test $? -eq 2
"$bin" brief --help | grep -q "usage: crossread"
check "--help prints usage" test $? -eq 0

"$bin" brief --format md -o "$tmp/brief.md" "$src/examples" 2>/dev/null
check "-o writes the file" grep -q "crossread brief" "$tmp/brief.md"
check "-o leaves no temporary" test -z "$(ls "$tmp" | grep '\.tmp')"
"$bin" brief --format html -o "$tmp/site/" "$src/examples" 2>/dev/null
check "-o DIR writes index and story pages" test -f "$tmp/site/index.html" -a -f "$tmp/site/s1.html"
"$bin" brief -o "$tmp/brief.json" "$src/examples" 2>/dev/null
"$bin" brief "$src/examples" >"$tmp/brief.stdout.json" 2>/dev/null
check "brief JSON streamed to -o equals stdout" cmp -s "$tmp/brief.json" "$tmp/brief.stdout.json"
check "brief JSON is whole" test "$(tail -c 2 "$tmp/brief.json")" = "}"
"$bin" brief -o "$tmp/nodir/x.json" "$src/examples" 2>/dev/null
check "unwritable output exits 1" test $? -eq 1

printf '{"id":"a","text":"Hello world. This is a test article."}\nnot json\n' |
  "$bin" extract - >"$tmp/stdin.jsonl" 2>"$tmp/stdin.err"
check "stdin JSONL: bad line exits 1" test $? -eq 1
check "stdin JSONL: bad line named" grep -q "crossread: -:2: invalid JSON" "$tmp/stdin.err"
check "stdin JSONL: good line read" grep -q '"id":"a"' "$tmp/stdin.jsonl"

# A path that is a pipe, not a regular file (it has no size to read up front).
"$bin" extract <(cat "$tmp/good.txt") >"$tmp/pipe.jsonl" 2>"$tmp/pipe.err"
check "a pipe given as a path is read" grep -q '"text":' "$tmp/pipe.jsonl"

"$bin" annotate "$src/examples/002_d908cffa983cbaf0.txt" >"$tmp/ann.conllu" 2>/dev/null
check "annotate exits 0" test $? -eq 0
check "annotate writes ten columns with spans" \
  awk -F'\t' '!/^#/ && NF { if (NF != 10 || $10 !~ /^NER=[A-Z-]+\|Span=[0-9]+-[0-9]+$/) bad = 1 } END { exit bad }' "$tmp/ann.conllu"
check "annotate finds Starmer a person" grep -qP '\tStarmer\t.*NER=[BI]-PERSON' "$tmp/ann.conllu"

if [ "$fail" -eq 0 ]; then echo "cli: all checks passed"; fi
exit "$fail"
