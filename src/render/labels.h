// Shared by the Markdown and HTML renderers: how an article is named to a reader.
#ifndef CROSSREAD_RENDER_LABELS_H_
#define CROSSREAD_RENDER_LABELS_H_

#include <map>
#include <string>
#include <vector>

#include "crossread/brief.h"

namespace crossread::render {

// Article id → a short label: "[1] outlet" style names, numbered in brief order.
class Labels {
 public:
  explicit Labels(const Brief& brief);
  // "A1", "A2", ...: a compact badge for an article.
  std::string Badge(const std::string& id) const;
  // The outlet when known, else the id.
  std::string Name(const std::string& id) const;
  const Article* Find(const std::string& id) const;

 private:
  std::map<std::string, const Article*> by_id_;
  std::map<std::string, int> index_;
};

// crossread::ArticleDetails of an article of `brief`.
std::vector<std::string> ArticleDetails(const Brief& brief, const Article& a);

// The rows of the facts × outlets matrix: the facts that at least two articles carry, most
// carried first, at most kMatrixFacts of them (a story of fifty articles can share hundreds of
// claims, which no one reads as a table, and its page would weigh a megabyte; the JSON brief
// has them all). `*more` gets the number of such facts left out.
inline constexpr size_t kMatrixFacts = 100;
std::vector<const Fact*> SharedFacts(const Story& story, size_t* more);

// The quotes of a story grouped by speaker name ("" for unknown), most quoted first.
std::vector<std::pair<std::string, std::vector<const Quote*>>> QuotesBySpeaker(const Story& s);

}  // namespace crossread::render

#endif  // CROSSREAD_RENDER_LABELS_H_
