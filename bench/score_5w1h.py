#!/usr/bin/env python3
"""Overlap of crossread's 5W1H (`event` of a one-article brief) with the Giveme5W1H annotations
(../shared/bench/events/giveme5w1h/train). There is no official automatic scorer; this is the
usual proxy. Per article and question with an annotated answer:
  hit   the answer matches an annotated phrase: for `when`, the same day as the phrase's parsed
        date; otherwise a token F1 >= 0.5 with the phrase (lowercased \\w+ tokens)
  f1    the best token F1 with any annotated phrase, weighted by its coderPhraseCount / 3
A question crossread leaves empty scores 0. Prints per question: articles with an annotated
answer, answered, hit rate, precision of hits among answered, mean weighted F1.

usage: score_5w1h.py GOLD_DIR BRIEFS_DIR   (BRIEFS_DIR/<file>.json: crossread brief output)
"""
import glob
import json
import os
import re
import sys

TOK = re.compile(r'\w+', re.UNICODE)
QUESTIONS = ['who', 'what', 'when', 'where', 'why', 'how']


def tokens(s):
    return [t.lower() for t in TOK.findall(s or '')]


def f1(pred, gold):
    p, g = tokens(pred), tokens(gold)
    if not p or not g:
        return 0.0
    common = 0
    rest = list(g)
    for t in p:
        if t in rest:
            rest.remove(t)
            common += 1
    if common == 0:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)


def main():
    gold_dir, briefs_dir = sys.argv[1], sys.argv[2]
    stats = {q: [0, 0, 0, 0.0] for q in QUESTIONS}  # annotated, answered, hits, f1 sum
    for path in sorted(glob.glob(os.path.join(gold_dir, '*.json'))):
        gold = json.load(open(path, encoding='utf-8'))
        brief_path = os.path.join(briefs_dir, os.path.basename(path))
        event = {}
        if os.path.exists(brief_path):
            stories = json.load(open(brief_path, encoding='utf-8')).get('stories') or []
            if stories:
                event = stories[0].get('event') or {}
        for q in QUESTIONS:
            phrases = [a for a in gold['fiveWoneH'].get(q, {}).get('annotated', []) if a.get('text')]
            if not phrases:
                continue
            s = stats[q]
            s[0] += 1
            pred = event.get(q)
            if not pred:
                continue
            s[1] += 1
            if q == 'when':
                hit = any(str(a.get('parsed', ''))[:10] == str(pred)[:10] for a in phrases)
                best = 1.0 if hit else 0.0
            else:
                scores = [(f1(pred, a['text']), a.get('coderPhraseCount', 1) / 3) for a in phrases]
                best = max(sc * w for sc, w in scores)
                hit = any(sc >= 0.5 for sc, _ in scores)
            s[2] += hit
            s[3] += best
    print('%-6s %9s %9s %9s %14s %9s' % ('', 'annotated', 'answered', 'hit rate', 'hits/answered', 'mean F1'))
    for q in QUESTIONS:
        n, answered, hits, total = stats[q]
        print('%-6s %9d %9d %9.3f %14.3f %9.3f' % (q, n, answered, hits / max(1, n),
                                                  hits / max(1, answered), total / max(1, n)))


if __name__ == '__main__':
    main()
