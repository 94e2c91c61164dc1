#include "clean/dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <cstring>

#include "common/strings.h"

namespace crossread::clean {

struct DomBuilder {
  Dom* dom;
  int current = 0;  // the open element new nodes go under

  int Append(std::string_view name) {
    Dom::Node n;
    n.name = name;
    n.parent = current;
    const int index = static_cast<int>(dom->nodes_.size());
    Dom::Node& p = dom->nodes_[static_cast<size_t>(current)];
    if (p.last_child >= 0) {
      dom->nodes_[static_cast<size_t>(p.last_child)].next = index;
    } else {
      p.first_child = index;
    }
    p.last_child = index;
    dom->nodes_.push_back(n);
    return index;
  }

  static void Start(void* ctx, const xmlChar* name, const xmlChar** attrs) {
    auto* b = static_cast<DomBuilder*>(ctx);
    Dom& d = *b->dom;
    std::string lower = AsciiLower(reinterpret_cast<const char*>(name));
    std::string_view interned = *d.names_.insert(std::move(lower)).first;
    const int index = b->Append(interned);
    Dom::Node& n = d.nodes_[static_cast<size_t>(index)];
    n.begin = static_cast<uint32_t>(d.attrs_.size());
    for (const xmlChar** a = attrs; a && a[0]; a += 2) {
      std::string_view key = reinterpret_cast<const char*>(a[0]);
      std::string_view value = a[1] ? reinterpret_cast<const char*>(a[1]) : "";
      Dom::Attribute at;
      at.name_begin = static_cast<uint32_t>(d.attr_text_.size());
      at.name_size = static_cast<uint32_t>(key.size());
      d.attr_text_.append(AsciiLower(key));
      at.value_begin = static_cast<uint32_t>(d.attr_text_.size());
      at.value_size = static_cast<uint32_t>(value.size());
      d.attr_text_.append(value);
      d.attrs_.push_back(at);
    }
    n.size = static_cast<uint32_t>(d.attrs_.size()) - n.begin;
    b->current = index;
  }

  static void End(void* ctx, const xmlChar* name) {
    auto* b = static_cast<DomBuilder*>(ctx);
    const Dom& d = *b->dom;
    std::string lower = AsciiLower(reinterpret_cast<const char*>(name));
    // libxml2 reports the end of every element it opened, innermost first.
    for (int i = b->current; i > 0; i = d.nodes_[static_cast<size_t>(i)].parent) {
      if (d.nodes_[static_cast<size_t>(i)].name == lower) {
        b->current = d.nodes_[static_cast<size_t>(i)].parent;
        return;
      }
    }
  }

  static void Characters(void* ctx, const xmlChar* ch, int len) {
    auto* b = static_cast<DomBuilder*>(ctx);
    Dom& d = *b->dom;
    if (len <= 0) return;
    Dom::Node& p = d.nodes_[static_cast<size_t>(b->current)];
    // Text arrives in pieces: a piece right after the last one extends that text node.
    if (p.last_child >= 0) {
      Dom::Node& last = d.nodes_[static_cast<size_t>(p.last_child)];
      if (last.name.empty() && last.begin + last.size == d.text_.size()) {
        d.text_.append(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
        last.size += static_cast<uint32_t>(len);
        return;
      }
    }
    const int index = b->Append(std::string_view());
    Dom::Node& n = d.nodes_[static_cast<size_t>(index)];
    n.begin = static_cast<uint32_t>(d.text_.size());
    n.size = static_cast<uint32_t>(len);
    d.text_.append(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
  }
};

Result<Dom> Dom::Parse(std::string_view html, const std::string& charset) {
  if (html.empty()) return Status::DataLoss("not parseable as HTML");
  if (html.size() > static_cast<size_t>(INT_MAX) / 2) return Status::DataLoss("page too large");
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size()));
  if (ctxt == nullptr) return Status::DataLoss("not parseable as HTML");
  if (xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(charset.c_str())) {
    xmlSwitchToEncoding(ctxt, h);
  }
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_NODEFDTD);
  Dom dom;
  dom.nodes_.emplace_back();  // the document
  dom.text_.reserve(html.size() / 4);
  DomBuilder builder{&dom};
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.startElement = &DomBuilder::Start;
  sax.endElement = &DomBuilder::End;
  sax.characters = &DomBuilder::Characters;
  sax.ignorableWhitespace = &DomBuilder::Characters;
  sax.cdataBlock = &DomBuilder::Characters;
  sax.initialized = 1;
  std::memcpy(ctxt->sax, &sax, sizeof(sax));
  ctxt->userData = &builder;
  htmlParseDocument(ctxt);
  htmlFreeParserCtxt(ctxt);
  return dom;
}

const Dom::Attribute* Dom::FindAttr(int i, std::string_view name) const {
  const Node& n = node(i);
  if (n.name.empty()) return nullptr;
  for (uint32_t k = n.begin; k < n.begin + n.size; ++k) {
    const Attribute& a = attrs_[k];
    if (std::string_view(attr_text_).substr(a.name_begin, a.name_size) == name) return &a;
  }
  return nullptr;
}

std::string_view Dom::Attr(int i, std::string_view name) const {
  const Attribute* a = FindAttr(i, name);
  return a ? std::string_view(attr_text_).substr(a->value_begin, a->value_size)
           : std::string_view();
}

bool Dom::HasAttr(int i, std::string_view name) const { return FindAttr(i, name) != nullptr; }

std::string Dom::LowerAttrs(int i, std::initializer_list<std::string_view> names) const {
  std::string out;
  for (std::string_view name : names) {
    out += AsciiLower(Attr(i, name));
    out += ' ';
  }
  return out;
}

std::string Dom::TextContent(int i) const {
  std::string out;
  std::vector<int> stack = {i};
  while (!stack.empty()) {
    int k = stack.back();
    stack.pop_back();
    if (IsText(k)) {
      AppendCollapsed(Text(k), &out);
      continue;
    }
    std::vector<int> kids;
    for (int c = node(k).first_child; c >= 0; c = node(c).next) kids.push_back(c);
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  return std::string(Trim(out));
}

}  // namespace crossread::clean
