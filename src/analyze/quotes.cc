// Quotes and their speakers (v0: patterns over tokens and mentions).
//
// Marked quotes: '"' tokens pair up inside a paragraph (an unclosed one runs to the paragraph
// end). Each quoted span looks for its cue after the closing mark (`," Starmer said`,
// `," said Starmer`, `," he added`) and then before the opening mark (`Starmer told
// reporters: "`, `Starmer said Putin will "sooner or later"`); spans that share a cue are one
// attribution with several contents. A quote that opens a paragraph with no cue continues the
// previous paragraph's speaker. Unmarked quotes: a paragraph without marks whose last sentence
// ends in `, he said.` / `, said Starmer from London.` is that speaker's words. Indirect
// quotes: `Putin said Russia supported ...` and `According to Downing Street, ...`.
//
// Sources are a name mention, a pronoun or a nominal ("the prime minister"); pronouns resolve
// to the previous quote's speaker within three paragraphs, else to the first person named in
// the nearest sentence before; nominals to the latest person whose title contains the role.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "analyze/document.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace crossread::analyze {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr uint32_t kMaxUnmarkedCueClause = 10;  // tokens from the comma to the sentence end
constexpr uint32_t kPronounWindowParagraphs = 3;
constexpr uint32_t kMaxTitleTokens = 4;  // "U.S. Secretary of State" before a name

struct Source {
  ByteSpan span;
  uint32_t first_token = kNone, end_token = kNone;
  std::string speaker;
};

struct QuoteMark {
  uint32_t open = kNone;   // token index of the opening '"'
  uint32_t close = kNone;  // token index of the closing '"', or the paragraph's end token
};

class QuoteFinder {
 public:
  explicit QuoteFinder(Document* doc) : doc_(doc), lex_(Lexicon::Get()) {
    for (uint32_t i = 0; i < doc_->mentions.size(); ++i) {
      mention_by_first_[doc_->mentions[i].first_token] = i;
      mention_by_end_[doc_->mentions[i].end_token] = i;
    }
    token_sentence_.resize(doc_->tokens.size());
    for (uint32_t s = 0; s < doc_->sentences.size(); ++s) {
      for (uint32_t k = doc_->sentences[s].first_token; k < doc_->sentences[s].end_token; ++k) {
        token_sentence_[k] = s;
      }
    }
    in_quote_.assign(doc_->tokens.size(), false);
  }

  void Run() {
    for (uint32_t p = 0; p < doc_->paragraphs.size(); ++p) {
      const Paragraph& para = doc_->paragraphs[p];
      uint32_t first = doc_->sentences[para.first_sentence].first_token;
      uint32_t end = doc_->sentences[para.end_sentence - 1].end_token;
      std::vector<QuoteMark> marks = PairMarks(first, end);
      if (marks.empty()) {
        if (!Unmarked(p)) Indirect(p);
      } else {
        Marked(p, marks);
      }
    }
  }

 private:
  std::string_view Tok(uint32_t k) const { return doc_->TokenText(k); }
  bool IsCue(uint32_t k) const { return lex_.Is(AsciiLower(Tok(k)), Lex::kCue); }
  bool IsAux(uint32_t k) const {
    std::string w = AsciiLower(Tok(k));
    return w == "has" || w == "had" || w == "have" || w == "will" || w == "would" || w == "also" ||
           w == "later" || w == "then" || w == "previously" || w == "repeatedly";
  }
  uint32_t SentenceStart(uint32_t k) const {
    return doc_->sentences[token_sentence_[k]].first_token;
  }
  uint32_t SentenceEnd(uint32_t k) const { return doc_->sentences[token_sentence_[k]].end_token; }

