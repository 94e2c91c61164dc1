// The public entry points: each runs the stages in order — ingest, clean, analyze, sketch,
// cluster, align, brief — over plain values.
#include "crossread/pipeline.h"

#include <algorithm>
#include <future>
#include <map>
#include <numeric>

#include "align/align.h"
#include "analyze/document.h"
#include "analyze/lemma.h"
#include "analyze/linguistic.h"
#include "brief/brief.h"
#include "clean/clean.h"
#include "cluster/cluster.h"
#include "common/dates.h"
#include "common/offset_map.h"
#include "common/parallel.h"
#include "common/utf8.h"
#include "ingest/reader.h"

namespace crossread {

namespace {

// `crossread cluster` cleans and clusters this many articles at a time.
constexpr size_t kClusterBatch = 4096;
// A brief analyses about this many articles at a time (Assemble).
constexpr size_t kBatchArticles = 512;

std::vector<analyze::Document> AnalyzeAll(const std::vector<Article>& articles, int threads) {
  std::vector<analyze::Document> docs(articles.size());
  ParallelFor(articles.size(), threads, [&](size_t i) { docs[i] = analyze::Analyze(articles[i]); });
  return docs;
}

// Stories of `articles`, by input index.
std::vector<uint32_t> StoriesOf(const std::vector<Article>& articles,
                                const std::vector<std::optional<uint32_t>>& duplicate_of,
                                const Options& options) {
  cluster::StoryOptions so;
  so.threshold = options.story_threshold;
  return cluster::ClusterStories(cluster::FeaturesOf(articles, duplicate_of, options.threads), so);
}

// An article without a publication date reads its relative dates ("on Thursday", "last
// August") against its story's date, when the story's dated articles agree on it within a day
// (the latest of them); otherwise they stay unresolved. The day for each article, if any.
std::vector<std::optional<std::string>> StoryDays(const std::vector<Article>& articles,
                                                  const std::vector<uint32_t>& story) {
  std::map<uint32_t, std::pair<Day, Day>> span;  // story → first and last publication day
  for (size_t i = 0; i < articles.size(); ++i) {
    if (!articles[i].published) continue;
    std::optional<Day> day = ParseIsoDay(*articles[i].published);
    if (!day) continue;
    auto [it, fresh] = span.try_emplace(story[i], *day, *day);
    if (!fresh) {
      it->second.first = std::min(it->second.first, *day);
      it->second.second = std::max(it->second.second, *day);
    }
  }
  std::vector<std::optional<std::string>> out(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    auto it = span.find(story[i]);
    if (articles[i].published || it == span.end()) continue;
    if ((it->second.second - it->second.first).count() > 1) continue;
    out[i] = FormatDay(it->second.second);
  }
  return out;
}

// The brief of `articles` grouped by `story` (article i in story story[i], whose id is
// ids[story[i]]), with `dup` the earlier near-duplicate of each: its stories go to `sink` as
// they are built, or into the brief returned where `sink` is null. Stories are analysed and
// built a batch of about kBatchArticles articles at a time, so that only one batch's analyses
// are held: an analysis takes about eight times its article's size.
Brief Assemble(std::vector<Article> articles, const std::vector<uint32_t>& story,
               const std::vector<std::string>& ids, const std::vector<std::optional<uint32_t>>& dup,
               const Options& options, BriefSink* sink) {
  Brief brief;
  std::vector<std::vector<uint32_t>> members(ids.size());
  for (uint32_t i = 0; i < articles.size(); ++i) {
    members[story[i]].push_back(i);
    brief.story_of[articles[i].id] = ids[story[i]];
    brief.duplicate_of[articles[i].id] =
        dup[i] ? std::optional<std::string>(articles[*dup[i]].id) : std::nullopt;
  }
  const std::vector<std::optional<std::string>> day = StoryDays(articles, story);
  // The analyses point into the articles: they stay where they are from here on.
  brief.articles = std::move(articles);
  const std::vector<Article>& held = brief.articles;
  if (sink != nullptr) sink->Begin(brief);
  for (size_t first = 0; first < ids.size();) {
    size_t end = first, count = 0;
    std::vector<uint32_t> batch;
    while (end < ids.size() && (end == first || count + members[end].size() <= kBatchArticles)) {
      count += members[end].size();
      batch.insert(batch.end(), members[end].begin(), members[end].end());
      ++end;
    }
    std::vector<analyze::Document> docs(batch.size());
    ParallelFor(batch.size(), options.threads, [&](size_t j) {
      docs[j] = analyze::Analyze(held[batch[j]]);
      if (day[batch[j]]) analyze::FindDates(&docs[j], *day[batch[j]]);
    });
    std::vector<align::Docs> story_docs(end - first);
    for (size_t k = first, j = 0; k < end; ++k) {
      for (size_t m = 0; m < members[k].size(); ++m) story_docs[k - first].push_back(&docs[j++]);
    }
    std::vector<Story> built(end - first);
    ParallelFor(end - first, options.threads, [&](size_t k) {
      built[k] = brief::BuildStory(story_docs[k], ids[first + k], options);
    });
    for (Story& s : built) {
      if (sink != nullptr) {
        sink->Add(s);
      } else {
        brief.stories.push_back(std::move(s));
      }
    }
    first = end;
  }
  return brief;
}

// The near-duplicates and stories of `articles`, and the stories' ids.
struct Grouping {
  std::vector<std::optional<uint32_t>> dup;
  std::vector<uint32_t> story;
  std::vector<std::string> ids;
};

Grouping GroupArticles(const std::vector<Article>& articles, const Options& options) {
  Grouping g;
  g.dup = cluster::DuplicateOf(articles, options.duplicate_threshold, options.threads);
  g.story = StoriesOf(articles, g.dup, options);
  uint32_t stories = 0;
  for (uint32_t s : g.story) stories = std::max(stories, s + 1);
  for (uint32_t s = 0; s < stories; ++s) g.ids.push_back("s" + std::to_string(s + 1));
  return g;
}

}  // namespace

Inputs ReadArticles(const std::vector<std::string>& paths, std::istream& stdin_stream, int threads,
                    bool clean) {
  Inputs in;
  ingest::ReadPaths(paths, stdin_stream, &in.articles, &in.errors);
  if (clean) CleanArticles(in.articles, threads);
  return in;
}

Brief BuildBrief(std::vector<Article> articles, const Options& options) {
  Grouping g = GroupArticles(articles, options);
  return Assemble(std::move(articles), g.story, g.ids, g.dup, options, nullptr);
}

void BuildBrief(std::vector<Article> articles, const Options& options, BriefSink* sink) {
  Grouping g = GroupArticles(articles, options);
  Assemble(std::move(articles), g.story, g.ids, g.dup, options, sink);
}

Brief BuildStoryBrief(std::vector<Article> articles, const std::string& story_id,
                      const Options& options) {
  std::vector<std::optional<uint32_t>> dup =
      cluster::DuplicateOf(articles, options.duplicate_threshold, options.threads);
  std::vector<uint32_t> story(articles.size(), 0);
  return Assemble(std::move(articles), story, {story_id}, dup, options, nullptr);
}

std::vector<std::string> ClusterStories(std::vector<Article> articles, const Options& options) {
  // Publication order, undated articles last in input order, as the stream takes a batch.
  std::vector<uint32_t> order(articles.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::optional<Day>> day(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    if (articles[i].published) day[i] = ParseIsoDay(*articles[i].published);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return PublishedBefore(day[a], day[b]); });
  cluster::StoryOptions so;
  so.threshold = options.story_threshold;
  cluster::StoryStream stream(so);
  std::vector<uint32_t> story(articles.size());
  clean::CleanOptions lean;  // the stories need the text, not the language or credits
  lean.metadata = false;
  // The stream takes one batch while the next is cleaned and sketched: its work is serial,
  // and would otherwise leave all threads but one idle (on one thread, it runs in turn).
  const std::launch policy = options.threads == 1 ? std::launch::deferred : std::launch::async;
  std::future<void> adding;
  for (size_t at = 0; at < order.size(); at += kClusterBatch) {
    const size_t end = std::min(order.size(), at + kClusterBatch);
    std::vector<Article> batch;
    for (size_t k = at; k < end; ++k) batch.push_back(std::move(articles[order[k]]));
    clean::CleanArticles(batch, options.threads, lean);
    std::vector<cluster::StoryFeatures> features =
        cluster::SketchBatch(batch, options.duplicate_threshold, options.threads);
    if (adding.valid()) adding.get();
    adding = std::async(policy, [&, at, end, features = std::move(features)] {
      std::vector<uint32_t> of = stream.Add(features);
      for (size_t k = at; k < end; ++k) story[order[k]] = of[k - at];
    });
  }  // each batch's texts freed once it is sketched, its features once the stream has them
  if (adding.valid()) adding.get();
  std::vector<std::string> out;
  out.reserve(story.size());
  for (uint32_t s : cluster::NumberByFirstAppearance(story))
    out.push_back("s" + std::to_string(s + 1));
  return out;
}

std::vector<DuplicateGroup> FindDuplicates(const std::vector<Article>& articles,
                                           const Options& options) {
  std::vector<DuplicateGroup> out;
  for (const auto& g :
       cluster::NearDuplicates(articles, options.duplicate_threshold, options.threads)) {
    DuplicateGroup d;
    for (uint32_t m : g.members) d.articles.push_back(articles[m].id);
    d.similarity = g.similarity;
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<ArticleQuote> ExtractQuotes(const Article& article) {
  analyze::Document doc = analyze::Analyze(article);
  const std::string_view raw = article.raw_text;
  std::vector<size_t> byte_of;  // the raw byte offset of each raw code point, and the end
  for (size_t i = 0; i < raw.size(); ++i) {
    if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  }
  byte_of.push_back(raw.size());
  auto byte = [&](uint32_t cp) { return byte_of[std::min<size_t>(cp, byte_of.size() - 1)]; };
  auto span = [&](analyze::ByteSpan s) {
    Span out;
    out.start = article.RawCodePoint(s.begin);
    out.end = article.RawCodePoint(s.end);
    out.text = std::string(raw.substr(byte(out.start), byte(out.end) - byte(out.start)));
    return out;
  };
  std::vector<ArticleQuote> out;
  for (const analyze::Attribution& a : doc.quotes) {
    ArticleQuote q;
    q.cue = span(a.cue);
    if (!a.source.empty()) q.sources.push_back(span(a.source));
    for (const analyze::ByteSpan& c : a.contents) q.contents.push_back(span(c));
    if (!a.speaker.empty()) q.speaker = a.speaker;
    q.kind = a.kind;
    out.push_back(std::move(q));
  }
  return out;
}

Result<std::string> AnnotateConllu(const Article& article) {
  const analyze::Linguist* linguist = analyze::Linguist::Default();
  if (linguist == nullptr) return Status::Internal("the linguistic models cannot be loaded");
  // Tokens, sentences and tags are all it prints: the later stages are not run.
  analyze::Document doc;
  doc.article = &article;
  analyze::Tokenize(&doc);
  analyze::SplitSentences(&doc);
  analyze::TagPartsOfSpeech(&doc);
  const std::string_view raw = article.raw_text;
  std::string out = "# newdoc id = " + article.id + "\n";
  // Tokens advance through the text, so a cursor finds their raw bytes in linear time.
  size_t cursor_cp = 0, cursor_byte = 0;
  auto raw_byte = [&](uint32_t cp) {
    if (cp < cursor_cp) cursor_cp = cursor_byte = 0;
    while (cursor_cp < cp && cursor_byte < raw.size()) {
      cursor_byte += Utf8SequenceLength(static_cast<unsigned char>(raw[cursor_byte]));
      ++cursor_cp;
    }
    return std::min(cursor_byte, raw.size());
  };
  int n = 0;
  for (const analyze::Sentence& s : doc.sentences) {
    std::vector<std::string_view> words;
    for (uint32_t k = s.first_token; k < s.end_token; ++k) words.push_back(doc.TokenText(k));
    std::vector<std::string> pos(doc.pos.begin() + s.first_token, doc.pos.begin() + s.end_token);
    std::vector<std::string> ner =
        linguist->TagEntities(doc.Words(s.first_token, s.end_token), pos);
    std::vector<analyze::Arc> arcs = linguist->Parse(doc.Words(s.first_token, s.end_token), pos);
    out += "# sent_id = " + article.id + "#" + std::to_string(++n) + "\n";
    for (size_t i = 0; i < words.size(); ++i) {
      const analyze::Token& t = doc.tokens[s.first_token + i];
      uint32_t begin = article.RawCodePoint(t.begin), end = article.RawCodePoint(t.end);
      size_t b = raw_byte(begin);
      std::string form(raw.substr(b, raw_byte(end) - b));
      for (char& c : form) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      }
      out += std::to_string(i + 1) + "\t" + form + "\t" + analyze::Lemma(words[i], pos[i]) +
             "\t_\t" + pos[i] + "\t_\t" + std::to_string(arcs[i].head) + "\t" + arcs[i].label +
             "\t_\tNER=" + ner[i] + "|Span=" + std::to_string(begin) + "-" + std::to_string(end) +
             "\n";
    }
    out += "\n";
  }
  return out;
}

std::vector<SummarySentence> Summarize(const std::vector<Article>& articles,
                                       const Options& options) {
  std::vector<analyze::Document> docs = AnalyzeAll(articles, options.threads);
  align::Docs ptrs;
  for (const analyze::Document& d : docs) ptrs.push_back(&d);
  align::FactTable facts = align::AlignFacts(ptrs);
  return brief::Summarize(ptrs, facts, options.summary_words, options.query);
}

}  // namespace crossread
