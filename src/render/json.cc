// JSON renderings: the brief (INTERFACE.md "crossread.brief/1") and the JSON lines of
// `extract`, `quotes` and `dedup`. nlohmann::json escapes every string.
#include <nlohmann/json.hpp>
#include <sstream>

#include "crossread/brief.h"
#include "crossread/pipeline.h"

namespace crossread {

namespace {

using Json = nlohmann::ordered_json;

Json Opt(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json ArticleJson(const Article& a) {
  Json j;
  j["id"] = a.id;
  j["url"] = Opt(a.url);
  j["title"] = Opt(a.title);
  j["outlet"] = Opt(a.outlet);
  j["wire"] = a.wire;
  j["dateline"] = Opt(a.dateline);
  j["published"] = Opt(a.published);
  j["language"] = Opt(a.language);
  j["authors"] = a.authors;
  j["text"] = a.text;
  j["removed"] = a.removed;
  return j;
}

// An article as the brief lists it: with its story (null when none) and earlier copy.
Json BriefArticleJson(const Article& a, const std::string* story,
                      const std::optional<std::string>& duplicate_of) {
  Json j = ArticleJson(a);
  j["story"] = story ? Json(*story) : Json(nullptr);
  j["duplicate_of"] = Opt(duplicate_of);
  return j;
}

Json StoryJson(const Story& s) {
  Json j;
  j["id"] = s.id;
  j["headline"] = s.headline;
  j["articles"] = s.articles;
  j["published"] = {{"first", Opt(s.first_published)}, {"last", Opt(s.last_published)}};
  Json summary = Json::array();
  for (const SummarySentence& x : s.summary) {
    summary.push_back({{"text", x.text}, {"article", x.article}, {"also_in", x.also_in}});
  }
  j["summary"] = summary;
  j["event"] = {{"who", Opt(s.event.who)},   {"what", Opt(s.event.what)},
                {"when", Opt(s.event.when)}, {"where", Opt(s.event.where)},
                {"why", Opt(s.event.why)},   {"how", Opt(s.event.how)}};
  Json entities = Json::array();
  for (const Entity& e : s.entities) {
    Json mentions = Json::object();
    for (const auto& [article, n] : e.mentions) mentions[article] = n;
    entities.push_back({{"id", e.id},
                        {"name", e.name},
                        {"type", e.type},
                        {"aliases", e.aliases},
                        {"descriptions", e.descriptions},
                        {"mentions", mentions}});
  }
  j["entities"] = entities;
  Json quotes = Json::array();
  for (const Quote& q : s.quotes) {
    Json instances = Json::array();
    for (const QuoteInstance& i : q.instances) {
      instances.push_back({{"article", i.article},
                           {"text", i.text},
                           {"start", i.start},
                           {"end", i.end},
                           {"cue", i.cue.empty() ? Json(nullptr) : Json(i.cue)}});
    }
    quotes.push_back({{"id", q.id},
                      {"speaker", Opt(q.speaker)},
                      {"speaker_name", Opt(q.speaker_name)},
                      {"text", q.text},
                      {"kind", q.kind},
                      {"instances", instances}});
  }
  j["quotes"] = quotes;
  Json facts = Json::array();
  for (const Fact& f : s.facts) {
    Json instances = Json::array();
    for (const FactInstance& i : f.instances) {
      instances.push_back({{"article", i.article}, {"text", i.text}});
    }
    facts.push_back(
        {{"id", f.id}, {"text", f.text}, {"articles", f.articles}, {"instances", instances}});
  }
  j["facts"] = facts;
  Json conflicts = Json::array();
  for (const Conflict& c : s.conflicts) {
    Json values = Json::array();
    for (const ConflictValue& v : c.values) {
      values.push_back({{"value", v.value}, {"articles", v.articles}});
    }
    conflicts.push_back({{"about", c.about}, {"values", values}, {"compatible", c.compatible}});
  }
  j["conflicts"] = conflicts;
  Json timeline = Json::array();
  for (const TimelineEntry& t : s.timeline) {
    timeline.push_back(
        {{"date", t.date}, {"precision", t.precision}, {"text", t.text}, {"articles", t.articles}});
  }
  j["timeline"] = timeline;
  Json reuse = Json::array();
  for (const Reuse& r : s.reuse) {
    reuse.push_back({{"articles", r.articles}, {"text", r.text}, {"words", r.words}});
  }
  j["reuse"] = reuse;
  Json unique = Json::object();
  for (const auto& [article, ids] : s.unique) unique[article] = ids;
  j["unique"] = unique;
  return j;
}

std::string Dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// An element of an array at the second level of an object dumped with indent 2 ("articles",
// "stories"), dumped alone: one element's tree is held at a time, where a DOM of the whole
// brief takes several times the size of its text (150 MB for a 40 MB brief).
void AppendElement(const Json& element, bool first, std::ostream* out) {
  *out << (first ? "\n    " : ",\n    ");
  // A dump holds no raw newline but its own line breaks: each line moves in two levels.
  std::string text = Dump(element, 2);
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out->write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
    *out << "    ";
    from = nl + 1;
  }
  out->write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

}  // namespace

void JsonBriefWriter::Begin(const Brief& brief) {
  *out_ << "{\n  \"schema\": " << Dump(Json(kBriefSchema)) << ",\n  \"articles\": [";
  for (size_t i = 0; i < brief.articles.size(); ++i) {
    const Article& a = brief.articles[i];
    auto s = brief.story_of.find(a.id);
    auto d = brief.duplicate_of.find(a.id);
    AppendElement(BriefArticleJson(a, s == brief.story_of.end() ? nullptr : &s->second,
                                   d == brief.duplicate_of.end() ? std::nullopt : d->second),
                  i == 0, out_);
  }
  *out_ << (brief.articles.empty() ? "]" : "\n  ]") << ",\n  \"stories\": [";
}

void JsonBriefWriter::Add(const Story& story) {
  AppendElement(StoryJson(story), stories_++ == 0, out_);
}

void JsonBriefWriter::Finish() { *out_ << (stories_ == 0 ? "]" : "\n  ]") << "\n}\n"; }

std::string RenderBriefJson(const Brief& brief) {
  std::ostringstream out;
  JsonBriefWriter writer(&out);
  writer.Begin(brief);
  for (const Story& s : brief.stories) writer.Add(s);
  writer.Finish();
  return out.str();
}

std::string RenderStoryJson(const Story& story) { return Dump(StoryJson(story)); }

std::string RenderArticleJson(const Article& article, const std::string& story,
                              const std::optional<std::string>& duplicate_of) {
  return Dump(BriefArticleJson(article, &story, duplicate_of));
}

std::string RenderExtractLine(const Article& article) { return Dump(ArticleJson(article)); }

std::string RenderQuotesLine(const Article& article, const std::vector<ArticleQuote>& quotes) {
  auto span = [](const Span& s) {
    return Json{{"start", s.start}, {"end", s.end}, {"text", s.text}};
  };
  Json list = Json::array();
  for (const ArticleQuote& q : quotes) {
    Json sources = Json::array(), contents = Json::array();
    for (const Span& s : q.sources) sources.push_back(span(s));
    for (const Span& s : q.contents) contents.push_back(span(s));
    list.push_back({{"cue", span(q.cue)},
                    {"sources", sources},
                    {"contents", contents},
                    {"speaker", Opt(q.speaker)},
                    {"kind", q.kind}});
  }
  return Dump(Json{{"doc_id", article.id}, {"quotes", list}});
}

std::string RenderDuplicateLine(size_t group, const DuplicateGroup& g) {
  return Dump(Json{{"group", group}, {"articles", g.articles}, {"similarity", g.similarity}});
}

std::string RenderStoryLine(const std::string& story, const std::vector<std::string>& articles) {
  return Dump(Json{{"story", story}, {"articles", articles}});
}

}  // namespace crossread