  std::vector<QuoteMark> PairMarks(uint32_t first, uint32_t end) {
    std::vector<QuoteMark> marks;
    QuoteMark cur;
    for (uint32_t k = first; k < end; ++k) {
      if (Tok(k) != "\"" && Tok(k) != "''") continue;  // '' is a double quote in some styles
      if (cur.open == kNone) {
        cur.open = k;
      } else {
        cur.close = k;
        marks.push_back(cur);
        cur = QuoteMark();
      }
    }
    if (cur.open != kNone && cur.open + 1 < end) {
      cur.close = end;
      marks.push_back(cur);
    }
    for (const QuoteMark& m : marks) {
      for (uint32_t k = m.open; k < m.close && k < in_quote_.size(); ++k) in_quote_[k] = true;
    }
    return marks;
  }

  // The content between the marks, without a trailing comma.
  ByteSpan Content(const QuoteMark& m) const {
    uint32_t b = m.open + 1, e = m.close;
    while (e > b && (Tok(e - 1) == "," || Tok(e - 1) == "\"" || Tok(e - 1) == "''")) --e;
    if (e <= b) return {};
    return {doc_->tokens[b].begin, doc_->tokens[e - 1].end};
  }

  // A source starting at token k: a mention, a pronoun, or "the [adj] role".
  // A source starting at token k: a mention (after its titles: "Prime Minister Keir Starmer"),
  // a pronoun, or "the [adj] role".
  std::optional<Source> SourceAt(uint32_t k, uint32_t limit) const {
    if (k >= limit) return std::nullopt;
    for (uint32_t j = k; j < limit && j <= k + kMaxTitleTokens; ++j) {
      if (auto it = mention_by_first_.find(j); it != mention_by_first_.end()) {
        const Mention& m = doc_->mentions[it->second];
        if (m.type == "PLACE" && m.name != "Downing Street") return std::nullopt;
        return Source{m.span, m.first_token, m.end_token, m.name};
      }
      if (!(doc_->tokens[j].flags & kCapitalized)) break;
    }
    return PronounOrNominal(k, limit);
  }

  // A source ending just before token k.
  std::optional<Source> SourceBefore(uint32_t k, uint32_t floor) const {
    if (k <= floor) return std::nullopt;
    if (auto it = mention_by_end_.find(k); it != mention_by_end_.end()) {
      const Mention& m = doc_->mentions[it->second];
      if (m.type == "PLACE" && m.name != "Downing Street") return std::nullopt;
      if (m.first_token >= floor) return Source{m.span, m.first_token, m.end_token, m.name};
    }
    // pronoun right before, or a nominal of up to four tokens.
    for (uint32_t len = 1; len <= 4 && len <= k - floor; ++len) {
      if (auto s = PronounOrNominal(k - len, k); s && s->end_token == k) return s;
    }
    return std::nullopt;
  }

  std::optional<Source> PronounOrNominal(uint32_t k, uint32_t limit) const {
    std::string w = AsciiLower(Tok(k));
    if (w == "he" || w == "she" || w == "they") {
      return Source{{doc_->tokens[k].begin, doc_->tokens[k].end}, k, k + 1, ""};
    }
    if (w != "the" && w != "a") return std::nullopt;
    // "the prime minister", "the Russian leader", "the British prime minister"
    for (uint32_t n = 1; n <= 3 && k + n < limit; ++n) {
      std::string last = AsciiLower(Tok(k + n));
      std::string last2 = n >= 2 ? AsciiLower(Tok(k + n - 1)) + " " + last : "";
      if (lex_.Is(last, Lex::kRole) || (!last2.empty() && lex_.Is(last2, Lex::kRole))) {
        return Source{{doc_->tokens[k].begin, doc_->tokens[k + n].end}, k, k + n + 1, ""};
      }
      if (!(doc_->tokens[k + n].flags & kWord)) break;
    }
    return std::nullopt;
  }

