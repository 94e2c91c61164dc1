#!/usr/bin/env python3
"""Writes data/genders.tsv: first names with the pronouns news text uses for their bearers,
learned from CoreNLP's coreference chains of the PolNeAR training articles
(../shared/bench/linguistic/polnear_train.{conllu,coref.jsonl}; silver annotations).

A chain that holds a person's full name (two or more tokens tagged PERSON) and only "he"-type
or only "she"-type pronouns is a vote for the first token of that name. A name is kept with at
least 2 votes, 90% of them one way. The file holds names and a letter, no text of the articles.

    scripts/make_genders.py [LINGUISTIC_DIR] > data/genders.tsv
"""
import collections
import json
import os
import sys

HE = {"he", "him", "his", "himself"}
SHE = {"she", "her", "hers", "herself"}


def main():
    ling = sys.argv[1] if len(sys.argv) > 1 else "../shared/bench/linguistic"
    sents, doc = {}, None
    with open(os.path.join(ling, "polnear_train.conllu"), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc = sents.setdefault(line[len("# newdoc id = "):], [])
            elif line.startswith("# sent_id"):
                doc.append([])
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                ner = next((kv[4:] for kv in cols[9].split("|") if kv.startswith("NER=")), "O")
                doc[-1].append((cols[1], ner))
    votes = collections.defaultdict(collections.Counter)
    with open(os.path.join(ling, "polnear_train.coref.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["doc_id"] not in sents:
                continue
            for chain in d["chains"]:
                pronouns, firsts = set(), set()
                for m in chain:
                    toks = sents[d["doc_id"]][m["sent"] - 1][m["start"] - 1:m["end"] - 1]
                    words = [w.lower() for w, _ in toks]
                    if len(words) == 1 and words[0] in HE:
                        pronouns.add("m")
                    elif len(words) == 1 and words[0] in SHE:
                        pronouns.add("f")
                    person = [w for w, ner in toks if ner == "PERSON"]
                    if len(person) >= 2 and person[0].isalpha() and person[0][0].isupper():
                        firsts.add(person[0])
                if len(pronouns) == 1:
                    for first in firsts:
                        votes[first][next(iter(pronouns))] += 1
    print("# First names and the pronouns used for them (m: he, f: she), learned by")
    print("# scripts/make_genders.py from CoreNLP coreference chains of PolNeAR's training articles.")
    for name in sorted(votes):
        (gender, n), total = votes[name].most_common(1)[0], sum(votes[name].values())
        if total >= 2 and n >= 0.9 * total:
            print(f"{name}\t{gender}")


if __name__ == "__main__":
    main()
