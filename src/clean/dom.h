// A compact DOM of an HTML page. libxml2's HTML parser tokenizes the page and applies HTML's
// implied-tag rules (a <p> closed by a <div>, a missing </li>, stray end tags); its SAX events
// build this arena of nodes, which keeps only names, attributes and text, in a few flat buffers.
// Building it costs about half of building libxml2's own tree. Thread-compatible; read-only once
// built.
#ifndef CROSSREAD_CLEAN_DOM_H_
#define CROSSREAD_CLEAN_DOM_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "crossread/status.h"

namespace crossread::clean {

class Dom {
 public:
  struct Node {
    std::string_view name;  // lowercase tag name; empty for text and for the document (node 0)
    int parent = -1, first_child = -1, last_child = -1, next = -1;
    uint32_t begin = 0, size = 0;  // text: its bytes in text(); element: its attributes
  };

  // Parses `html` decoded from `charset` (a name iconv knows). An error only when there is
  // nothing to parse.
  static Result<Dom> Parse(std::string_view html, const std::string& charset);

  Dom() = default;
  Dom(Dom&&) = default;
  Dom& operator=(Dom&&) = default;

  size_t size() const { return nodes_.size(); }
  const Node& node(int i) const { return nodes_[static_cast<size_t>(i)]; }
  bool IsText(int i) const { return node(i).name.empty() && i != 0; }
  bool Is(int i, std::string_view tag) const { return node(i).name == tag; }
  // The UTF-8 bytes of text node `i`.
  std::string_view Text(int i) const {
    return std::string_view(text_).substr(node(i).begin, node(i).size);
  }
  // The value of attribute `name` of element `i` ("" when absent).
  std::string_view Attr(int i, std::string_view name) const;
  bool HasAttr(int i, std::string_view name) const;
  // The values of attributes `names` of element `i`, lowercased, each followed by a space: what
  // class/id heuristics match against ("story-body main ").
  std::string LowerAttrs(int i, std::initializer_list<std::string_view> names) const;
  // All the text under `i`, white space collapsed.
  std::string TextContent(int i) const;

 private:
  friend struct DomBuilder;
  struct Attribute {
    uint32_t name_begin, name_size, value_begin, value_size;  // in attr_text_
  };
  const Attribute* FindAttr(int i, std::string_view name) const;
  std::vector<Node> nodes_;
  std::string text_;
  std::vector<Attribute> attrs_;
  std::string attr_text_;
  std::unordered_set<std::string> names_;  // interned tag names (stable addresses)
};

}  // namespace crossread::clean

#endif  // CROSSREAD_CLEAN_DOM_H_
