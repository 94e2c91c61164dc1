// Main-content extraction from a parsed HTML page: which part of the DOM is the article body.
//
// The method is Readability's (Arc90, Mozilla): paragraphs score their ancestors (length,
// commas), class and id names nudge the score (article/content up; comment/share/related
// down), link density discounts it, the best-scoring block is the body, its siblings that
// score close to it or read as prose join it, and blocks inside it that look like navigation,
// galleries or forms are dropped. The walks are iterative, so a deep DOM cannot overflow the
// stack.
#ifndef CROSSREAD_CLEAN_CONTENT_H_
#define CROSSREAD_CLEAN_CONTENT_H_

#include <string>

#include "clean/dom.h"

namespace crossread::clean {

// The article body of `doc` as text, one block element per line (empty if the page has none).
std::string MainContentText(const Dom& dom);

}  // namespace crossread::clean

#endif  // CROSSREAD_CLEAN_CONTENT_H_
