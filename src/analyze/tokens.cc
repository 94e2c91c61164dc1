// Tokenizer and sentence splitter.
//
// Tokens follow the Penn Treebank conventions news taggers are trained on: words keep inner
// hyphens, periods and ampersands ("30-day", "U.K", "AT&T"); a trailing period joins the word
// when the word is an abbreviation (in the lexicon, letter-dot sequences like "U.K.", or a
// single capital initial); clitics are split off ("do|n't", "we|'ll", "can|not", "Trump|'s").
// An ellipsis is one token; every other non-space character is a punctuation token.
//
// Sentences end at '.', '!', '?' (with closing quotes and brackets absorbed) when the next
// token opens a sentence (capital letter, digit, opening quote); after an abbreviation only
// when the next word is a common sentence opener ("U.S. The ..."); never after a title ("Mr.").
// Paragraphs (blank-line separated) always end sentences.
#include <algorithm>

#include "analyze/document.h"
#include "analyze/linguistic.h"
#include "common/lexicon.h"
#include "common/strings.h"
#include "common/utf8.h"

namespace crossread::analyze {

namespace {

bool IsWordChar(char32_t c) { return IsLetter(c) || IsDigit(c); }

char32_t PeekCp(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  return DecodeUtf8(text, &i);
}

bool IsTitleAbbrev(std::string_view word) {
  static constexpr std::string_view kTitles[] = {"Mr",  "Mrs", "Ms",  "Dr",   "Prof", "Sen",  "Rep",
                                                 "Gov", "Gen", "Lt",  "Col",  "Sgt",  "Capt", "Rev",
                                                 "St",  "Mt",  "Adm", "Maj",  "Hon",  "Cmdr", "Sr",
                                                 "Jr",  "No",  "vs",  "Pres", "Det",  "Insp"};
  return IsOneOf(word, kTitles);
}

bool IsLetterDotSequence(std::string_view w) {
  // "U.K", "U.S", "e.g", "D.C": letters (one or two) separated by periods.
  if (w.find('.') == std::string_view::npos) return false;
  size_t run = 0;
  for (char c : w) {
    if (c == '.') {
      if (run == 0 || run > 2) return false;
      run = 0;
    } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      ++run;
    } else {
      return false;
    }
  }
  return run >= 1 && run <= 2;
}

// Where a clitic starts in `word` ("don't" → 2, "we'll" → 2, "cannot" → 3), or 0.
uint32_t CliticStart(std::string_view word) {
  auto lower_ends = [&](std::string_view suffix) {
    if (word.size() <= suffix.size()) return false;
    for (size_t k = 0; k < suffix.size(); ++k) {
      char c = word[word.size() - suffix.size() + k];
      if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != suffix[k]) return false;
    }
    return true;
  };
  if (lower_ends("n't")) return static_cast<uint32_t>(word.size() - 3);
  for (std::string_view c : {"'ll", "'re", "'ve", "'m", "'d"}) {
    if (lower_ends(c)) return static_cast<uint32_t>(word.size() - c.size());
  }
  if (word.size() == 6 && (word[0] == 'c' || word[0] == 'C') && lower_ends("annot")) return 3;
  return 0;
}

}  // namespace

