// Entity mentions from capitalised runs.
//
// A run is a maximal sequence of capitalised tokens inside a sentence, joined by name
// connectors ("of", "the", "de", "al"...). Months and weekdays split runs; a sentence-initial
// common word is dropped ("Leaders representing Ukraine"). Titles are peeled off the front
// (demonym or place + title: "British Prime Minister", "U.S. Secretary of State"; honorifics
// like "Sir" stay in the surface form) and make what follows a PERSON. Otherwise the type comes
// from the gazetteer, a first-name list, organisation and place suffixes, acronyms, and the
// cue next to it ("said Starmer"); what the rules leave untyped takes the learned entity
// tagger's type. Last, one-word mentions that match the surname or first name
// of exactly one PERSON of the article become that person ("Starmer" → "Keir Starmer").
#include <map>
#include <set>
#include <span>
#include <string>
#include <unordered_set>

#include "analyze/document.h"
#include "analyze/gazetteer.h"
#include "analyze/linguistic.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace crossread::analyze {

namespace {

constexpr int kMaxTitleWords = 4;

bool IsConnector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {
      "of", "the", "de", "da", "del", "della", "van", "von", "der", "al", "bin", "la", "le", "du"};
  for (std::string_view c : kConnectors) {
    if (w == c) return true;
  }
  return false;
}

class MentionFinder {
 public:
  explicit MentionFinder(Document* doc) : doc_(doc), lex_(Lexicon::Get()), gaz_(Gazetteer::Get()) {
    for (uint32_t k = 0; k < doc_->tokens.size(); ++k) {
      const Token& t = doc_->tokens[k];
      if ((t.flags & kWord) && !(t.flags & kCapitalized)) lower_words_.insert(std::string(Tok(k)));
    }
  }

  void Run() {
    for (uint32_t s = 0; s < doc_->sentences.size(); ++s) {
      const Sentence& sent = doc_->sentences[s];
      uint32_t k = sent.first_token;
      while (k < sent.end_token) {
        if (!IsNameToken(k)) {
          ++k;
          continue;
        }
        uint32_t e = k + 1;
        while (e < sent.end_token) {
          if (IsNameToken(e)) {
            ++e;
          } else if (uint32_t c = ConnectorsAt(e, sent.end_token); c > 0) {
            e += c;  // "Coalition of the Willing", "Ursula von der Leyen"
          } else {
            break;
          }
        }
        Split(s, k, e);
        k = e;
      }
    }
    ResolveShortForms();
    TypeByTagger();
    ResolveShortForms();  // again, for the persons only the tagger typed
  }

 private:
  std::string_view Tok(uint32_t k) const { return doc_->TokenText(k); }

  bool IsNameToken(uint32_t k) const {
    const Token& t = doc_->tokens[k];
    if (!(t.flags & kWord) || !(t.flags & kCapitalized)) return false;
    std::string_view w = Tok(k);
    return w != "I" && w != "'s" && w != "'S";
  }

  // Connector words at k (one or two) that a name token follows, or 0.
  uint32_t ConnectorsAt(uint32_t k, uint32_t end) const {
    uint32_t n = 0;
    while (n < 2 && k + n < end && IsConnector(Tok(k + n))) ++n;
    if (n == 0 || k + n >= end || !IsNameToken(k + n) || IsDateWord(k + n)) return 0;
    return n;
  }

  bool IsDateWord(uint32_t k) const {
    std::string_view w = Tok(k);
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return lex_.Is(w, Lex::kMonth) || lex_.Is(w, Lex::kWeekday) || lex_.Is(w, Lex::kMonthAbbr);
  }

  // Joined text of tokens [b, e) with single spaces, as the lexicons spell multi-word entries.
  std::string Words(uint32_t b, uint32_t e) const {
    std::string out;
    for (uint32_t k = b; k < e; ++k) {
      if (k > b) out.push_back(' ');
      out.append(Tok(k));
    }
    return out;
  }

  std::string SpanText(uint32_t b, uint32_t e) const {
    return std::string(doc_->Text({doc_->tokens[b].begin, doc_->tokens[e - 1].end}));
  }

  // Splits a run at date words, then analyses each part.
  void Split(uint32_t s, uint32_t b, uint32_t e) {
    uint32_t start = b;
    for (uint32_t k = b; k <= e; ++k) {
      if (k == e || IsDateWord(k)) {
        if (k > start) Analyze1(s, start, k);
        start = k + 1;
      }
    }
  }

  // Length of the longest title or honorific ("Mr.", "Dr.") starting at token k (0 if none).
  uint32_t TitleAt(uint32_t k, uint32_t e) const {
    for (uint32_t n = std::min<uint32_t>(kMaxTitleWords, e - k); n >= 1; --n) {
      const uint32_t c = lex_.Categories(Words(k, k + n));
      if (c & (static_cast<uint32_t>(Lex::kTitle) | static_cast<uint32_t>(Lex::kHonorific))) {
        return n;
      }
    }
    return 0;
  }

