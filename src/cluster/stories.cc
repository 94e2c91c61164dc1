// Single-pass story clustering. Articles arrive in publication order (undated ones after, in
// input order). Each is scored against the stories that share one of its 20 heaviest terms
// (an inverted index from terms to stories):
//   score = (1 - w) * cosine(article, story centroid) + w * entity overlap
// times a decay when the article lies more than `window_days` from the story's dates; a
// near-duplicate joins its original's story outright. The best story at or above the
// threshold takes the article (its centroid and entity counts grow); otherwise it opens a new
// story. Entity overlap is the cosine between the article's entity set and the story's entity
// counts.
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <unordered_map>

#include "cluster/cluster.h"
#include "common/hash.h"

namespace crossread::cluster {

namespace {

constexpr size_t kQueryTerms = 20;  // an article's heaviest terms, to find candidate stories

struct OpenStory {
  sketch::TermVector centroid;  // sum of member vectors, normalised
  sketch::TermVector sum;
  std::unordered_map<uint64_t, int> entities;  // name hash → members naming it
  double entity_squares = 0;                   // sum of squared counts
  std::optional<Day> first, last;
};

double EntityOverlap(const std::vector<uint64_t>& names, const OpenStory& s) {
  if (names.empty() || s.entities.empty()) return 0;
  double dot = 0;
  for (uint64_t n : names) {
    auto it = s.entities.find(n);
    if (it != s.entities.end()) dot += it->second;
  }
  return dot / (std::sqrt(static_cast<double>(names.size()) * s.entity_squares));
}

double Decay(const std::optional<Day>& d, const OpenStory& s, int window) {
  if (!d || !s.first) return 1.0;
  long gap = 0;
  if (*d < *s.first) gap = (*s.first - *d).count();
  if (*d > *s.last) gap = (*d - *s.last).count();
  if (gap <= window) return 1.0;
  return std::max(0.0, 1.0 - static_cast<double>(gap - window) / 14.0);
}

}  // namespace

std::vector<uint32_t> ClusterStories(const std::vector<StoryFeatures>& articles,
                                     const StoryOptions& options) {
  std::vector<uint32_t> order(articles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const auto& pa = articles[a].published;
    const auto& pb = articles[b].published;
    if (pa && pb) return *pa < *pb;
    return pa.has_value() && !pb.has_value();
  });

  std::vector<OpenStory> stories;
  std::vector<int> story_of(articles.size(), -1);
  // Which stories hold a term (in any member), so that an article is scored only against the
  // stories sharing one of its heaviest terms, not against all of them.
  std::unordered_map<uint64_t, std::vector<uint32_t>> holders;
  std::vector<uint32_t> candidates;
  std::vector<uint64_t> names;
  for (uint32_t i : order) {
    const StoryFeatures& f = articles[i];
    names.clear();
    for (const std::string& n : f.entities) names.push_back(Hash64(n));
    int best = -1;
    double best_score = options.threshold;
    if (f.duplicate_of && story_of[*f.duplicate_of] >= 0) {
      best = story_of[*f.duplicate_of];
    } else {
      std::vector<std::pair<float, uint64_t>> heaviest;
      for (const auto& [term, w] : f.terms) heaviest.emplace_back(w, term);
      size_t k = std::min(kQueryTerms, heaviest.size());
      std::partial_sort(heaviest.begin(), heaviest.begin() + static_cast<long>(k), heaviest.end(),
                        std::greater<>());
      candidates.clear();
      for (size_t q = 0; q < k; ++q) {
        auto it = holders.find(heaviest[q].second);
        if (it != holders.end())
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (uint32_t c : candidates) {
        const OpenStory& story = stories[c];
        double score = (1 - options.entity_weight) * sketch::Cosine(f.terms, story.centroid) +
                       options.entity_weight * EntityOverlap(names, story);
        score *= Decay(f.published, story, options.window_days);
        if (score >= best_score) {
          best_score = score;
          best = static_cast<int>(c);
        }
      }
    }
    if (best < 0) {
      best = static_cast<int>(stories.size());
      stories.emplace_back();
    }
    OpenStory& s = stories[static_cast<size_t>(best)];
    sketch::AddScaled(f.terms, 1.0f, &s.sum);
    s.centroid = s.sum;
    sketch::Normalize(&s.centroid);
    for (const auto& [term, w] : f.terms) {
      std::vector<uint32_t>& h = holders[term];  // repeats are dropped when read
      if (h.empty() || h.back() != static_cast<uint32_t>(best))
        h.push_back(static_cast<uint32_t>(best));
    }
    for (uint64_t n : names) {
      int& count = s.entities[n];
      s.entity_squares += 2.0 * count + 1;  // (c + 1)^2 - c^2
      ++count;
    }
    if (f.published) {
      if (!s.first || *f.published < *s.first) s.first = f.published;
      if (!s.last || *f.published > *s.last) s.last = f.published;
    }
    story_of[i] = best;
  }

  // Renumber by first appearance in input order.
  std::vector<int> renumber(stories.size(), -1);
  std::vector<uint32_t> out(articles.size());
  uint32_t next = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    int& r = renumber[static_cast<size_t>(story_of[i])];
    if (r < 0) r = static_cast<int>(next++);
    out[i] = static_cast<uint32_t>(r);
  }
  return out;
}

}  // namespace crossread::cluster
