#include <algorithm>

#include "common/offset_map.h"
#include "common/utf8.h"
#include "crossread/article.h"

namespace crossread {

uint32_t MapToRaw(std::string_view text, const std::vector<OffsetAnchor>& anchors,
                  uint32_t clean_byte) {
  auto it = std::upper_bound(anchors.begin(), anchors.end(), clean_byte,
                             [](uint32_t b, const OffsetAnchor& a) { return b < a.clean_byte; });
  if (it == anchors.begin()) return 0;
  const OffsetAnchor& a = *(it - 1);
  if (!a.verbatim) return a.raw_cp;
  size_t end = std::min<size_t>(clean_byte, text.size());
  return a.raw_cp +
         static_cast<uint32_t>(CodePointCount(text.substr(a.clean_byte, end - a.clean_byte)));
}

size_t ByteOfCodePoint(std::string_view text, size_t cp) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == cp) return i;
      ++seen;
    }
  }
  return text.size();
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  before_block_.reserve(text.size() / kBlock + 1);
  uint32_t n = 0;
  for (size_t b = 0; b < text.size(); b += kBlock) {
    before_block_.push_back(n);
    n += static_cast<uint32_t>(CodePointCount(text.substr(b, kBlock)));
  }
}

uint32_t CodePointIndex::At(size_t byte) const {
  byte = std::min(byte, text_.size());
  size_t block = byte / kBlock;
  if (block >= before_block_.size()) {
    return before_block_.empty() ? 0 : before_block_.back() + static_cast<uint32_t>(CodePointCount(text_.substr((before_block_.size() - 1) * kBlock)));
  }
  return before_block_[block] +
         static_cast<uint32_t>(CodePointCount(text_.substr(block * kBlock, byte - block * kBlock)));
}

uint32_t Article::RawCodePoint(uint32_t clean_byte) const {
  return MapToRaw(text, offsets, clean_byte);
}

}  // namespace crossread