  // Length of the longest gazetteer name starting at token k (0 if none).
  uint32_t GazetteerAt(uint32_t k, uint32_t e) const {
    for (uint32_t n = std::min<uint32_t>(gaz_.max_words(), e - k); n >= 1; --n) {
      if (gaz_.Find(Words(k, k + n))) return n;
    }
    return 0;
  }

  // A single word that only names a kind of thing: "Commission", "Ministers", "Coalition".
  bool IsBareWord(uint32_t b, uint32_t e) const {
    if (e - b != 1) return false;
    std::string w(Tok(b));
    std::string lower = AsciiLower(w);
    std::string singular =
        lower.size() > 3 && lower.back() == 's' ? lower.substr(0, lower.size() - 1) : lower;
    return lex_.Is(w, Lex::kOrgSuffix) || lex_.Is(w, Lex::kPlaceSuffix) ||
           lex_.Is(w, Lex::kTitle) || lex_.Is(lower, Lex::kRole) || lex_.Is(singular, Lex::kRole);
  }

  bool Plural(uint32_t k) const {
    return k < doc_->pos.size() && (doc_->pos[k] == "NNS" || doc_->pos[k] == "NNPS");
  }

  bool IsCue(uint32_t k) const {
    if (k >= doc_->tokens.size()) return false;
    return lex_.Is(AsciiLower(Tok(k)), Lex::kCue);
  }

  void Analyze1(uint32_t s, uint32_t b, uint32_t e) {
    const Sentence& sent = doc_->sentences[s];
    // A common word opening the sentence (or a quote or bullet at its start) is no name.
    bool at_start = b == sent.first_token ||
                    (b == sent.first_token + 1 && (doc_->tokens[b - 1].flags & kPunct));
    while (b < e) {
      std::string lower = AsciiLower(Tok(b));
      // A participle or adverb opening the sentence ("Jolted into action, ...") is no name.
      bool inflected = at_start && (EndsWith(lower, "ed") || EndsWith(lower, "ing") ||
                                    EndsWith(lower, "ly")) &&
                       !lex_.Is(Tok(b), Lex::kFirstName);
      bool common = lex_.Is(lower, Lex::kStopword) || (at_start && lower_words_.count(lower)) ||
                    inflected;
      if (!common || gaz_.Find(Words(b, e))) break;
      ++b;
      at_start = false;
    }
    if (b >= e) return;

    // Peel titles: [demonym/place] title [title...] [honorific] Name.
    uint32_t i = b;
    uint32_t honorific_from = e;
    bool titled = false;
    while (i < e) {
      if (uint32_t n = TitleAt(i, e); n > 0 && i + n < e) {
        if (lex_.Is(Words(i, i + n), Lex::kHonorific) && honorific_from == e) honorific_from = i;
        titled = true;
        i += n;
        continue;
      }
      if (uint32_t n = GazetteerAt(i, e); n > 0 && i + n < e && TitleAt(i + n, e) > 0) {
        i += n;
        continue;
      }
      break;
    }
    if (titled && i < e && !IsBareWord(i, e)) {
      uint32_t desc_end = honorific_from < i ? honorific_from : i;
      Emit(s, i, e, honorific_from < i ? honorific_from : i, "PERSON",
           desc_end > b ? Words(b, desc_end) : "", "");
      return;
    }
    i = b;
    const std::string whole = Words(b, e);
    if (const Gazetteer::Entry* g = gaz_.Find(whole)) {
      if (!g->demonym) Emit(s, b, e, b, g->type, "", g->canonical);
      return;
    }
    // A demonym or place in front of a name-like rest: "Ukrainian Zelensky" is rare, but
    // "Finland Stubb" is never a name; keep the gazetteer part and analyse the rest.
    if (uint32_t n = GazetteerAt(b, e); n > 0 && !lex_.Is(Tok(b), Lex::kFirstName)) {
      const Gazetteer::Entry* g = gaz_.Find(Words(b, b + n));
      if (!g->demonym) Emit(s, b, b + n, b, g->type, "", g->canonical);
      Analyze1(s, b + n, e);
      return;
    }
    if (lex_.Is(whole, Lex::kTitle) || IsBareWord(b, e)) return;  // a nominal, not a name
    std::string type = "OTHER";
    std::string_view last = Tok(e - 1);
    uint32_t words = e - b;
    if (words >= 2 && lex_.Is(Tok(b), Lex::kFirstName)) {
      type = "PERSON";
    } else if (lex_.Is(last, Lex::kOrgSuffix)) {
      type = "ORG";
    } else if (lex_.Is(last, Lex::kPlaceSuffix)) {
      type = "PLACE";
    } else if (words == 1 && (doc_->tokens[b].flags & kAllCaps) && last.size() <= 6) {
      type = "ORG";
    } else if (words <= 3 && (IsCue(e) || (b > 0 && IsCue(b - 1))) && !Plural(e - 1)) {
      type = "PERSON";  // a name beside a cue speaks; "Americans" and "Democrats" are no person
    }
    Emit(s, b, e, b, type, "", "");
  }

