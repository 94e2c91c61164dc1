// Brief: everything `crossread brief` writes, per INTERFACE.md.
#ifndef CROSSREAD_BRIEF_H_
#define CROSSREAD_BRIEF_H_

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "crossread/article.h"
#include "crossread/story.h"

namespace crossread {

inline constexpr char kBriefSchema[] = "crossread.brief/1";

struct Brief {
  std::vector<Article> articles;
  std::map<std::string, std::string> story_of;                     // article id → story id
  std::map<std::string, std::optional<std::string>> duplicate_of;  // article id → earlier copy
  std::vector<Story> stories;
};

// Receives a brief as it is built (BuildBrief with a sink): first the articles with their
// stories, then each story once, in order, which the builder then drops. For briefs too
// large to hold: a day of the world's news.
class BriefSink {
 public:
  virtual ~BriefSink() = default;
  // `brief` holds the articles, story_of and duplicate_of; no stories yet.
  virtual void Begin(const Brief& brief) = 0;
  virtual void Add(const Story& story) = 0;
};

// Writes the JSON of a brief to `out` as it is built, the same bytes as RenderBriefJson.
class JsonBriefWriter : public BriefSink {
 public:
  explicit JsonBriefWriter(std::ostream* out) : out_(out) {}
  void Begin(const Brief& brief) override;
  void Add(const Story& story) override;
  void Finish();  // closes the document, after the last story

 private:
  std::ostream* out_;
  size_t stories_ = 0;
};

// Renderers. Each returns the whole document; all article text is escaped for its format.
std::string RenderBriefJson(const Brief& brief);
std::string RenderBriefMarkdown(const Brief& brief);
// One self-contained HTML page; with `only_story` set, just that story.
std::string RenderBriefHtml(const Brief& brief, const Story* only_story = nullptr);
// One story as in the brief's "stories" list (JSON).
std::string RenderStoryJson(const Story& story);
// One article as in the brief's "articles" list (JSON), with its story and earlier copy.
std::string RenderArticleJson(const Article& article, const std::string& story,
                              const std::optional<std::string>& duplicate_of);

// Parts for pages that embed briefs (crossread serve): the stylesheet of RenderBriefHtml, one
// story's <section> (article ids link to `article_href` + id unless it is empty), and text
// escaped for HTML content and attribute values.
std::string BriefStyleSheet();
std::string RenderStorySectionHtml(const Brief& brief, const Story& story,
                                   const std::string& article_href);
std::string EscapeHtml(std::string_view text);
// What a reader needs to know of an article besides its text, one plain-text item each:
// outlet, publication date, dateline, wire credits, boilerplate removed, the copy it repeats.
// Renderers escape and join them.
std::vector<std::string> ArticleDetails(const Article& article,
                                        const std::optional<std::string>& duplicate_of);

}  // namespace crossread

#endif  // CROSSREAD_BRIEF_H_
