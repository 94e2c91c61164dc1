#!/usr/bin/env python3
"""Writes data/supersenses.tsv from WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet).

Each line is `v<TAB>lemma<TAB>N` or `n<TAB>lemma<TAB>N`: N is the lexicographer file (the
supersense: 32 = verb.communication, 31 = verb.cognition, 10 = noun.communication...) of the
lemma's first, most frequent sense. Verbs are all kept; nouns only where that sense is a
communication (10), a cognition (9) or a person (18): what tells a cue ("statement",
"belief") or a source ("spokesman") apart. The attribution tagger reads it as a feature.

  scripts/make_supersenses.py [WORDNET_DIR] > data/supersenses.tsv
"""
import sys

NOUN_FILES = {9, 10, 18}


def first_senses(wordnet, pos):
    lexfile = {}
    with open('%s/data.%s' % (wordnet, pos), encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue
            fields = line.split(' ', 2)
            lexfile[fields[0]] = int(fields[1])
    out = {}
    with open('%s/index.%s' % (wordnet, pos), encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue
            fields = line.split()
            lemma, synsets = fields[0], int(fields[2])
            if '_' in lemma:
                continue  # one-word lemmas: the tagger looks at single tokens
            out[lemma] = lexfile[fields[-synsets]]
    return out


def main():
    wordnet = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/wordnet'
    lines = ['v\t%s\t%d' % (lemma, n) for lemma, n in sorted(first_senses(wordnet, 'verb').items())]
    lines += ['n\t%s\t%d' % (lemma, n) for lemma, n in sorted(first_senses(wordnet, 'noun').items())
              if n in NOUN_FILES]
    sys.stdout.write('# WordNet 3.0 supersenses of first senses (scripts/make_supersenses.py); '
                     'WordNet licence: see data/README.md\n')
    sys.stdout.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
