// Quotes and their speakers.
//
// Spans: the attribution tagger (attribution.h) marks cues, sources and contents token by
// token. Attributions: each cue with some content is one; a source joins the nearest cue of
// its sentence (else of its paragraph); a content joins the nearest cue of its sentence, else
// of its paragraph, else continues the last attribution of the paragraph before (a quote
// carried over), else is dropped: words nobody is credited with are no quote. A cue with no
// words that ends its paragraph with a colon ("Caddell continued:") has the next paragraph,
// whole, for content if no cue of its own is found there. After its content, a cue without a
// source followed by a name has that name for source (`..., said Starmer from London.`). A cue
// and source set off by a comma at either end of a sentence credit the rest of it (`...,
// according to the poll.`); a verb of saying with its source and no words credits what the
// sentence's commas set apart (`Lenox was a juggernaut, Mr. Clarke said, until ...`); without quote
// marks, a cue and source that end a paragraph after a content in the first or second person credit
// the sentences before it in the speaker's own words (`..., he added.` of an outlet that strips
// quote marks). Typographic conventions the tagger does not know are read as attributions too: a
// transcript's lines (`PENCE: Well, ...`), quotations signed with a dash
// (`"..." ― Sonya Herridge`) and a headline opening with its speaker (`Sanders: ...`).
//
// Of two sources the tagger marks near one cue, one after "in", "on", "via" ... names the medium
// and does not speak (`Trump, in a post on social media, describes ...`), else the nearer one
// speaks; a source that begins inside a short name takes the whole name (`Downing Street says`).
//
// Speakers: a source that names a person is that person (the one named before its first
// comma, "John Podesta, a chief of staff to President Bill Clinton", else the last one,
// "Clinton spokesman Jesse Lehrich"), else the organisation it names, or a place when that is
// the whole source ("Russia has said"). "he"/"she" is the first person named (outside any quote's
// words) in its sentence or the one before, else the previous quote's speaker within three
// paragraphs if a person, else the first person named in the nearest sentence before, always one
// whose honorific or first name agrees. "it" is the previous speaker if not a person ("The UK
// believes ... It also wants"). A nominal ("the prime minister", "the Russian leader") is the
// latest person whose title holds the role, or its head noun and the words before it, or, in a
// headline, the person the next paragraph introduces so; a nominal that is no role ("the fund") is
// the latest organisation whose name ends in its head; "who"/"which" is the name just before it;
// a lone surname the entity tagger did not type ("PENCE") is the person of the article it ends;
// a dash's signature is the name as signed. A quote carried over into the next paragraph keeps its
// speaker. A cue without a source shares the speaker of another attribution of its sentence
// ("Zelensky says ... and reiterated that ..."), else that of the heading above it when the heading
// is a person's name (a live page's bullets under "Ukraine's President Volodymyr Zelensky").
//
// Kinds: direct (every content within quote marks), partial (marks inside a content),
// unmarked (no marks, before its cue: "We will act, he said"), indirect (reported speech).
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "analyze/attribution.h"
#include "analyze/document.h"
#include "common/data.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace crossread::analyze {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr char kEither = 'x';  // a surname whose persons are called both "Mr." and "Mrs."
constexpr size_t kNoCue = SIZE_MAX;
constexpr uint32_t kPronounWindowParagraphs = 3;
constexpr uint32_t kMaxSourceTail = 8;  // tokens after a name: `said Starmer from London`
constexpr uint32_t kMaxHeadingTokens = 12;
constexpr size_t kMaxNominalWords = 4;       // "the former prime minister"
constexpr uint32_t kMaxAddressee = 8;        // `told CBS This Morning on Monday that ...`
constexpr uint32_t kMaxNameFromContents = 2;  // "Finnish" of "Finnish President Stubb"
constexpr uint32_t kMaxWidenedName = 3;      // a source inside "Downing Street" takes it whole
constexpr uint32_t kMinClauseTokens = 3;     // `..., according to X.`: words enough to be a claim
constexpr uint32_t kMaxSignatureTokens = 4;  // `WALLACE:`, `― Sonya Herridge`, `Sanders:`
constexpr int kNearSentences = 1;            // he/she: a person named this far back comes first

// 'm' or 'f' for first names whose bearers news text calls "he" or "she" (data/genders.tsv).
const std::unordered_map<std::string, char>& FirstNameGenders() {
  static const auto* genders = [] {
    auto* m = new std::unordered_map<std::string, char>();
    for (const auto& row : ParseTsv(data::genders())) {
      if (row.size() == 2 && row[1].size() == 1) (*m)[std::string(row[0])] = row[1][0];
    }
    return m;
  }();
  return *genders;
}

class QuoteBuilder {
 public:
  explicit QuoteBuilder(Document* doc) : doc_(doc), lex_(Lexicon::Get()) {
    token_sentence_.resize(doc_->tokens.size());
    for (uint32_t s = 0; s < doc_->sentences.size(); ++s) {
      for (uint32_t k = doc_->sentences[s].first_token; k < doc_->sentences[s].end_token; ++k) {
        token_sentence_[k] = s;
      }
    }
    in_quote_.assign(doc_->tokens.size(), false);
    for (uint32_t p = 0; p < doc_->paragraphs.size(); ++p) {
      bool open = false;
      for (uint32_t k = FirstToken(p); k < EndToken(p); ++k) {
        if (IsQuoteMark(Tok(k))) open = !open;
        in_quote_[k] = open;
      }
    }
    persons_of_sentence_.resize(doc_->sentences.size());
    spoken_in_.resize(doc_->sentences.size());
    for (const Mention& m : doc_->mentions) {
      if (m.type != "PERSON") continue;
      persons_of_sentence_[m.sentence].push_back(&m);
      char& g = gender_.try_emplace(m.name, GenderOfName(m.name)).first->second;
      const std::string surname = Surname(m.name);
      if (char h = GenderOfHonorific(m.surface); h != 0) {
        g = h;
        char& by_surname = honorific_by_surname_.try_emplace(surname, h).first->second;
        if (by_surname != h) by_surname = kEither;  // "Mr. Clinton" and "Mrs. Clinton"
      }
      person_by_surname_.try_emplace(surname, m.name);
    }
    // A transcript: lines opened by two speakers' names at least, one a person named in it.
    std::vector<std::string_view> heads;
    bool named = false;
    for (uint32_t p = 0; p < doc_->paragraphs.size(); ++p) {
      if (uint32_t colon = LineHead(p); colon != kNone) {
        heads.push_back(Tok(colon - 1));
        named = named || !PersonBySurname(Tok(colon - 1)).empty();
      }
    }
    std::sort(heads.begin(), heads.end());
    transcript_ = named && std::unique(heads.begin(), heads.end()) - heads.begin() >= 2;
  }

