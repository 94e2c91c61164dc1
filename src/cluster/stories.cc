// Single-pass story clustering, streaming across batches. The articles of a batch are taken in
// publication order (undated ones after, in batch order). Each is scored against the stories that
// share one of its 20 heaviest terms (an inverted index from terms to stories):
//   score = (1 - w) * cosine(article, sum of the story's vectors) + w * entity overlap
// times a decay when the article lies more than `window_days` from the story's dates; a
// near-duplicate joins its original's story outright. The best story at or above the
// threshold takes the article (its term sum and entity counts grow); otherwise it opens a new
// story. Entity overlap is the cosine between the article's entity set and the story's entity
// counts. Term weights are TF-IDF over every article the stream has seen, the current batch
// included; the sums of earlier stories keep the weights their members had when they joined.
// The dot products are computed term by term over an inverted index (term → the stories
// holding it, with the term's weight in each story's sum): one pass over the postings of the
// article's terms scores every story at once, reading memory in order, where probing each
// candidate's own table missed the cache. A story's sum is also kept sorted, for its norm
// (summed in one order whatever the story's history) and for saving. Name overlaps are
// summed the same way, over an index from names to the stories naming them.
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <unordered_map>

#include "cluster/cluster.h"
#include "common/bytes.h"
#include "common/hash.h"
#include "common/u64_map.h"

namespace crossread::cluster {

namespace {

constexpr size_t kQueryTerms = 20;  // an article's heaviest terms, to find candidate stories
constexpr int kDecayDays = 14;      // beyond the window, similarity falls to 0 over this many
constexpr char kStateMagic[] = "CRSTORY3";

constexpr uint32_t kSweepEvery = 256;  // articles between two sweeps for closed stories

struct OpenStory {
  sketch::TermVector sum;  // sum of member vectors, sorted by term
  U64Map<uint32_t> slot;   // term → index of this story's posting in the term's postings
  double norm = 0;         // sum's L2 norm
  // Name hash → members naming it, and the index of this story's posting among the name's.
  struct Named {
    int count = 0;
    uint32_t posting = 0;
  };
  U64Map<Named> entities;
  double entity_squares = 0;  // sum of squared counts
  std::optional<Day> first, last;
  // Past the time window for good: no later article can score above 0 against it. Its
  // vectors are freed; its dates stay.
  bool closed = false;
};

double Decay(const std::optional<Day>& d, const OpenStory& s, int window) {
  if (!d || !s.first) return 1.0;
  long gap = 0;
  if (*d < *s.first) gap = (*s.first - *d).count();
  if (*d > *s.last) gap = (*d - *s.last).count();
  if (gap <= window) return 1.0;
  return std::max(0.0, 1.0 - static_cast<double>(gap - window) / kDecayDays);
}

void PutDay(std::string* out, const std::optional<Day>& d) {
  out->push_back(d ? 1 : 0);
  if (d) PutFixed(out, static_cast<int32_t>(d->time_since_epoch().count()));
}

bool ReadDay(ByteReader* in, std::optional<Day>* d) {
  uint8_t has = 0;
  if (!in->U8(&has) || has > 1) return false;
  if (!has) return true;
  int32_t days = 0;
  if (!in->Fixed(&days)) return false;
  *d = Day(std::chrono::days(days));
  return true;
}

}  // namespace

struct StoryStream::State {
  StoryOptions options;
  sketch::DocumentFrequencies df;
  std::vector<OpenStory> stories;
  std::vector<uint32_t> open;  // the stories not closed
  std::optional<Day> newest;   // the latest publication day seen
  size_t closed_since_rebuild = 0;
  // Which stories hold a term (in any member) and its weight in their sums. An article is
  // scored only against the stories sharing one of its heaviest terms; closed stories are
  // dropped when the index is rebuilt.
  struct Posting {
    uint32_t story;
    float weight;
  };
  U64Map<std::vector<Posting>> postings;
  // The same for names, a story's weight being the number of its members naming it.
  U64Map<std::vector<Posting>> name_postings;
  // Scratch of Add: the dot product of the current article with each story it shares a term
  // with, and those stories; the same over names.
  std::vector<double> dot;
  std::vector<uint32_t> touched;
  std::vector<double> name_dot;
  std::vector<uint32_t> name_touched;
  std::vector<const std::vector<Posting>*> lists;  // of the article's terms