  // Names the speaker of a pronoun or nominal source at token k of paragraph p.
  std::string Resolve(const Source& src, uint32_t k, uint32_t p) const {
    if (!src.speaker.empty()) return src.speaker;
    std::string w = AsciiLower(Tok(src.first_token));
    if (w == "they") return "";
    if (w == "he" || w == "she") {
      if (last_speaker_ && p - last_speaker_para_ <= kPronounWindowParagraphs) return *last_speaker_;
      // The first person named (outside quotes) in the nearest sentence before.
      int s = static_cast<int>(token_sentence_[k]);
      for (; s >= 0; --s) {
        const Mention* first = nullptr;
        for (const Mention& m : doc_->mentions) {
          if (m.sentence != static_cast<uint32_t>(s) || m.type != "PERSON") continue;
          if (m.first_token >= k || in_quote_[m.first_token]) continue;
          if (!first || m.first_token < first->first_token) first = &m;
        }
        if (first) return first->name;
      }
      return "";
    }
    // A nominal: the latest person whose title holds its head noun.
    std::string role = AsciiLower(doc_->Text(src.span));
    role = role.substr(role.find(' ') + 1);
    const Mention* best = nullptr;
    for (const Mention& m : doc_->mentions) {
      if (m.first_token >= k || m.type != "PERSON" || m.description.empty()) continue;
      std::string desc = AsciiLower(m.description);
      std::string head = role.substr(role.rfind(' ') == std::string::npos ? 0 : role.rfind(' ') + 1);
      if (desc.find(role) != std::string::npos || desc.find(head) != std::string::npos) best = &m;
    }
    return best ? best->name : "";
  }

  void Add(Attribution a, uint32_t p) {
    a.paragraph = p;
    if (!a.speaker.empty()) {
      last_speaker_ = a.speaker;
      last_speaker_para_ = p;
    }
    doc_->quotes.push_back(std::move(a));
  }

  // Cue after the closing mark: `," Starmer said` / `," said Starmer` / `," he added`.
  bool CueAfter(uint32_t close, uint32_t* cue, Source* src) const {
    uint32_t k = close + 1;
    uint32_t end = k < doc_->tokens.size() ? SentenceEnd(k) : k;
    if (close < doc_->tokens.size()) end = std::max(end, SentenceEnd(close));
    while (k < end && (Tok(k) == "," || Tok(k) == "-")) ++k;
    if (k >= end) return false;
    if (auto s = SourceAt(k, end)) {
      uint32_t c = s->end_token;
      while (c < end && IsAux(c)) ++c;
      if (c < end && IsCue(c)) {
        *cue = c;
        *src = *s;
        return true;
      }
    }
    if (IsCue(k)) {
      if (auto s = SourceAt(k + 1, end)) {
        *cue = k;
        *src = *s;
        return true;
      }
    }
    return false;
  }

  // The subject of the sentence: its first source (outside quotes) before token `limit`.
  std::optional<Source> Subject(uint32_t floor, uint32_t limit) const {
    for (uint32_t k = floor; k < limit; ++k) {
      if (in_quote_[k]) continue;
      if (auto s = SourceAt(k, limit)) return s;
    }
    return std::nullopt;
  }

  // Cue before the opening mark, in its sentence: `Starmer told reporters: "`. A participle
  // or coordinated cue (`..., saying`, `and accuses`) takes the sentence's subject.
  bool CueBefore(uint32_t open, uint32_t* cue, Source* src) const {
    uint32_t floor = SentenceStart(open);
    for (uint32_t c = open; c-- > floor;) {
      if (in_quote_[c] || !IsCue(c)) continue;
      uint32_t b = c;
      while (b > floor && IsAux(b - 1)) --b;
      std::optional<Source> s = SourceBefore(b, floor);
      if (!s && c + 1 < open) {  // `said Starmer: "`
        s = SourceAt(c + 1, open);
        if (s && s->end_token < open && Tok(s->end_token) != ":" && Tok(s->end_token) != ",") {
          s.reset();
        }
      }
      std::string w = AsciiLower(Tok(c));
      bool chained = EndsWith(w, "ing") || (b > floor && (Tok(b - 1) == "," || AsciiLower(Tok(b - 1)) == "and"));
      if (!s && b > floor + 1 && Tok(b - 1) == ",") s = SourceBefore(b - 1, floor);  // apposition
      if (!s && chained) s = Subject(floor, b);
      if (s) {
        *cue = c;
        *src = *s;
        return true;
      }
    }
    return false;
  }