  void Emit(uint32_t s, uint32_t b, uint32_t e, uint32_t surface_from, const std::string& type,
            const std::string& description, const std::string& canonical) {
    Mention m;
    m.span = {doc_->tokens[b].begin, doc_->tokens[e - 1].end};
    m.name = canonical.empty() ? SpanText(b, e) : canonical;
    m.surface = SpanText(surface_from, e);
    m.type = type;
    m.description = description;
    m.sentence = s;
    m.first_token = b;
    m.end_token = e;
    doc_->mentions.push_back(std::move(m));
  }

  // Mentions the rules left untyped take the entity tagger's type (the majority of their
  // tokens' tags). The tagger runs only on sentences that hold such a mention.
  void TypeByTagger() {
    const Linguist* linguist = Linguist::Default();
    if (linguist == nullptr || doc_->pos.empty()) return;
    uint32_t tagged_sentence = UINT32_MAX;
    std::span<const std::string> pos;
    std::vector<std::string> ner;
    std::vector<bool> drop(doc_->mentions.size(), false);
    for (size_t i = 0; i < doc_->mentions.size(); ++i) {
      Mention& m = doc_->mentions[i];
      if (m.type != "OTHER") continue;
      const Sentence& sent = doc_->sentences[m.sentence];
      if (tagged_sentence != m.sentence) {
        pos = std::span<const std::string>(doc_->pos).subspan(sent.first_token,
                                                              sent.end_token - sent.first_token);
        ner = linguist->TagEntities(doc_->Words(sent.first_token, sent.end_token), pos);
        tagged_sentence = m.sentence;
      }
      // A capitalised word the tagger does not read as a proper noun ("Jolted into action")
      // is no name at all.
      bool proper = false;
      std::map<std::string, int> votes;
      for (uint32_t k = m.first_token; k < m.end_token; ++k) {
        const std::string& p = pos[k - sent.first_token];
        proper = proper || p == "NNP" || p == "NNPS";
        const std::string& t = ner[k - sent.first_token];
        if (t.size() > 2) ++votes[t.substr(2)];
      }
      if (!proper) {
        drop[i] = true;
        continue;
      }
      int best = 0;
      for (const auto& [type, n] : votes) {
        if (n * 2 <= static_cast<int>(m.end_token - m.first_token) || n <= best) continue;
        best = n;
        if (type == "PERSON") m.type = "PERSON";
        if (type == "ORGANIZATION") m.type = "ORG";
        if (type == "LOCATION") m.type = "PLACE";
      }
    }
    size_t kept = 0;
    for (size_t i = 0; i < doc_->mentions.size(); ++i) {
      if (drop[i]) continue;
      if (kept != i) doc_->mentions[kept] = std::move(doc_->mentions[i]);
      ++kept;
    }
    doc_->mentions.resize(kept);
  }

  // "Starmer" → "Keir Starmer" when exactly one PERSON of the article has that last (or first)
  // name.
  void ResolveShortForms() {
    std::map<std::string, std::set<std::string>> by_part;
    for (const Mention& m : doc_->mentions) {
      if (m.type != "PERSON" || m.name.find(' ') == std::string::npos) continue;
      by_part[m.name.substr(m.name.rfind(' ') + 1)].insert(m.name);
      by_part[m.name.substr(0, m.name.find(' '))].insert(m.name);
    }
    std::set<std::string> single_persons;
    for (const Mention& m : doc_->mentions) {
      if (m.type == "PERSON" && m.name.find(' ') == std::string::npos)
        single_persons.insert(m.name);
    }
    for (Mention& m : doc_->mentions) {
      if (m.name.find(' ') != std::string::npos || m.type == "PLACE" || m.type == "ORG") continue;
      if (single_persons.count(m.name)) m.type = "PERSON";
      auto it = by_part.find(m.name);
      if (it == by_part.end() || it->second.size() != 1) continue;
      m.name = *it->second.begin();
      m.type = "PERSON";
    }
  }

  Document* doc_;
  const Lexicon& lex_;
  const Gazetteer& gaz_;
  std::unordered_set<std::string> lower_words_;
};

}  // namespace

void FindMentions(Document* doc) {
  doc->mentions.clear();
  MentionFinder(doc).Run();
}

}  // namespace crossread::analyze