  // Appends `posting` to the postings of `key` in `index`; its index there.
  static uint32_t Post(U64Map<std::vector<Posting>>* index, uint64_t key, Posting posting) {
    std::vector<Posting>& p = (*index)[key];
    p.push_back(posting);
    return static_cast<uint32_t>(p.size() - 1);
  }

  // Adds `terms` to story `c`'s sum and to the postings.
  void Join(const sketch::TermVector& terms, uint32_t c) {
    OpenStory& s = stories[c];
    sketch::AddScaled(terms, 1.0f, &s.sum);
    s.norm = sketch::Norm(s.sum);
    for (const auto& [term, w] : terms) {
      bool fresh = false;
      uint32_t& at = s.slot.Insert(term, &fresh);
      if (fresh) {
        at = Post(&postings, term, {c, w});
      } else {
        postings[term][at].weight += w;
      }
    }
  }

  // Counts `names` (hashes, distinct) in story `c`.
  void JoinNames(const std::vector<uint64_t>& names, uint32_t c) {
    OpenStory& s = stories[c];
    for (uint64_t n : names) {
      bool fresh = false;
      OpenStory::Named& e = s.entities.Insert(n, &fresh);
      s.entity_squares += 2.0 * e.count + 1;  // (count + 1)^2 - count^2
      ++e.count;
      if (fresh) {
        e.posting = Post(&name_postings, n, {c, 1});
      } else {
        name_postings[n][e.posting].weight += 1;
      }
    }
  }

  // Fills name_dot[] for the stories naming one of `names` (listed in `name_touched`): the
  // sum over the names of the members naming each.
  void NameDotProducts(const std::vector<uint64_t>& names) {
    for (uint32_t c : name_touched) name_dot[c] = 0;
    name_touched.clear();
    name_dot.resize(stories.size(), 0);
    for (uint64_t n : names) {
      const std::vector<Posting>* list = name_postings.Find(n);
      if (!list) continue;
      for (const Posting& q : *list) {
        if (name_dot[q.story] == 0) name_touched.push_back(q.story);
        name_dot[q.story] += q.weight;
      }
    }
  }

  // The cosine between the article's names (as a set) and story c's name counts.
  double EntityOverlap(size_t names, uint32_t c) const {
    const OpenStory& s = stories[c];
    if (names == 0 || s.entities.empty()) return 0;
    return name_dot[c] / std::sqrt(static_cast<double>(names) * s.entity_squares);
  }

  // Fills dot[] for the stories sharing a term with `terms` (listed in `touched`).
  void DotProducts(const sketch::TermVector& terms) {
    for (uint32_t c : touched) dot[c] = -1;
    touched.clear();
    dot.resize(stories.size(), -1);
    // The terms' postings are looked up, then read, each a few terms ahead of its use, so
    // that the cache misses of the table and of the lists overlap.
    constexpr size_t kAhead = 8;
    const size_t n = terms.size();
    lists.assign(n, nullptr);
    for (size_t k = 0; k < std::min(n, kAhead); ++k) postings.Prefetch(terms[k].first);
    for (size_t k = 0; k < n; ++k) {
      if (k + kAhead < n) postings.Prefetch(terms[k + kAhead].first);
      lists[k] = postings.Find(terms[k].first);
    }
    for (size_t k = 0; k < n; ++k) {
      if (k + kAhead < n && lists[k + kAhead]) __builtin_prefetch(lists[k + kAhead]->data());
      if (!lists[k]) continue;
      const float w = terms[k].second;
      for (const Posting& q : *lists[k]) {
        double& d = dot[q.story];
        if (d < 0) {
          d = 0;
          touched.push_back(q.story);
        }
        d += static_cast<double>(w) * q.weight;
      }
    }
  }

