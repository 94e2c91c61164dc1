// The web page's HTML, CSS and JavaScript: served by the binary itself, no external assets.
#ifndef CROSSREAD_SERVER_PAGES_H_
#define CROSSREAD_SERVER_PAGES_H_

#include <string>
#include <string_view>

#include "crossread/store.h"

namespace crossread::server {

// The story list: search box, date filter, stories newest first (filled by app.js).
std::string_view ListPage();
// The script of the list page.
std::string_view AppScript();
// One story's page around its stored HTML section.
std::string StoryPage(const std::string& story_id, const std::string& section);
// One article: its details and text, the passages other articles share marked.
std::string ArticlePage(const StoredArticle& article);
// A small HTML page for an error status.
std::string ErrorPage(int status, const std::string& message);

}  // namespace crossread::server

#endif  // CROSSREAD_SERVER_PAGES_H_
