// The clusterers' inputs from clean articles: near-duplicates, and story features (content
// terms, names, publication day).
#include <algorithm>
#include <iterator>

#include "cluster/cluster.h"
#include "common/parallel.h"
#include "common/radix_sort.h"

namespace crossread::cluster {

std::vector<std::optional<uint32_t>> DuplicateOf(const std::vector<Article>& articles,
                                                 double threshold, int threads) {
  std::vector<std::optional<uint32_t>> of(articles.size());
  for (const auto& g : NearDuplicates(articles, threshold, threads)) {
    for (size_t k = 1; k < g.members.size(); ++k) of[g.members[k]] = g.members.front();
  }
  return of;
}

namespace {

// A headline's content words count this many times each, as if repeated in the text: a
// headline names what the story is about, where a long text also tells its background (on the
// shared sets: 0.964 / 0.791 / 0.862 B3 F1 without, see docs/BENCHMARKS.md).
constexpr int kTitleRepeats = 3;

StoryFeatures FeaturesFrom(sketch::TextSketch sketch, const Article& article) {
  StoryFeatures f;
  f.terms = std::move(sketch.terms);
  f.entities = std::move(sketch.names);
  if (article.title) {
    sketch::TextSketch title = sketch::SketchText(*article.title);
    for (int k = 0; k < kTitleRepeats; ++k) {
      f.terms.insert(f.terms.end(), title.terms.begin(), title.terms.end());
    }
    std::vector<std::string> names;
    std::set_union(f.entities.begin(), f.entities.end(), title.names.begin(), title.names.end(),
                   std::back_inserter(names));
    f.entities = std::move(names);
  }
  RadixSort(&f.terms);
  if (article.published) f.published = ParseIsoDay(*article.published);
  return f;
}

}  // namespace

std::vector<StoryFeatures> FeaturesOf(const std::vector<Article>& articles,
                                      const std::vector<std::optional<uint32_t>>& duplicate_of,
                                      int threads) {
  std::vector<StoryFeatures> features(articles.size());
  ParallelFor(articles.size(), threads, [&](size_t i) {
    features[i] = FeaturesFrom(sketch::SketchText(articles[i].text), articles[i]);
    features[i].duplicate_of = duplicate_of[i];
  });
  return features;
}

std::vector<StoryFeatures> SketchBatch(const std::vector<Article>& articles, double threshold,
                                       int threads) {
  std::vector<StoryFeatures> features(articles.size());
  std::vector<std::vector<uint64_t>> words(articles.size());
  ParallelFor(articles.size(), threads, [&](size_t i) {
    sketch::TextSketch sketch = sketch::SketchText(articles[i].text);
    words[i] = std::move(sketch.words);
    features[i] = FeaturesFrom(std::move(sketch), articles[i]);
  });
  auto words_of = [&](uint32_t i) { return words[i]; };
  for (const auto& g : NearDuplicates(articles.size(), words_of, threshold, threads)) {
    for (size_t k = 1; k < g.members.size(); ++k) {
      features[g.members[k]].duplicate_of = g.members.front();
    }
  }
  return features;
}

}  // namespace crossread::cluster
