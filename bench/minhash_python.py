#!/usr/bin/env python3
"""A straightforward Python MinHash, the peer of crossread's (bench/minhash.sh): lowercased
words, 5-word shingles hashed with blake2b to 64 bits, 128 permutations as (a*x + b) mod
(2^61 - 1), as datasketch defines them, in plain Python. Prints articles per second.

usage: minhash_python.py ARTICLES.jsonl
"""
import hashlib
import json
import random
import re
import sys
import time

PRIME = (1 << 61) - 1
MAX = (1 << 32) - 1
WORD = re.compile(r"\w+(?:'\w+)*")


def shingles(text, n=5):
    words = WORD.findall(text.lower())
    if len(words) < n:
        return {' '.join(words)}
    return {' '.join(words[i:i + n]) for i in range(len(words) - n + 1)}


def signature(text, perms):
    hashes = [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), 'little')
              for s in shingles(text)]
    return [min(((a * h + b) % PRIME) & MAX for h in hashes) for a, b in perms]


def main():
    texts = [json.loads(line).get('text') or '' for line in open(sys.argv[1], encoding='utf-8')]
    rng = random.Random(1)
    perms = [(rng.randrange(1, PRIME), rng.randrange(0, PRIME)) for _ in range(128)]
    start = time.perf_counter()
    for t in texts:
        signature(t, perms)
    secs = time.perf_counter() - start
    print('python minhash: %d articles in %.2f s = %.1f articles/s' % (len(texts), secs, len(texts) / secs))


if __name__ == '__main__':
    main()
