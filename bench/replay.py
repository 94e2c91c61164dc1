#!/usr/bin/env python3
"""Writes a replay corpus for the scale benchmarks: the shared clustering sets (JSONL) repeated
COPIES times, each copy with new article ids and its dates moved COPY * DAYS later (default
60; undated articles taken as of 2020-01-01), so that each copy forms stories of its own (the
time decay keeps copies apart) and a stream sees a growing collection, as it would over months.

    bench/replay.py [--vary] [--days DAYS] [--gold GOLD.tsv] COPIES OUT.jsonl FILE.jsonl...

--vary changes every copy after the first as rewrites and updates change the news: about one
sentence in ten dropped, one figure in four changed, one date in four moved by a few days
(deterministic: seeded by the copy). --gold writes id<TAB>event for every record, the events of
FILE.gold.tsv (beside each FILE.jsonl) suffixed by the copy, for score_clusters.py: the copies
are different events only if DAYS exceeds the longest event (giveme5w1h_events has "events"
of up to 1,500 days).
"""
import datetime
import json
import os
import random
import re
import sys

SENTENCE_END = re.compile(r'(?<=[.!?])\s+(?=[A-Z"\u201c])')
FIGURE = re.compile(r'\b\d+(?:[.,]\d+)?\b')
DAY = re.compile(r'\b(January|February|March|April|May|June|July|August|September|October|'
                 r'November|December) (\d{1,2})\b')


def shift(date, days):
    try:
        d = datetime.date.fromisoformat(date[:10])
    except (TypeError, ValueError):
        return date
    return (d + datetime.timedelta(days=days)).isoformat()


def vary(text, rng):
    """The text with sentences dropped, figures changed and days moved, paragraphs kept."""
    paragraphs = []
    for para in text.split('\n\n'):
        sentences = SENTENCE_END.split(para)
        kept = [s for s in sentences if rng.random() >= 0.1] or sentences[:1]
        paragraphs.append(' '.join(kept))
    out = '\n\n'.join(paragraphs)

    def figure(m):
        if rng.random() >= 0.25:
            return m.group(0)
        digits = m.group(0).replace(',', '')
        try:
            value = float(digits)
        except ValueError:
            return m.group(0)
        changed = value * rng.choice((0.5, 0.8, 1.2, 1.5, 2.0))
        return str(int(round(changed))) if '.' not in digits else '%.1f' % changed

    def day(m):
        if rng.random() >= 0.25:
            return m.group(0)
        return '%s %d' % (m.group(1), max(1, min(28, int(m.group(2)) + rng.randint(-3, 3))))

    return DAY.sub(day, FIGURE.sub(figure, out))


def main():
    args = sys.argv[1:]
    varied, gold_out, days = False, None, 60
    while args and args[0].startswith('--'):
        flag = args.pop(0)
        if flag == '--vary':
            varied = True
        elif flag == '--gold':
            gold_out = args.pop(0)
        elif flag == '--days':
            days = int(args.pop(0))
        else:
            sys.exit('unknown option ' + flag)
    copies, out, files = int(args[0]), args[1], args[2:]
    records, events = [], {}
    for f in files:
        with open(f, encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
        gold = f[:-len('.jsonl')] + '.gold.tsv'
        if gold_out and os.path.exists(gold):
            with open(gold, encoding="utf-8") as fh:
                next(fh)
                events.update(line.rstrip('\n').split('\t') for line in fh if line.strip())
    gold_fh = open(gold_out, "w", encoding="utf-8") if gold_out else None
    if gold_fh:
        gold_fh.write("id\tevent_id\n")
    with open(out, "w", encoding="utf-8") as fh:
        for copy in range(copies):
            rng = random.Random(copy)
            for r in records:
                r = dict(r)
                if gold_fh and r['id'] in events:
                    gold_fh.write(f"{r['id']}-r{copy}\t{events[r['id']]}-r{copy}\n")
                r["id"] = f"{r['id']}-r{copy}"
                # Undated articles (multinews_val) get a day, so that copies stay apart.
                r["published"] = shift(r.get("published") or "2020-01-01", days * copy)
                if varied and copy > 0 and r.get("text"):
                    r["text"] = vary(r["text"], rng)
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if gold_fh:
        gold_fh.close()


if __name__ == "__main__":
    main()