  // Closes the stories whose last day lies so far before the newest day that the time decay
  // is 0 for every article from the newest day on (articles come in publication order), so
  // that memory follows the live window, not all history. The index is rebuilt once it holds
  // more closed stories than open ones.
  void Sweep() {
    if (newest) {
      const long horizon = options.window_days + kDecayDays;
      size_t kept = 0;
      for (uint32_t c : open) {
        OpenStory& s = stories[c];
        if (s.last && (*newest - *s.last).count() >= horizon) {
          OpenStory done;
          done.first = s.first;
          done.last = s.last;
          done.closed = true;
          s = std::move(done);
          ++closed_since_rebuild;
        } else {
          open[kept++] = c;
        }
      }
      open.resize(kept);
    }
    if (closed_since_rebuild > open.size()) {
      postings.Clear();
      name_postings.Clear();
      for (uint32_t c : open) {
        OpenStory& s = stories[c];
        for (const auto& [term, w] : s.sum) s.slot[term] = Post(&postings, term, {c, w});
        s.entities.ForEach([&](uint64_t name, OpenStory::Named& e) {
          e.posting = Post(&name_postings, name, {c, static_cast<float>(e.count)});
        });
      }
      closed_since_rebuild = 0;
    }
  }
};

StoryStream::StoryStream(const StoryOptions& options) : state_(std::make_unique<State>()) {
  state_->options = options;
}
StoryStream::~StoryStream() = default;
StoryStream::StoryStream(StoryStream&&) noexcept = default;
StoryStream& StoryStream::operator=(StoryStream&&) noexcept = default;

size_t StoryStream::stories() const { return state_->stories.size(); }
size_t StoryStream::open_stories() const { return state_->open.size(); }

std::vector<uint32_t> StoryStream::Add(const std::vector<StoryFeatures>& batch) {
  State& st = *state_;
  const StoryOptions& options = st.options;
  for (const StoryFeatures& f : batch) st.df.Add(f.terms);
  std::vector<uint32_t> order(batch.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return PublishedBefore(batch[a].published, batch[b].published);
  });

