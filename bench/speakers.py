#!/usr/bin/env python3
"""Checks the speakers `crossread quotes` resolves against CoreNLP's coreference chains of the
same texts (../shared/bench/linguistic/polnear_dev.coref.jsonl, silver, not gold).

For each quote whose source span overlaps a chain mention, the chain's names are the words of
its mentions that CoreNLP tagged PERSON, ORGANIZATION or LOCATION. A resolved speaker agrees
when one of its words is among them ("Hillary Clinton" for a chain holding "Clinton" and
"she"). Quotes are counted by the kind of source: a name, a pronoun, or another phrase (a
nominal: "the prime minister"). Chains without a name are left out: there is nothing to agree
with.

    bench/speakers.py QUOTES.jsonl [LINGUISTIC_DIR]

For error analysis, SHOW=name|pronoun|nominal prints the quotes of that kind whose speaker
disagrees with their chain, and SHOW=<kind>-unresolved those given no speaker.
"""
import collections
import json
import os
import sys

PRONOUNS = {"he", "she", "it", "they", "i", "we", "you", "him", "her", "them"}
NAMED = {"PERSON", "ORGANIZATION", "LOCATION"}


def read_conllu(path):
    """doc_id -> list of sentences, each a list of (start, end, form, ner) per token."""
    docs, doc, sent = {}, None, None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc = docs.setdefault(line[len("# newdoc id = "):], [])
            elif line.startswith("# sent_id"):
                sent = []
                doc.append(sent)
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
                b, e = (int(x) for x in misc["Span"].split("-"))
                sent.append((b, e, cols[1], misc.get("NER", "O")))
    return docs


def main():
    quotes_path = sys.argv[1]
    ling = sys.argv[2] if len(sys.argv) > 2 else "../shared/bench/linguistic"
    sents = read_conllu(os.path.join(ling, "polnear_dev.conllu"))
    chains = {}
    with open(os.path.join(ling, "polnear_dev.coref.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            chains[d["doc_id"]] = d["chains"]
    flat = {doc: [t for sent in ss for t in sent] for doc, ss in sents.items()}
    count = collections.Counter()
    show = os.environ.get("SHOW")
    with open(quotes_path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            doc = d["doc_id"]
            if doc not in chains or doc not in sents:
                continue
            spans = []  # per chain: [(begin, end)] and its names
            for chain in chains[doc]:
                mentions, names = [], set()
                for m in chain:
                    toks = sents[doc][m["sent"] - 1][m["start"] - 1:m["end"] - 1]
                    if not toks:
                        continue
                    mentions.append((toks[0][0], toks[-1][1]))
                    names.update(t[2].lower() for t in toks if t[3] in NAMED)
                spans.append((mentions, names))
            for q in d["quotes"]:
                if not q["sources"]:
                    continue
                src = q["sources"][0]
                words = src["text"].lower().split()
                named = any(t[3] in NAMED for t in flat[doc]
                            if t[0] < src["end"] and src["start"] < t[1])
                kind = ("pronoun" if len(words) == 1 and words[0] in PRONOUNS else
                        "name" if named else "nominal")
                # The chain of the mention that covers most of the source (the whole noun
                # phrase, not a name nested in it: "Kenneth Baer, a former Obama aide").
                chain, best = None, 0
                for m, n in spans:
                    for b, e in m:
                        covered = min(e, src["end"]) - max(b, src["start"])
                        if covered > best:
                            chain, best = (m, n), covered
                if chain is None or not chain[1]:
                    continue
                count[kind, "quotes"] += 1
                speaker = (q.get("speaker") or "").lower().split()
                if show == kind + "-unresolved" and not speaker:
                    print(kind, "|", src["text"], "|", sorted(chain[1])[:6])
                if speaker:
                    count[kind, "resolved"] += 1
                    agree = any(w in chain[1] for w in speaker)
                    count[kind, "agree"] += agree
                    if show == kind and not agree:
                        print(kind, "|", src["text"], "|", q["speaker"], "|", sorted(chain[1])[:6])
    print("%-8s %7s %9s %7s %9s" % ("source", "quotes", "resolved", "agree", "agree %"))
    for kind in ("name", "pronoun", "nominal"):
        n, r, a = count[kind, "quotes"], count[kind, "resolved"], count[kind, "agree"]
        print("%-8s %7d %8.1f%% %7d %8.1f%%" % (kind, n, 100 * r / max(1, n), a, 100 * a / max(1, r)))


if __name__ == "__main__":
    main()