  void Marked(uint32_t p, const std::vector<QuoteMark>& marks) {
    const Paragraph& para = doc_->paragraphs[p];
    uint32_t para_first = doc_->sentences[para.first_sentence].first_token;
    std::vector<Attribution> found;
    std::vector<uint32_t> cues;
    for (const QuoteMark& m : marks) {
      ByteSpan content = Content(m);
      if (content.empty()) continue;
      uint32_t words = 0;
      for (uint32_t k = m.open + 1; k < m.close; ++k) words += (doc_->tokens[k].flags & kWord) != 0;
      uint32_t cue = kNone;
      Source src;
      uint32_t sent_first = SentenceStart(m.open);
      bool opens_sentence = m.open == sent_first ||
                            (m.open == sent_first + 1 && (doc_->tokens[sent_first].flags & kPunct)) ||
                            Tok(m.open - 1) == ":";
      // A cue after the closing mark speaks for the quote only when the quote opens the
      // sentence: in `what he termed the "coalition," Starmer said ...` it does not.
      bool after = opens_sentence && CueAfter(m.close, &cue, &src);
      bool before = !after && CueBefore(m.open, &cue, &src);
      if (!after && !before) {
        if (m.open == para_first && last_speaker_ && p - last_speaker_para_ <= 1 && words >= 3) {
          Attribution a;
          a.contents.push_back(content);
          a.speaker = *last_speaker_;
          a.kind = "direct";
          Add(std::move(a), p);
        }
        continue;
      }
      if (words < 2) continue;  // a scare-quoted word, not speech
      // Spans sharing a cue join one attribution: `"A," he said, "B."`.
      auto same = std::find(cues.begin(), cues.end(), cue);
      if (same != cues.end()) {
        found[same - cues.begin()].contents.push_back(content);
        continue;
      }
      Attribution a;
      a.contents.push_back(content);
      a.cue = {doc_->tokens[cue].begin, doc_->tokens[cue].end};
      a.source = src.span;
      a.speaker = Resolve(src, src.first_token, p);
      bool direct_before = before && (Tok(m.open - 1) == ":" || Tok(m.open - 1) == ",") &&
                           m.open - cue <= 4;
      a.kind = (after && opens_sentence) || direct_before ? "direct" : "partial";
      cues.push_back(cue);
      found.push_back(std::move(a));
      if (!found.back().speaker.empty()) {
        last_speaker_ = found.back().speaker;
        last_speaker_para_ = p;
      }
    }
    for (Attribution& a : found) Add(std::move(a), p);
  }

  // `..., he said.` closing a paragraph without quote marks.
  bool Unmarked(uint32_t p) {
    const Paragraph& para = doc_->paragraphs[p];
    const Sentence& last = doc_->sentences[para.end_sentence - 1];
    uint32_t end = last.end_token;
    while (end > last.first_token && (doc_->tokens[end - 1].flags & kPunct)) --end;
    for (uint32_t comma = end; comma-- > last.first_token;) {
      if (end - comma > kMaxUnmarkedCueClause) break;
      if (Tok(comma) != ",") continue;
      uint32_t cue = kNone;
      Source src;
      uint32_t k = comma + 1;
      if (auto s = SourceAt(k, end)) {
        uint32_t c = s->end_token;
        while (c < end && IsAux(c)) ++c;
        if (c < end && IsCue(c) && c + 3 >= end) {
          cue = c;
          src = *s;
        }
      }
      if (cue == kNone && k < end && IsCue(k)) {
        if (auto s = SourceAt(k + 1, end)) {
          cue = k;
          src = *s;
        }
      }
      if (cue == kNone) continue;
      uint32_t first = doc_->sentences[para.first_sentence].first_token;
      if (comma - first < 4) return false;
      Attribution a;
      a.contents.push_back({doc_->tokens[first].begin, doc_->tokens[comma - 1].end});
      a.cue = {doc_->tokens[cue].begin, doc_->tokens[cue].end};
      a.source = src.span;
      a.speaker = Resolve(src, src.first_token, p);
      a.kind = "unmarked";
      Add(std::move(a), p);
      return true;
    }
    return false;
  }

