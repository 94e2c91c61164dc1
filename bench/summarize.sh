#!/usr/bin/env bash
# Summary quality with the shared ROUGE-1.5.5 re-implementation (../shared/bench/score/rouge.py):
#  - Multi-News validation sample: `crossread summarize --words 300` per cluster, ROUGE F without
#    stemming (the authors' settings), beside the lead-300 baseline scored in the same run;
#  - DUC 2006: `crossread summarize --words 250 --query "<title>. <narrative>"` per topic over its
#    25 articles, ROUGE recall with DUC settings (stemming, jackknife over 4 references).
# Needs ../shared (not shipped with the repo).
#   bench/summarize.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=../shared/bench
[ -x "$build/crossread" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
[ -d "$shared/summarize" ] || { echo "no $shared/summarize: the benchmark data is not here" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$build/crossread" "$shared" "$tmp" <<'PY'
import glob, json, os, re, subprocess, sys
crossread, shared, tmp = sys.argv[1:4]

def summarize(articles, words, query=None):
    path = os.path.join(tmp, "in.jsonl")
    with open(path, "w") as f:
        for a in articles:
            f.write(json.dumps(a) + "\n")
    cmd = [crossread, "summarize", "--threads", "1", "--words", str(words), path]
    if query:
        cmd += ["--query", query]
    return subprocess.run(cmd, capture_output=True, text=True).stdout

def rouge(pairs, extra):
    path = os.path.join(tmp, "pairs.jsonl")
    with open(path, "w") as f:
        for p in pairs:
            f.write(json.dumps(p) + "\n")
    out = subprocess.run([sys.executable, os.path.join(shared, "score/rouge.py"), "--batch", path,
                          "--json"] + extra, capture_output=True, text=True).stdout
    for line in out.splitlines():
        row = json.loads(line)
        if row.get("id") == "MACRO_AVG":
            return row["scores"]
    raise SystemExit("rouge.py printed no MACRO_AVG")

# Multi-News
ours, lead = [], []
for line in open(os.path.join(shared, "summarize/multinews_val.jsonl")):
    c = json.loads(line)
    arts = [{"id": f"{c['event_id']}-{k}", "text": t} for k, t in enumerate(c["articles"]) if t.strip()]
    ours.append({"id": c["event_id"], "peer": summarize(arts, 300), "refs": [c["summary"]]})
    words = " ".join(c["articles"]).split()[:300]
    lead.append({"id": c["event_id"], "peer": " ".join(words), "refs": [c["summary"]]})
for name, pairs in (("crossread", ours), ("lead-300", lead)):
    m = rouge(pairs, ["--no-stem", "--split-sentences"])
    print(f"multinews_val {name:10s} R-1 F {100*m['ROUGE-1']['F']:.2f}  R-2 F {100*m['ROUGE-2']['F']:.2f}  "
          f"R-SU4 F {100*m['ROUGE-SU4']['F']:.2f}  ({len(pairs)} clusters)")

# DUC 2006
duc = os.path.join(shared, "summarize/duc2006")
topics = {}
for t in re.findall(r"<topic>(.*?)</topic>", open(os.path.join(duc, "duc2006_topics.sgml")).read(), re.S):
    num = re.search(r"<num>\s*(\S+)\s*</num>", t).group(1)
    title = re.search(r"<title>(.*?)</title>", t, re.S).group(1).strip()
    narr = " ".join(re.search(r"<narr>(.*?)</narr>", t, re.S).group(1).split())
    topics[num] = f"{title}. {narr}"
pairs = []
for num, query in sorted(topics.items()):
    arts = []
    for path in sorted(glob.glob(os.path.join(duc, "duc2006_docs", num, "*"))):
        doc = open(path, encoding="utf-8", errors="replace").read()
        paras = [" ".join(p.split()) for p in re.findall(r"<P>(.*?)</P>", doc, re.S)]
        if not paras:
            body = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S)
            paras = [" ".join(body.group(1).split())] if body else []
        date = re.search(r"<DATE_TIME>\s*(\d{4}-\d{2}-\d{2})", doc)
        head = re.search(r"<HEADLINE>(.*?)</HEADLINE>", doc, re.S)
        arts.append({"id": os.path.basename(path), "text": "\n\n".join(p for p in paras if p),
                     "published": date.group(1) if date else None,
                     "title": " ".join(head.group(1).split()) if head else None})
    refs = [open(r, encoding="utf-8", errors="replace").read() for r in sorted(glob.glob(os.path.join(duc, "NISTeval/ROUGE/models", num[:5] + ".M.250.*")))]
    pairs.append({"id": num, "peer": summarize(arts, 250, query), "refs": refs})
m = rouge(pairs, ["--words", "250"])
print(f"duc2006 crossread R-1 R {m['ROUGE-1']['R']:.4f}  R-2 R {m['ROUGE-2']['R']:.4f}  "
      f"R-SU4 R {m['ROUGE-SU4']['R']:.4f}  ({len(pairs)} topics; best system R-2 0.0951, median 0.0764)")
PY