void Tokenize(Document* doc) {
  const std::string_view text = doc->article->text;
  const Lexicon& lex = Lexicon::Get();
  std::vector<Token>& out = doc->tokens;
  out.clear();
  out.reserve(text.size() / 5);
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t cp = DecodeUtf8(text, &i);
    if (IsSpace(cp)) continue;
    Token t;
    t.begin = static_cast<uint32_t>(start);
    if (!IsWordChar(cp)) {
      if (cp == '.' || cp == '-' || cp == '_' || cp == '*' || cp == '=') {
        while (i < text.size() && text[i] == static_cast<char>(cp)) ++i;  // "...", "--"
      }
      t.end = static_cast<uint32_t>(i);
      t.flags = kPunct;
      // "'s" possessive as one token.
      if (cp == '\'' && (PeekCp(text, i) == 's' || PeekCp(text, i) == 'S') &&
          !IsWordChar(PeekCp(text, i + 1))) {
        t.end = static_cast<uint32_t>(i + 1);
        t.flags = kWord;
        i += 1;
      }
      out.push_back(t);
      continue;
    }
    t.flags = kWord | (IsDigit(cp) ? uint32_t{kNumeric} : 0u) |
              (IsUpper(cp) ? uint32_t{kCapitalized} : 0u);
    bool all_caps = IsUpper(cp);
    int letters = IsLetter(cp) ? 1 : 0;
    while (i < text.size()) {
      size_t j = i;
      char32_t c = DecodeUtf8(text, &j);
      if (IsWordChar(c)) {
        if (IsLetter(c)) {
          ++letters;
          if (!IsUpper(c)) all_caps = false;
        }
        i = j;
        continue;
      }
      bool joiner = c == '\'' || c == '-' || c == '.' || c == '&' || c == '/' ||
                    ((c == ',' || c == ':') && IsDigit(cp));
      if (!joiner || !IsWordChar(PeekCp(text, j))) break;
      // A possessive "'s" ends the word.
      if (c == '\'' && (PeekCp(text, j) == 's' || PeekCp(text, j) == 'S') &&
          !IsWordChar(PeekCp(text, j + 1))) {
        break;
      }
      i = j;
    }
    t.end = static_cast<uint32_t>(i);
    if (all_caps && letters >= 2) t.flags |= kAllCaps;
    // Clitics are tokens of their own, as in the Penn Treebank: do|n't, we|'ll, can|not.
    if (uint32_t cut = CliticStart(text.substr(t.begin, t.end - t.begin)); cut > 0) {
      Token head = t;
      head.end = t.begin + cut;
      out.push_back(head);
      t.begin += cut;
      t.flags = kWord;
    }
    std::string_view word = text.substr(t.begin, t.end - t.begin);
    if (i < text.size() && text[i] == '.' && !(t.flags & kNumeric)) {
      bool initial = word.size() == 1 && IsUpper(cp);
      if (initial || IsLetterDotSequence(word) || lex.Is(word, Lex::kAbbreviation)) {
        t.end = static_cast<uint32_t>(++i);
        t.flags |= kAbbrev;
      }
    }
    out.push_back(t);
  }
}

