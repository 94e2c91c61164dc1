#!/usr/bin/env python3
"""Writes a replay corpus for the store benchmarks: the shared clustering sets (JSONL) repeated
COPIES times, each copy with new article ids and its dates moved COPY * 60 days later (undated articles
taken as of 2020-01-01), so that
each copy forms stories of its own (the time decay keeps copies apart) and ingest sees a
growing collection, as it would over months.

    bench/replay.py COPIES OUT.jsonl FILE.jsonl...
"""
import datetime
import json
import sys


def shift(date, days):
    try:
        d = datetime.date.fromisoformat(date[:10])
    except (TypeError, ValueError):
        return date
    return (d + datetime.timedelta(days=days)).isoformat()


def main():
    copies, out, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    records = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    with open(out, "w", encoding="utf-8") as fh:
        for copy in range(copies):
            for r in records:
                r = dict(r)
                r["id"] = f"{r['id']}-r{copy}"
                # Undated articles (multinews_val) get a day, so that copies stay apart.
                r["published"] = shift(r.get("published") or "2020-01-01", 60 * copy)
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