  // `Putin said Russia supported ...`, `According to Downing Street, ...`.
  void Indirect(uint32_t p) {
    const Paragraph& para = doc_->paragraphs[p];
    for (uint32_t s = para.first_sentence; s < para.end_sentence; ++s) {
      const Sentence& sent = doc_->sentences[s];
      uint32_t end = sent.end_token;
      while (end > sent.first_token && (doc_->tokens[end - 1].flags & kPunct)) --end;
      for (uint32_t c = sent.first_token; c < end; ++c) {
        std::string w = AsciiLower(Tok(c));
        Attribution a;
        uint32_t content_begin = kNone;
        Source src;
        if (w == "according" && c + 2 < end && AsciiLower(Tok(c + 1)) == "to") {
          auto s2 = SourceAt(c + 2, end);
          if (!s2 || s2->end_token >= end || Tok(s2->end_token) != ",") continue;
          src = *s2;
          content_begin = s2->end_token + 1;
          a.cue = {doc_->tokens[c].begin, doc_->tokens[c + 1].end};
        } else if (w == "said" || w == "says" || w == "told" || w == "warned" || w == "added" ||
                   w == "insisted" || w == "argued" || w == "announced" || w == "claimed") {
          uint32_t b = c;
          while (b > sent.first_token && IsAux(b - 1)) --b;
          auto s2 = SourceBefore(b, sent.first_token);
          if (!s2) continue;
          src = *s2;
          content_begin = c + 1;
          if (w == "told" && content_begin < end) {
            // skip the listener: "told reporters", "told the BBC"
            while (content_begin < end && AsciiLower(Tok(content_begin)) != "that" &&
                   content_begin - c <= 4 && (doc_->tokens[content_begin].flags & kWord) &&
                   !lex_.Is(AsciiLower(Tok(content_begin)), Lex::kPronoun)) {
              ++content_begin;
            }
          }
          if (content_begin < end && AsciiLower(Tok(content_begin)) == "that") ++content_begin;
          a.cue = {doc_->tokens[c].begin, doc_->tokens[c].end};
        } else {
          continue;
        }
        if (content_begin < end && Tok(content_begin) == "," && src.first_token > sent.first_token + 3 &&
            Tok(src.first_token - 1) == ",") {
          // A parenthetical cue: `Planning, he said, would now move ...`.
          a.contents.push_back({doc_->tokens[sent.first_token].begin,
                                doc_->tokens[src.first_token - 2].end});
          ++content_begin;
        }
        if (content_begin >= end || end - content_begin < 4) continue;
        a.contents.push_back({doc_->tokens[content_begin].begin, doc_->tokens[end - 1].end});
        a.source = src.span;
        a.speaker = Resolve(src, src.first_token, p);
        a.kind = "indirect";
        Add(std::move(a), p);
        break;
      }
    }
  }

  Document* doc_;
  const Lexicon& lex_;
  std::unordered_map<uint32_t, uint32_t> mention_by_first_, mention_by_end_;
  std::vector<uint32_t> token_sentence_;
  std::vector<bool> in_quote_;
  std::optional<std::string> last_speaker_;
  uint32_t last_speaker_para_ = 0;
};

}  // namespace

void FindQuotes(Document* doc) {
  doc->quotes.clear();
  if (doc->tokens.empty()) return;
  QuoteFinder(doc).Run();
}

}  // namespace crossread::analyze
