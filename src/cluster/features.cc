// The clusterers' inputs from clean articles: near-duplicates, and story features (content
// terms, names, publication day).
#include "analyze/document.h"
#include "cluster/cluster.h"
#include "common/lexicon.h"
#include "common/parallel.h"
#include "common/strings.h"

namespace crossread::cluster {

namespace {

// The names an article mentions: runs of capitalised words, except a capitalised stopword,
// month or weekday standing alone ("The", "On", "Monday"). Cheaper than the entity tagger by
// two orders of magnitude and, for grouping, as good.
std::vector<std::string> NamesIn(const Article& article) {
  analyze::Document doc;  // tokens are all this needs of the analysis
  doc.article = &article;
  analyze::Tokenize(&doc);
  const Lexicon& lex = Lexicon::Get();
  std::vector<std::string> names;
  std::string run;
  int words = 0;
  auto flush = [&] {
    if (words > 1 || (words == 1 && !lex.Is(AsciiLower(run), Lex::kStopword) &&
                      !lex.Is(run, Lex::kMonth) && !lex.Is(run, Lex::kWeekday))) {
      names.push_back(run);
    }
    run.clear();
    words = 0;
  };
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    const analyze::Token& tok = doc.tokens[t];
    bool name = (tok.flags & analyze::kWord) && (tok.flags & analyze::kCapitalized);
    if (!name) {
      flush();
      continue;
    }
    if (words > 0) run += ' ';
    run += doc.TokenText(t);
    ++words;
  }
  flush();
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace

std::vector<std::optional<uint32_t>> DuplicateOf(const std::vector<Article>& articles,
                                                 double threshold, int threads) {
  std::vector<std::optional<uint32_t>> of(articles.size());
  for (const auto& g : NearDuplicates(articles, threshold, threads)) {
    for (size_t k = 1; k < g.members.size(); ++k) of[g.members[k]] = g.members.front();
  }
  return of;
}

std::vector<StoryFeatures> FeaturesOf(const std::vector<Article>& articles,
                                      const std::vector<std::optional<uint32_t>>& duplicate_of,
                                      int threads) {
  std::vector<StoryFeatures> features(articles.size());
  ParallelFor(articles.size(), threads, [&](size_t i) {
    StoryFeatures& f = features[i];
    f.terms = sketch::ContentTerms(articles[i].text);
    std::sort(f.terms.begin(), f.terms.end());
    f.entities = NamesIn(articles[i]);
    if (articles[i].published) f.published = ParseIsoDay(*articles[i].published);
    f.duplicate_of = duplicate_of[i];
  });
  return features;
}

}  // namespace crossread::cluster