  std::vector<int> story_of(batch.size(), -1);
  const bool all_dated = std::all_of(
      batch.begin(), batch.end(), [](const StoryFeatures& f) { return f.published.has_value(); });
  uint32_t swept = 0;
  std::vector<uint32_t> candidates;
  std::vector<uint64_t> names;
  for (uint32_t i : order) {
    const StoryFeatures& f = batch[i];
    const sketch::TermVector terms = sketch::TfIdf(f.terms, st.df);
    names.clear();
    for (const std::string& n : f.entities) names.push_back(Hash64(n));
    int best = -1;
    double best_score = options.threshold;
    if (f.duplicate_of && story_of[*f.duplicate_of] >= 0 &&
        !st.stories[static_cast<size_t>(story_of[*f.duplicate_of])].closed) {
      best = story_of[*f.duplicate_of];
    } else {
      std::vector<std::pair<float, uint64_t>> heaviest;
      for (const auto& [term, w] : terms) heaviest.emplace_back(w, term);
      size_t k = std::min(kQueryTerms, heaviest.size());
      std::partial_sort(heaviest.begin(), heaviest.begin() + static_cast<long>(k), heaviest.end(),
                        std::greater<>());
      candidates.clear();
      for (size_t q = 0; q < k; ++q) {
        if (const auto* p = st.postings.Find(heaviest[q].second)) {
          for (const State::Posting& posting : *p) candidates.push_back(posting.story);
        }
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      st.DotProducts(terms);
      st.NameDotProducts(names);
      for (uint32_t c : candidates) {
        const OpenStory& story = st.stories[c];
        if (story.closed) continue;
        // The similarity is at most 1, so a story decayed below the best score so far (long
        // closed, as most are in a long stream) is passed over without computing it.
        const double decay = Decay(f.published, story, options.window_days);
        if (decay < best_score) continue;
        const double cosine = story.norm > 0 ? st.dot[c] / story.norm : 0;
        double score = (1 - options.entity_weight) * cosine +
                       options.entity_weight * st.EntityOverlap(names.size(), c);
        score *= decay;
        if (score >= best_score) {
          best_score = score;
          best = static_cast<int>(c);
        }
      }
    }
    if (best < 0) {
      best = static_cast<int>(st.stories.size());
      st.stories.emplace_back();
      st.open.push_back(static_cast<uint32_t>(best));
    }
    st.Join(terms, static_cast<uint32_t>(best));
    st.JoinNames(names, static_cast<uint32_t>(best));
    OpenStory& s = st.stories[static_cast<size_t>(best)];
    if (f.published) {
      if (!s.first || *f.published < *s.first) s.first = f.published;
      if (!s.last || *f.published > *s.last) s.last = f.published;
    }
    story_of[i] = best;
    if (f.published && (!st.newest || *f.published > *st.newest)) st.newest = f.published;
    // Undated articles, taken last, are scored against every story without decay, so the
    // stories stay open through a batch that has any.
    if (all_dated && ++swept % kSweepEvery == 0) st.Sweep();
  }
  st.Sweep();
  return std::vector<uint32_t>(story_of.begin(), story_of.end());
}

std::string StoryStream::SaveFrequencies() const {
  std::string out(kStateMagic);
  PutDay(&out, state_->newest);
  state_->df.Encode(&out);
  return out;
}

std::string StoryStream::SaveStory(uint32_t story) const {
  const OpenStory& s = state_->stories.at(story);
  std::string out;
  PutVarint(&out, s.sum.size());
  for (const auto& [term, w] : s.sum) {
    PutFixed(&out, term);
    PutFixed(&out, w);
  }
  PutVarint(&out, s.entities.size());
  s.entities.ForEach([&](uint64_t name, const OpenStory::Named& e) {
    PutFixed(&out, name);
    PutVarint(&out, static_cast<uint32_t>(e.count));
  });
  PutDay(&out, s.first);
  PutDay(&out, s.last);
  return out;
}

namespace {

std::optional<OpenStory> ReadStory(std::string_view bytes) {
  ByteReader in(bytes);
  OpenStory s;
  size_t terms = 0, names = 0;
  if (!in.Varint(&terms)) return std::nullopt;
  for (size_t i = 0; i < terms; ++i) {
    uint64_t term = 0;
    float w = 0;
    if (!in.Fixed(&term) || !in.Fixed(&w)) return std::nullopt;
    if (!s.sum.empty() && term <= s.sum.back().first) return std::nullopt;  // sorted, once
    s.sum.emplace_back(term, w);
  }
  if (!in.Varint(&names)) return std::nullopt;
  for (size_t i = 0; i < names; ++i) {
    uint64_t name = 0;
    uint32_t count = 0;
    if (!in.Fixed(&name) || !in.Varint(&count) || count == 0) return std::nullopt;
    s.entities[name].count = static_cast<int>(count);
    s.entity_squares += static_cast<double>(count) * count;
  }
  if (!ReadDay(&in, &s.first) || !ReadDay(&in, &s.last) || !in.done()) return std::nullopt;
  s.norm = sketch::Norm(s.sum);
  return s;
}

}  // namespace

std::optional<StoryStream> StoryStream::Load(std::string_view frequencies,
                                             const std::vector<std::string>& stories,
                                             const StoryOptions& options) {
  const std::string_view magic(kStateMagic);
  if (frequencies.substr(0, magic.size()) != magic) return std::nullopt;
  ByteReader in(frequencies.substr(magic.size()));
  StoryStream stream(options);
  State& st = *stream.state_;
  if (!ReadDay(&in, &st.newest) || !st.df.Decode(&in) || !in.done()) return std::nullopt;
  st.stories.reserve(stories.size());
  for (size_t k = 0; k < stories.size(); ++k) {
    std::optional<OpenStory> s = ReadStory(stories[k]);
    if (!s) return std::nullopt;
    st.stories.push_back(std::move(*s));
    st.open.push_back(static_cast<uint32_t>(k));
  }
  st.closed_since_rebuild = st.open.size() + 1;  // index what stays open
  st.Sweep();
  return stream;
}

std::vector<uint32_t> NumberByFirstAppearance(const std::vector<uint32_t>& story_of) {
  std::unordered_map<uint32_t, uint32_t> renumber;
  std::vector<uint32_t> out;
  out.reserve(story_of.size());
  for (uint32_t s : story_of) {
    out.push_back(renumber.try_emplace(s, static_cast<uint32_t>(renumber.size())).first->second);
  }
  return out;
}

std::vector<uint32_t> ClusterStories(const std::vector<StoryFeatures>& articles,
                                     const StoryOptions& options) {
  StoryStream stream(options);
  return NumberByFirstAppearance(stream.Add(articles));
}

}  // namespace crossread::cluster