void SplitSentences(Document* doc) {
  const std::string_view text = doc->article->text;
  const Lexicon& lex = Lexicon::Get();
  const std::vector<Token>& toks = doc->tokens;
  doc->sentences.clear();
  doc->paragraphs.clear();

  auto is_para_break = [&](uint32_t a_end, uint32_t b_begin) {
    return text.substr(a_end, b_begin - a_end).find("\n\n") != std::string_view::npos;
  };
  auto tok = [&](size_t k) { return text.substr(toks[k].begin, toks[k].end - toks[k].begin); };
  auto opens_sentence = [&](size_t k) {
    if (k >= toks.size()) return true;
    char32_t c = PeekCp(text, toks[k].begin);
    return IsUpper(c) || IsDigit(c) || c == '"' || c == '\'' || c == '(' || c == '[' || c == '-' ||
           c == 0x2014 || c == 0x2013 || c == 0x2022;
  };

  size_t sent_start = 0;
  bool in_quote = false;  // inside "..." within the paragraph
  auto close_sentence = [&](size_t end_tok) {
    if (end_tok <= sent_start) return;
    Sentence s;
    s.first_token = static_cast<uint32_t>(sent_start);
    s.end_token = static_cast<uint32_t>(end_tok);
    s.span = {toks[sent_start].begin, toks[end_tok - 1].end};
    doc->sentences.push_back(s);
    sent_start = end_tok;
  };

  for (size_t k = 0; k < toks.size(); ++k) {
    std::string_view w = tok(k);
    if (IsQuoteMark(w)) in_quote = !in_quote;
    bool para_end = k + 1 == toks.size() || is_para_break(toks[k].end, toks[k + 1].begin);
    bool end = false;
    if (w == "." || w == "!" || w == "?" || (toks[k].flags & kAbbrev)) {
      // Absorb closing quotes and brackets.
      size_t last = k;
      while (last + 1 < toks.size() && !para_end) {
        std::string_view n = tok(last + 1);
        bool closer = n == ")" || n == "]" || n == "'" || (IsQuoteMark(n) && in_quote);
        bool more_stops = n == "." || n == "!" || n == "?";
        if (!(closer || more_stops)) break;
        if (IsQuoteMark(n)) in_quote = false;
        ++last;
        para_end = last + 1 == toks.size() || is_para_break(toks[last].end, toks[last + 1].begin);
      }
      if (para_end) {
        k = last;
      } else if (toks[k].flags & kAbbrev) {
        std::string_view word = w.substr(0, w.size() - 1);
        std::string_view next = tok(last + 1);
        bool title = IsTitleAbbrev(word) || lex.Is(word, Lex::kMonthAbbr) ||
                     (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z');
        end = !title && lex.Is(next, Lex::kSentenceStarter);
        if (end) k = last;
      } else if (opens_sentence(last + 1)) {
        end = true;
        k = last;
      }
    }
    if (para_end) {
      close_sentence(k + 1);
      in_quote = false;
    } else if (end) {
      close_sentence(k + 1);
    }
  }
  close_sentence(toks.size());

  // Paragraphs: runs of sentences not separated by a blank line.
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    Sentence& sent = doc->sentences[s];
    bool new_para = s == 0 || is_para_break(doc->sentences[s - 1].span.end, sent.span.begin);
    if (new_para) {
      Paragraph p;
      p.span = sent.span;
      p.first_sentence = s;
      doc->paragraphs.push_back(p);
    }
    Paragraph& p = doc->paragraphs.back();
    p.span.end = sent.span.end;
    p.end_sentence = s + 1;
    sent.paragraph = static_cast<uint32_t>(doc->paragraphs.size() - 1);
  }
}

void TagPartsOfSpeech(Document* doc) {
  std::vector<std::string_view> words;
  for (uint32_t k = 0; k < doc->tokens.size(); ++k) words.push_back(doc->TokenText(k));
  doc->words = DescribeWords(words);
  doc->pos.clear();
  const Linguist* linguist = Linguist::Default();
  if (linguist == nullptr) return;
  doc->pos.reserve(doc->tokens.size());
  for (const Sentence& s : doc->sentences) {
    for (std::string& tag : linguist->TagPos(doc->Words(s.first_token, s.end_token))) {
      doc->pos.push_back(std::move(tag));
    }
  }
}

ByteSpan Document::SentenceSpan(uint32_t s) const {
  static constexpr std::string_view kMarkers[] = {"-", "_", "*", "\u2022", "\u2013", "\u2014"};
  ByteSpan span = sentences[s].span;
  const std::string_view text = Text(span);
  for (std::string_view m : kMarkers) {
    if (!text.starts_with(m)) continue;
    size_t first_word = text.find_first_not_of(' ', m.size());
    // Only before words: "-3 degrees" and "--" open no bullet.
    if (first_word == text.npos ||
        (first_word == m.size() && m.size() == 1 && !IsLetter(PeekCp(text, first_word)))) {
      break;
    }
    span.begin += static_cast<uint32_t>(first_word);
    break;
  }
  return span;
}

Document Analyze(const Article& article) {
  Document doc;
  doc.article = &article;
  Tokenize(&doc);
  SplitSentences(&doc);
  TagPartsOfSpeech(&doc);
  FindMentions(&doc);
  FindQuotes(&doc);
  // The models have run: their view of the words (96 bytes a token) is not kept.
  doc.words = std::vector<WordInfo>();
  FindDates(&doc);
  FindQuantities(&doc);
  return doc;
}

}  // namespace crossread::analyze