  void Run(const std::vector<RoleSpan>& spans) {
    // Spans come in text order; take them paragraph by paragraph.
    auto is_cue = [](const RoleSpan& s) { return s.role == Role::kCue; };
    size_t i = 0;
    for (uint32_t p = 0; p < doc_->paragraphs.size(); ++p) {
      ReadHeading(p);
      size_t j = i;
      while (j < spans.size() && ParagraphOf(spans[j].first_token) == p) ++j;
      std::vector<RoleSpan> here(spans.begin() + static_cast<std::ptrdiff_t>(i),
                                 spans.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
      std::vector<RoleSpan> set = ReadConvention(p, std::any_of(here.begin(), here.end(), is_cue));
      if (!set.empty()) here = std::move(set);
      if (introducer_ && introducer_->a.paragraph + 1 == p &&
          std::none_of(here.begin(), here.end(), is_cue)) {
        Introduce(p);  // the paragraph is the words of the cue that ended the one before
        continue;
      }
      introducer_.reset();
      if (!here.empty()) Assemble(p, here);
    }
  }

 private:
  struct Pending {
    Attribution a;
    uint32_t cue_first = 0, cue_end = 0, source_first = kNone, source_end = kNone;
    std::vector<std::pair<uint32_t, uint32_t>> contents;  // token ranges
    bool absorbed = false;  // part of the content of a cue set off by commas before it
  };

  std::string_view Tok(uint32_t k) const { return doc_->TokenText(k); }
  uint32_t SentenceOf(uint32_t k) const { return token_sentence_[k]; }
  uint32_t ParagraphOf(uint32_t k) const { return doc_->sentences[SentenceOf(k)].paragraph; }
  // The tokens [FirstToken(p), EndToken(p)) of paragraph p.
  uint32_t FirstToken(uint32_t p) const {
    return doc_->sentences[doc_->paragraphs[p].first_sentence].first_token;
  }
  uint32_t EndToken(uint32_t p) const {
    return doc_->sentences[doc_->paragraphs[p].end_sentence - 1].end_token;
  }
  ByteSpan Bytes(uint32_t first, uint32_t end) const {
    return {doc_->tokens[first].begin, doc_->tokens[end - 1].end};
  }

  // Tokens between the cue of `f` and tokens [first, end) (0 if they touch or overlap).
  static uint32_t Gap(const Pending& f, uint32_t first, uint32_t end) {
    return f.cue_first >= end ? f.cue_first - end : first >= f.cue_end ? first - f.cue_end : 0;
  }

  // The cue nearest to tokens [first, end): in its sentence if any there, else anywhere in
  // `cues`; kNoCue if there is none.
  size_t NearestCue(const std::vector<Pending>& cues, uint32_t first, uint32_t end) const {
    size_t best = kNoCue;
    uint32_t best_gap = kNone;
    bool best_same = false;
    for (size_t c = 0; c < cues.size(); ++c) {
      bool same = SentenceOf(cues[c].cue_first) == SentenceOf(first) ||
                  SentenceOf(cues[c].cue_first) == SentenceOf(end - 1);
      uint32_t gap = Gap(cues[c], first, end);
      if (best == kNoCue || (same && !best_same) || (same == best_same && gap < best_gap)) {
        best = c;
        best_gap = gap;
        best_same = same;
      }
    }
    return best;
  }

  void Assemble(uint32_t p, const std::vector<RoleSpan>& spans) {
    std::vector<Pending> found;
    for (const RoleSpan& s : spans) {
      if (s.role != Role::kCue) continue;
      Pending pending;
      pending.cue_first = s.first_token;
      pending.cue_end = s.end_token;
      pending.a.cue = Bytes(s.first_token, s.end_token);
      found.push_back(std::move(pending));
    }
    std::vector<std::pair<uint32_t, uint32_t>> carried;  // contents no cue here claims
    for (const RoleSpan& s : spans) {
      if (s.role == Role::kCue) continue;
      size_t c = NearestCue(found, s.first_token, s.end_token);
      if (s.role == Role::kSource) {
        if (c == kNoCue) continue;
        // Of two sources near one cue, one that names a medium ("Trump, in a post on social
        // media, describes ...") does not speak; else the nearer speaks: "Putin set out
        // conditions, but Zelensky called his response ...".
        if (const Pending& f = found[c]; f.source_first != kNone) {
          const bool medium = AfterMediumPreposition(s.first_token);
          if (medium != AfterMediumPreposition(f.source_first)
                  ? medium
                  : Gap(f, s.first_token, s.end_token) >= Gap(f, f.source_first, f.source_end)) {
            continue;
          }
        }
        found[c].source_first = s.first_token;
        found[c].source_end = s.end_token;
      } else if (c != kNoCue) {
        found[c].contents.emplace_back(s.first_token, s.end_token);
      } else {
        carried.emplace_back(s.first_token, s.end_token);
      }
    }
    // A quote carried over from the paragraph before continues its last attribution.
    if (!carried.empty() && last_ != kNoCue && doc_->quotes[last_].paragraph + 1 == p) {
      Attribution& a = doc_->quotes[last_];
      for (const auto& [first, end] : carried) a.contents.push_back(Bytes(first, end));
      if (a.kind == "indirect" || a.kind == "unmarked") a.kind = Kind(a, kNone);
    }
    std::vector<Pending> kept;
    for (size_t i = 0; i < found.size(); ++i) {
      Pending& f = found[i];
      if (f.absorbed) continue;
      if (ReadParenthetical(&f)) ReadTail(&found, i);
      if (f.source_first != kNone) TakeNameFromContents(&f);
      if (f.source_first != kNone) WidenToNames(&f);
      if (f.source_first != kNone) f.a.source = Bytes(f.source_first, f.source_end);
      // `..., said Starmer from London.`: after its content, a cue without a source followed by
      // a name has that name for source (and a short content read from the name on is none).
      bool content_before = !f.contents.empty() && f.contents.front().second <= f.cue_first;
      uint32_t name_end = NameAt(f.cue_end);
      if (f.source_first == kNone && content_before && name_end != kNone &&
          SentenceOf(f.cue_end) == SentenceOf(f.cue_first)) {
        f.source_first = f.cue_end;
        f.source_end = name_end;
        f.a.source = Bytes(f.cue_end, name_end);
        auto [first, end] = f.contents.back();
        if (f.contents.size() > 1 && first == f.cue_end && end - name_end <= kMaxSourceTail) {
          f.contents.pop_back();
        }
      }
      f.a.paragraph = p;
      if (f.source_first != kNone) ReadClause(spans, &f);
      if (f.source_first != kNone && f.contents.empty()) ReadBareCue(&f);
      ReadUnmarkedParagraph(spans, p, &f);
      // "answered him": a lone object pronoun is whom the cue addresses, not what was said.
      std::erase_if(f.contents, [&](const std::pair<uint32_t, uint32_t>& c) {
        return c.second == c.first + 1 && IsObjectPronoun(Tok(c.first));
      });
      if (f.contents.empty()) {  // a cue with no words credited is no quote, unless it
        // ends its paragraph before a colon ("Caddell continued:"): it introduces the next.
        const uint32_t end = EndToken(p);
        if ((f.cue_end == end || f.cue_end + 1 == end) && Tok(end - 1) == ":") {
          introducer_ = std::move(f);
        }
        continue;
      }
      Complete(&f);
      kept.push_back(std::move(f));
    }
    // A cue without a source shares the speaker of the nearest attribution of its sentence
    // (`Zelensky says ... and reiterated that ...`), else the heading's person.
    for (Pending& f : kept) {
      if (!f.a.speaker.empty() || f.source_first != kNone) continue;
      uint32_t best_gap = kNone;
      for (const Pending& other : kept) {
        if (other.a.speaker.empty() || other.source_first == kNone ||
            SentenceOf(other.cue_first) != SentenceOf(f.cue_first)) {
          continue;
        }
        uint32_t gap = other.cue_first > f.cue_first ? other.cue_first - f.cue_first
                                                     : f.cue_first - other.cue_first;
        if (gap < best_gap) {
          best_gap = gap;
          f.a.speaker = other.a.speaker;
        }
      }
      if (f.a.speaker.empty()) f.a.speaker = heading_speaker_;
    }
    for (Pending& f : kept) Push(std::move(f));
  }

  // The contents of `f` as bytes, its kind and its speaker (from its source); `f` is in
  // paragraph f->a.paragraph.
  void Complete(Pending* f) {
    const uint32_t p = f->a.paragraph;
    for (const auto& [first, end] : f->contents) f->a.contents.push_back(Bytes(first, end));
    f->a.kind = Kind(f->a, f->cue_first);
    if (f->source_first != kNone) f->a.speaker = Resolve(f->source_first, f->source_end, f->a, p);
    if (!f->a.speaker.empty()) {
      last_speaker_ = f->a.speaker;
      last_speaker_para_ = p;
    }
  }

  // Paragraph `p`, whole, is the content of the introducing cue of the paragraph before
  // (`He said:` then the quote, often without marks); it may carry on into the next.
  void Introduce(uint32_t p) {
    Pending f = std::move(*introducer_);
    introducer_.reset();
    f.contents.emplace_back(FirstToken(p), EndToken(p));
    Complete(&f);
    if (f.a.kind == "indirect") f.a.kind = "unmarked";  // a speaker's words, printed unmarked
    f.a.paragraph = p;
    Push(std::move(f));
  }

  // Adds `f` to the document's quotes, the latest, indexed by its source's sentence.
  void Push(Pending&& f) {
    if (f.source_first != kNone && !f.a.speaker.empty()) {
      spoken_in_[SentenceOf(f.source_first)].push_back(doc_->quotes.size());
    }
    doc_->quotes.push_back(std::move(f.a));
    last_ = doc_->quotes.size() - 1;
  }

  // `This morning's participants, he said, had agreed to ...`: a cue set off by commas after
  // a pronoun or a name has that for source, and the words before the commas are content
  // even where the tagger read them as the source.
  bool ReadParenthetical(Pending* f) const {
    const uint32_t c = f->cue_first;
    if (c < 3 || f->cue_end >= doc_->tokens.size() || Tok(f->cue_end) != ",") return false;
    uint32_t first = kNone;
    std::string w = AsciiLower(Tok(c - 1));
    if (w == "he" || w == "she" || w == "they" || w == "we") {
      first = c - 1;
    } else {
      for (const Mention& m : doc_->mentions) {
        if (m.end_token == c && (m.type == "PERSON" || m.type == "ORG")) first = m.first_token;
      }
    }
    if (first == kNone || first == 0 || Tok(first - 1) != "," ||
        SentenceOf(first) != SentenceOf(c)) {
      return false;
    }
    if (f->source_first == first) return true;
    if (f->source_first != kNone && f->source_end < first &&
        SentenceOf(f->source_first) == SentenceOf(c)) {
      f->contents.insert(f->contents.begin(), {f->source_first, first - 1});
    }
    f->source_first = first;
    f->source_end = c;
    return true;
  }

  // Whether the tagger marked any of tokens [lo, hi).
  static bool Taken(const std::vector<RoleSpan>& spans, uint32_t lo, uint32_t hi) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const RoleSpan& r) { return r.first_token < hi && r.end_token > lo; });
  }

  // After a cue set off by commas (`..., he said, had agreed to keep aid flowing.`), the rest
  // of the sentence is the speaker's too: a cue the tagger found there without a source of its
  // own ("had agreed") is part of the content, not another attribution.
  void ReadTail(std::vector<Pending>* found, size_t i) const {
    Pending& f = (*found)[i];
    const Sentence& s = doc_->sentences[SentenceOf(f.cue_first)];
    const uint32_t first = f.cue_end + 1;
    uint32_t last = s.end_token;
    while (last > first && IsClosing(Tok(last - 1))) --last;
    if (last < first + kMinClauseTokens) return;
    bool absorbed = false;
    for (size_t j = i + 1; j < found->size(); ++j) {
      Pending& g = (*found)[j];
      if (g.cue_first < first || g.cue_first >= last || g.source_first != kNone) continue;
      g.absorbed = absorbed = true;
    }
    if (!absorbed) return;
    std::erase_if(f.contents, [&](const auto& c) { return c.first >= first; });
    f.contents.emplace_back(first, last);
  }

  // `But the world needs to see action ... . Until then we will keep working around the clock,
  // he added.`: where the quote marks were stripped, a cue and source that end a paragraph after
  // a content in the first or second person speak the rest of the content's sentence and the
  // sentences before it, back to the paragraph's start, while each is in the speaker's own words
  // and the tagger gave its words to no one.
  void ReadUnmarkedParagraph(const std::vector<RoleSpan>& spans, uint32_t p, Pending* f) const {
    if (f->contents.size() != 1 || f->source_first == kNone || IsAccordingTo(*f)) return;
    const auto [first, end] = f->contents.front();
    uint32_t s = SentenceOf(first);
    uint32_t from = doc_->sentences[s].first_token;
    if (f->cue_first < end || f->source_first < end || SentenceOf(f->cue_first) != s ||
        !InFirstOrSecondPerson(from, end)) {
      return;
    }
    for (uint32_t k = FirstToken(p); k < end; ++k) {
      if (IsQuoteMark(Tok(k))) return;
    }
    uint32_t tail = std::max(f->cue_end, f->source_end);
    while (tail < EndToken(p) && IsClosing(Tok(tail))) ++tail;
    if (tail != EndToken(p)) return;
    if (Taken(spans, from, first)) return;
    for (; s > doc_->paragraphs[p].first_sentence; --s) {
      const Sentence& before = doc_->sentences[s - 1];
      if (Taken(spans, before.first_token, before.end_token) ||
          !InOwnWords(before.first_token, before.end_token)) {
        break;
      }
      from = before.first_token;
    }
    f->contents.front().first = from;
  }

  // A cue of saying ("said", "argues", "told", "according to") the tagger found with its source
  // but no words: the words are where the sentence's shape puts them. `..., sources said.` and
  // `..., according to an analysis by X, a former aide ...`: the sentence before the comma;
  // `Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt.`: both sides of the
  // commas; `Clinton says the Ohio native is ...`: the rest of the sentence; `Mook told CBS
  // on Monday that ...`: the rest from "that" on.
  void ReadBareCue(Pending* f) const {
    static constexpr std::string_view kSaying[] = {
        "said",     "says",     "say",       "added",     "adds",         "wrote",
        "writes",   "tweeted",  "noted",     "notes",     "explained",    "explains",
        "argued",   "argues",   "claimed",   "claims",    "insisted",     "insists",
        "warned",   "warns",    "stated",    "suggested", "suggests",     "contended",
        "contends", "conceded", "recalled",  "replied",   "acknowledged", "responded",
        "asserted", "declared", "announced", "showed",    "shows",        "found"};
    const std::string verb = AsciiLower(Tok(f->cue_end - 1));
    const bool according = IsAccordingTo(*f);
    const bool telling = verb == "told" || verb == "tells" || verb == "tell";
    if (!telling && !according && !IsOneOf(verb, kSaying)) {
      return;
    }
    const uint32_t s = SentenceOf(f->cue_first);
    if (SentenceOf(f->source_first) != s) return;
    const Sentence& sent = doc_->sentences[s];
    const uint32_t lo = std::min(f->cue_first, f->source_first);
    const uint32_t hi = std::max(f->cue_end, f->source_end);
    uint32_t last = sent.end_token;
    while (last > hi && IsClosing(Tok(last - 1))) --last;
    const bool comma_before = lo >= sent.first_token + 1 + kMinClauseTokens && Tok(lo - 1) == ",";
    // The source then the cue, opening the sentence or a clause after a comma.
    const bool leading =
        (lo == sent.first_token || Tok(lo - 1) == ",") && f->source_end == f->cue_first;
    if (telling) {
      if (leading) {
        for (uint32_t k = hi; k < last && k < hi + kMaxAddressee; ++k) {
          if (AsciiLower(Tok(k)) != "that") continue;
          if (last >= k + kMinClauseTokens) f->contents.emplace_back(k, last);
          break;
        }
      }
    } else if (comma_before && (last == hi || according)) {
      f->contents.emplace_back(sent.first_token, lo - 1);
    } else if (comma_before && Tok(hi) == "," && last >= hi + 1 + kMinClauseTokens) {
      f->contents.emplace_back(sent.first_token, lo - 1);
      f->contents.emplace_back(hi + 1, last);
    } else if (leading && last >= hi + kMinClauseTokens && StartsWithLetter(Tok(hi))) {
      f->contents.emplace_back(hi, last);
    }
  }

  // `Clinton leads by four points, according to the poll.` / `According to police, officers
  // saw ...`: a cue and its source that end or open their sentence, set off from the rest by
  // a comma, have the rest for content when the tagger gave those words to no one and the cue
  // none; "according to" has the rest in any case (`Clinton beats Trump by 46 percent to 42
  // percent, according to the poll`: not the words of whoever a verb in them names).
  void ReadClause(const std::vector<RoleSpan>& spans, Pending* f) const {
    const bool according = IsAccordingTo(*f);
    if (!f->contents.empty() && !according) return;
    const Sentence& s = doc_->sentences[SentenceOf(f->cue_first)];
    const uint32_t lo = std::min(f->cue_first, f->source_first);
    const uint32_t hi = std::max(f->cue_end, f->source_end);
    if (SentenceOf(f->source_first) != SentenceOf(f->cue_first)) return;
    uint32_t first = kNone, end = kNone;
    uint32_t last = s.end_token;  // the sentence without its closing punctuation
    while (last > hi && IsClosing(Tok(last - 1))) --last;
    if (last == hi && lo >= s.first_token + 2 && Tok(lo - 1) == ",") {
      first = s.first_token;
      end = lo - 1;
    } else if (lo == s.first_token && hi < last && Tok(hi) == ",") {
      first = hi + 1;
      end = last;
    }
    if (first == kNone || end < first + kMinClauseTokens) return;
    if (!according && Taken(spans, first, end)) return;
    f->contents.assign(1, {first, end});
  }

  // A capitalised word or two (not a common noun or a function word) just before the source,
  // tagged as words said, begin its name ("Finnish" of "Finnish President Alexander Stubb has told
  // the BBC that ..."), when other words are said.
  void TakeNameFromContents(Pending* f) const {
    for (size_t i = 0; i < f->contents.size() && f->contents.size() > 1; ++i) {
      const auto [first, end] = f->contents[i];
      if (end != f->source_first || end - first > kMaxNameFromContents) continue;
      bool named = true;  // not "Everything" (a common noun) or "What" (a function word)
      for (uint32_t k = first; k < end; ++k) {
        const std::string& tag = doc_->pos[k];
        named = named && Capitalised(k) && tag != "NN" && tag != "NNS" &&
                !lex_.Is(AsciiLower(Tok(k)), Lex::kStopword);
      }
      if (!named) continue;
      f->source_first = first;
      f->contents.erase(f->contents.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }

  // A source that begins inside a short name ("Street" of "Downing Street says") takes the
  // name's first words, when they are capitalised.
  void WidenToNames(Pending* f) const {
    for (const Mention& m : doc_->mentions) {
      if (m.type == "OTHER" || m.first_token >= f->source_first || m.end_token <= f->source_first ||
          m.end_token - m.first_token > kMaxWidenedName) {
        continue;
      }
      bool capitalised = true;
      for (uint32_t k = m.first_token; k < f->source_first; ++k) {
        capitalised = capitalised && Capitalised(k);
      }
      if (capitalised) f->source_first = m.first_token;
    }
  }

  static bool StartsWithLetter(std::string_view w) {
    size_t at = 0;
    return IsLetter(DecodeUtf8(w, &at));
  }

  // Whether token k follows a preposition that introduces a medium ("in a post", "on
  // television", "via a spokesman") rather than a speaker ("by the Post").
  bool AfterMediumPreposition(uint32_t k) const {
    static constexpr std::string_view kMedium[] = {"in", "on", "via", "during", "through", "at"};
    if (k == 0) return false;
    for (std::string_view w : kMedium) {
      if (EqualsIgnoreCase(Tok(k - 1), w)) return true;
    }
    return false;
  }

  bool IsAccordingTo(const Pending& f) const {
    return f.cue_end == f.cue_first + 2 && AsciiLower(Tok(f.cue_first)) == "according" &&
           AsciiLower(Tok(f.cue_first + 1)) == "to";
  }

  // The spans of paragraph `p` where it attributes by a typographic convention the tagger
  // does not know, else none: a transcript's line (`WALLACE: Let's start ...`, the speaker a
  // person the article names), which overrides what the tagger found in it; quotations
  // signed with a dash (`"..." ― Sonya Herridge`, each on its line); a headline that opens
  // with its speaker (`Sanders: Clinton needs to ...`). `tagged_cue`: the tagger found a cue.
  std::vector<RoleSpan> ReadConvention(uint32_t p, bool tagged_cue) const {
    const uint32_t first = FirstToken(p), end = EndToken(p);
    std::vector<RoleSpan> out;
    auto attribute = [&out](uint32_t source_first, uint32_t source_end, uint32_t cue,
                            uint32_t content_first, uint32_t content_end) {
      RoleSpan spans[] = {{Role::kSource, source_first, source_end},
                          {Role::kCue, cue, cue + 1},
                          {Role::kContent, content_first, content_end}};
      std::sort(std::begin(spans), std::end(spans),
                [](const RoleSpan& x, const RoleSpan& y) { return x.first_token < y.first_token; });
      out.insert(out.end(), std::begin(spans), std::end(spans));
    };
    uint32_t last = end;  // without closing punctuation
    while (last > first && IsClosing(Tok(last - 1))) --last;
    // A transcript's line: its speaker's name in capitals and a colon, then the words.
    if (uint32_t colon = LineHead(p); colon != kNone) {
      const uint32_t name = first + (IsQuoteMark(Tok(first)) ? 1 : 0);
      if (transcript_ || !PersonBySurname(Tok(colon - 1)).empty()) {
        attribute(name, colon, colon, colon + 1, end);
        return out;
      }
    }
    if (tagged_cue) return out;
    // Quotations signed with a dash, each line `"...." — Name`.
    uint32_t line = first;
    for (uint32_t k = first; k < end; ++k) {
      const bool line_ends = k + 1 == end || Gap(k).find('\n') != std::string_view::npos;
      if (!line_ends) continue;
      if (!IsQuoteMark(Tok(line))) {
        line = k + 1;
        continue;
      }
      uint32_t sign_end = Tok(k) == "." ? k : k + 1;
      uint32_t sign = sign_end;
      while (sign > line && sign_end - sign < kMaxSignatureTokens && Capitalised(sign - 1)) --sign;
      if (sign < sign_end && sign >= line + 3 && IsDash(Tok(sign - 1)) &&
          IsQuoteMark(Tok(sign - 2))) {
        attribute(sign, sign_end, sign - 1, line, sign - 1);
      }
      line = k + 1;
    }
    if (!out.empty() || p != 0) return out;
    // A headline `Speaker: words`, the speaker one to four capitalised words.
    for (uint32_t colon = first + 1; colon <= first + kMaxSignatureTokens && colon + 3 <= last;
         ++colon) {
      if (Tok(colon) == ":") {
        std::string w = AsciiLower(Tok(first));
        if (w == "the" || w == "a" || w == "an" || AllCaps(first)) break;
        attribute(first, colon, colon, colon + 1, last);
        break;
      }
      if (!Capitalised(colon)) break;
    }
    return out;
  }

  // The colon after the one to four words in capitals that open paragraph `p` (after a quote
  // mark, if any) with words after it, `PENCE: Well, ...`; kNone if there is none.
  uint32_t LineHead(uint32_t p) const {
    const uint32_t first = FirstToken(p), end = EndToken(p);
    const uint32_t name = first + (IsQuoteMark(Tok(first)) ? 1 : 0);
    for (uint32_t k = name; k < end && k <= name + kMaxSignatureTokens; ++k) {
      if (Tok(k) == ":") return k > name && k + 2 < end ? k : kNone;
      if (!AllCaps(k)) return kNone;
    }
    return kNone;
  }

  // The text between token k and the next.
  std::string_view Gap(uint32_t k) const {
    return doc_->Text({doc_->tokens[k].end, doc_->tokens[k + 1].begin});
  }

  static bool IsClosing(std::string_view w) { return w == "." || w == "!" || w == "?"; }
  // Dashes as the clean text has them (a horizontal bar is normalised to an em dash).
  static bool IsDash(std::string_view w) {
    return w == "-" || w == "--" || w == "\u2013" || w == "\u2014";
  }
  bool Capitalised(uint32_t k) const { return doc_->tokens[k].flags & kCapitalized; }
  bool AllCaps(uint32_t k) const { return doc_->tokens[k].flags & kAllCaps; }  // "WALLACE"

  // The person of the article whose name ends in `word`, any case ("PENCE": Mike Pence), the
  // one named first; "" if none.
  std::string PersonBySurname(std::string_view word) const {
    auto it = person_by_surname_.find(AsciiLower(word));
    return it == person_by_surname_.end() ? "" : it->second;
  }

  // A short line without a closing period is a heading; the person it names, if it is only a
  // name with titles ("Ukraine's President Volodymyr Zelensky"), speaks in the lines below it.
  void ReadHeading(uint32_t p) {
    uint32_t first = FirstToken(p), end = EndToken(p);
    if (end - first > kMaxHeadingTokens || Tok(end - 1) == "." || Tok(end - 1) == "-" ||
        Tok(first) == "-") {
      return;
    }
    heading_speaker_.clear();
    for (const Mention& m : doc_->mentions) {
      if (m.type == "PERSON" && m.end_token == end && m.first_token >= first) {
        heading_speaker_ = m.name;
      }
    }
  }

  // The end of the person's or organisation's name that starts at token `first`, or kNone.
  uint32_t NameAt(uint32_t first) const {
    for (const Mention& m : doc_->mentions) {
      if (m.first_token == first && (m.type == "PERSON" || m.type == "ORG")) return m.end_token;
    }
    return kNone;
  }

  std::string Kind(const Attribution& a, uint32_t cue_first) const {
    if (a.contents.empty()) return "indirect";
    bool all_marked = true, any_mark = false;
    for (const ByteSpan& c : a.contents) {
      std::string_view t = doc_->Text(c);
      bool opens = !t.empty() && t.front() == '"';
      bool closes = t.size() > 1 && (t.back() == '"' || EndsWith(t, "\",") || EndsWith(t, ",\""));
      all_marked = all_marked && opens && closes;
      any_mark = any_mark || t.find('"') != std::string_view::npos;
    }
    if (all_marked) return "direct";
    if (any_mark) return "partial";
    // Before its cue and in the speaker's own words ("We cannot allow games, said Starmer"; "it's
    // very simple: he has to stop, Starmer said"), not reported in the past tense ("The two
    // men clashed on Feb. 28, officials said").
    if (cue_first != kNone && a.contents.front().end <= doc_->tokens[cue_first].begin &&
        InSpeakersOwnWords(a)) {
      return "unmarked";
    }
    return "indirect";
  }

  static bool IsObjectPronoun(std::string_view w) {
    for (std::string_view p : {"him", "her", "them", "me", "us"}) {
      if (EqualsIgnoreCase(w, p)) return true;
    }
    return false;
  }

  // Whether a content has a word of the first or second person or a verb in the present tense.
  bool InSpeakersOwnWords(const Attribution& a) const {
    for (const ByteSpan& c : a.contents) {
      auto first = std::lower_bound(doc_->tokens.begin(), doc_->tokens.end(), c.begin,
                                    [](const Token& tok, uint32_t b) { return tok.begin < b; });
      auto end = first;
      while (end != doc_->tokens.end() && end->end <= c.end) ++end;
      if (InOwnWords(static_cast<uint32_t>(first - doc_->tokens.begin()),
                     static_cast<uint32_t>(end - doc_->tokens.begin()))) {
        return true;
      }
    }
    return false;
  }

  // The same of tokens [first, end).
  bool InOwnWords(uint32_t first, uint32_t end) const {
    for (uint32_t k = first; k < end; ++k) {
      if (k < doc_->pos.size() && (doc_->pos[k] == "VBZ" || doc_->pos[k] == "VBP")) return true;
    }
    return InFirstOrSecondPerson(first, end);
  }

  // Whether tokens [first, end) have a word of the first or second person.
  bool InFirstOrSecondPerson(uint32_t first, uint32_t end) const {
    static constexpr std::string_view kPersonal[] = {
        "i",    "me",        "my",  "mine", "myself", "we",       "us",        "our",
        "ours", "ourselves", "you", "your", "yours",  "yourself", "yourselves"};
    for (uint32_t k = first; k < end; ++k) {
      for (std::string_view w : kPersonal) {
        if (EqualsIgnoreCase(Tok(k), w)) return true;
      }
    }
    return false;
  }

  // Whether `m` lies in a content of `a` or of a quote found before it.
  bool InContent(const Mention& m, const Attribution& a) const {
    auto holds = [&](const ByteSpan& c) { return c.begin <= m.span.begin && m.span.end <= c.end; };
    if (std::any_of(a.contents.begin(), a.contents.end(), holds)) return true;
    for (auto q = doc_->quotes.rbegin(); q != doc_->quotes.rend(); ++q) {
      if (q->paragraph + 1 < doc_->sentences[m.sentence].paragraph) break;
      if (std::any_of(q->contents.begin(), q->contents.end(), holds)) return true;
    }
    return false;
  }

  // Whether `name` is a person's (a mention of that name is typed PERSON).
  bool IsPerson(const std::string& name) const { return gender_.count(name) != 0; }

  // Whether "he" (`pronoun` 'm') or "she" ('f') can stand for the person `name`: an
  // honorific ("Mr", "Ms") of one of its mentions or its first name tells, or nothing does.
  bool Agrees(const std::string& name, char pronoun) const {
    auto it = gender_.find(name);
    if (it != gender_.end() && it->second != 0) return it->second == pronoun;
    // "Leonard E. Burman", later "Mr. Burman" (which the entity stage may key apart).
    auto by = honorific_by_surname_.find(Surname(name));
    return by == honorific_by_surname_.end() || by->second == kEither || by->second == pronoun;
  }

  // The last word of a name, lowercased: "burman" of "Leonard E. Burman".
  static std::string Surname(const std::string& name) {
    const size_t space = name.rfind(' ');
    return AsciiLower(space == std::string::npos ? name : name.substr(space + 1));
  }

  static char GenderOfHonorific(const std::string& surface) {
    std::string first = AsciiLower(surface.substr(0, surface.find(' ')));
    if (!first.empty() && first.back() == '.') first.pop_back();
    if (first == "mr" || first == "sir" || first == "lord") return 'm';
    if (first == "mrs" || first == "ms" || first == "miss" || first == "dame" || first == "lady") {
      return 'f';
    }
    return 0;
  }

  static char GenderOfName(const std::string& name) {
    auto it = FirstNameGenders().find(name.substr(0, name.find(' ')));
    return it == FirstNameGenders().end() ? 0 : it->second;
  }

  // The speaker named by the source of `a`, tokens [first, end) in paragraph `p`.
  std::string Resolve(uint32_t first, uint32_t end, const Attribution& a, uint32_t p) const {
    const ByteSpan span = a.source;
    // A person named before the source's first comma ("John Podesta, a chief of staff to
    // President Bill Clinton"), else the last person ("Clinton spokesman Jesse Lehrich",
    // "Apple's chief executive, Tim Cook"), else the last organisation or place.
    uint32_t comma = end;
    for (uint32_t k = first; k < end; ++k) {
      if (Tok(k) == ",") {
        comma = k;
        break;
      }
    }
    const Mention *person = nullptr, *person_before_comma = nullptr, *other = nullptr;
    const bool the = AsciiLower(Tok(first)) == "the";
    for (const Mention& m : doc_->mentions) {
      if (m.span.begin < span.begin || m.span.end > span.end) continue;
      // A place speaks when it is the whole source: "Russia has said", "The UK believes".
      bool whole = m.first_token == first + (the ? 1 : 0) && m.end_token == end;
      if (m.type == "PERSON") {
        person = &m;
        if (m.end_token <= comma) person_before_comma = &m;
      } else if (m.type == "ORG" || (m.type == "PLACE" && (whole || m.name == "Downing Street"))) {
        other = &m;
      }
    }
    if (person_before_comma != nullptr) return person_before_comma->name;
    if (person != nullptr) return person->name;
    // A lone surname the entity tagger did not type ("PENCE:" in a transcript).
    if (end == first + 1 && Capitalised(first)) {
      if (std::string name = PersonBySurname(Tok(first)); !name.empty()) return name;
    }
    if (other != nullptr) return other->name;
    std::string w = AsciiLower(Tok(first));
    if ((w == "who" || w == "which") && end == first + 1) {
      // "..., the senator's spokesman Jim Manley, who said": the name just before.
      uint32_t before = first > 0 && Tok(first - 1) == "," ? first - 1 : first;
      for (const Mention& m : doc_->mentions) {
        if (m.end_token == before && m.type != "OTHER") return m.name;
      }
      return "";
    }
    const bool recent = last_speaker_ && p - last_speaker_para_ <= kPronounWindowParagraphs;
    if (w == "it") {  // a government, a company, a country spoken of before
      return recent && !IsPerson(*last_speaker_) ? *last_speaker_ : "";
    }
    // A possessive source ("his" of "his statement said") stands for its owner, as "he" does.
    const bool possessive = (w == "his" || w == "her") && end == first + 1;
    if (w == "he" || w == "she" || possessive) {
      const char pronoun = w == "he" || w == "his" ? 'm' : 'f';
      // The first person named (outside quotes) in the nearest sentence before, as far back
      // as `limit` sentences; the speaker of a quote counts as named where its source is
      // ("..., he added, praising Justin Trudeau. ..., he said": still the speaker).
      auto named_before = [&](int limit) -> std::string {
        const uint32_t at = doc_->tokens[first].begin;
        int stop = std::max(0, static_cast<int>(SentenceOf(first)) - limit);
        for (int s = static_cast<int>(SentenceOf(first)); s >= stop; --s) {
          const ByteSpan sentence = doc_->sentences[static_cast<size_t>(s)].span;
          const std::string* earliest = nullptr;
          uint32_t earliest_at = kNone;
          for (const Mention* named : persons_of_sentence_[static_cast<size_t>(s)]) {
            const Mention& m = *named;
            if (m.first_token >= first || in_quote_[m.first_token]) continue;
            // "If Putin is serious ..., he said" is not Putin's, nor is the next quote.
            if (InContent(m, a) || !Agrees(m.name, pronoun)) continue;
            if (m.span.begin < earliest_at) {
              earliest = &m.name;
              earliest_at = m.span.begin;
            }
          }
          for (size_t i : spoken_in_[static_cast<size_t>(s)]) {
            const Attribution& q = doc_->quotes[i];
            if (q.source.begin >= at || q.source.end > sentence.end || !IsPerson(q.speaker) ||
                !Agrees(q.speaker, pronoun)) {
              continue;
            }
            if (q.source.begin < earliest_at) {
              earliest = &q.speaker;
              earliest_at = q.source.begin;
            }
          }
          if (earliest) return *earliest;
        }
        return "";
      };
      std::string near = named_before(kNearSentences);
      if (!near.empty()) return near;
      if (recent && IsPerson(*last_speaker_) && Agrees(*last_speaker_, pronoun)) {
        return *last_speaker_;
      }
      return named_before(static_cast<int>(SentenceOf(first)));
    }
    if (IsDash(doc_->Text(a.cue))) {  // a signature the entity tagger did not type
      return std::string(doc_->Text({doc_->tokens[first].begin, doc_->tokens[end - 1].end}));
    }
    return ResolveNominal(first, end);
  }

  // A nominal ("the prime minister", "the Russian leader", "Finnish president"): the latest
  // person named before it whose title holds the whole role, else its head noun and every
  // word before it ("Russian President" for "the Russian leader": a generic head such as
  // "leader" needs only those words), else, for a bare role, its head noun.
  std::string ResolveNominal(uint32_t first, uint32_t end) const {
    std::vector<std::string> words;
    for (uint32_t k = first; k < end; ++k) words.push_back(AsciiLower(Tok(k)));
    if (!words.empty() && words.front() == "the") words.erase(words.begin());
    if (words.empty() || words.size() > kMaxNominalWords) return "";
    const std::string& head = words.back();
    std::string role;
    for (const std::string& word : words) role += (role.empty() ? "" : " ") + word;
    if (!lex_.Is(role, Lex::kRole) && !lex_.Is(head, Lex::kRole))
      return OrganisationOf(first, head);
    const bool generic = head == "leader" || head == "chief" || head == "head";
    auto score = [&](const Mention& m) {
      if (m.type != "PERSON" || m.description.empty()) return 0;
      std::string desc = " " + FullTitles(m.description) + " ";
      auto holds = [&](const std::string& x) {
        return desc.find(" " + x + " ") != std::string::npos;
      };
      bool modifiers = std::all_of(words.begin(), words.end() - 1, holds);
      return holds(role)                             ? 3
             : modifiers && (holds(head) || generic) ? 2
             : words.size() == 1 && holds(head)      ? 1
                                                     : 0;
    };
    const Mention* best = nullptr;
    int best_score = 0;
    for (const Mention& m : doc_->mentions) {
      int sc = m.first_token < first ? score(m) : 0;
      if (sc > 0 && sc >= best_score) {
        best = &m;
        best_score = sc;
      }
    }
    // A headline's nominal names the person the paragraph after it introduces ("..., says
    // Finnish president" over "Finnish President Alexander Stubb has told ...").
    if (best == nullptr) {
      const uint32_t next = ParagraphOf(first) + 1;
      auto introduced = std::find_if(doc_->mentions.begin(), doc_->mentions.end(), [&](auto& m) {
        return m.first_token >= end && doc_->sentences[m.sentence].paragraph == next &&
               score(m) >= 2;
      });
      if (introduced != doc_->mentions.end()) best = &*introduced;
    }
    return best ? best->name : "";
  }

  // A description lowercased, its abbreviated titles written out as the lexicon spells them
  // ("Sen." → "senator"), so that "the senator" finds "Sen. Lindsey Graham".
  std::string FullTitles(std::string_view description) const {
    std::string out;
    for (size_t at = 0; at < description.size();) {
      const size_t space = std::min(description.find(' ', at), description.size());
      const std::string_view word = description.substr(at, space - at);
      const std::string_view full = lex_.Value(word, Lex::kTitle);
      if (!out.empty()) out += ' ';
      out += full.empty() ? word : full;
      at = space + 1;
    }
    return AsciiLower(out);
  }

  // "the fund" after "the International Monetary Fund": the latest organisation named before
  // token `first` whose name ends in `head`; "" if none.
  std::string OrganisationOf(uint32_t first, const std::string& head) const {
    const Mention* best = nullptr;
    for (const Mention& m : doc_->mentions) {
      if (m.first_token >= first || m.type != "ORG") continue;
      std::string name = AsciiLower(m.name);
      if (name == head || EndsWith(name, " " + head)) best = &m;
    }
    return best ? best->name : "";
  }

  Document* doc_;
  const Lexicon& lex_;
  std::vector<uint32_t> token_sentence_;
  std::vector<bool> in_quote_;
  std::vector<std::vector<const Mention*>> persons_of_sentence_;  // PERSON mentions, in order
  std::vector<std::vector<size_t>> spoken_in_;    // per sentence, the quotes with a speaker whose
                                                  // source starts there
  std::unordered_map<std::string, char> gender_;  // every person named: 'm', 'f' or 0 (unknown)
  std::unordered_map<std::string, std::string> person_by_surname_;  // lowercased → first named
  // lowercased surname → 'm' or 'f' from the honorifics its persons are named with ("Mr.
  // Burman"), kEither where they disagree
  std::unordered_map<std::string, char> honorific_by_surname_;
  size_t last_ = kNoCue;               // index into doc_->quotes of the latest attribution
  std::optional<Pending> introducer_;  // a cue ending its paragraph with a colon, no words yet
  std::optional<std::string> last_speaker_;
  uint32_t last_speaker_para_ = 0;
  std::string heading_speaker_;  // the person the latest heading names, "" if none
  bool transcript_ = false;      // lines open with their speakers' names (LineHead)
};

}  // namespace

void FindQuotes(Document* doc) {
  doc->quotes.clear();
  const AttributionTagger* tagger = AttributionTagger::Default();
  if (doc->tokens.empty() || tagger == nullptr || doc->pos.empty()) return;
  QuoteBuilder(doc).Run(tagger->Tag(*doc));
}

}  // namespace crossread::analyze
