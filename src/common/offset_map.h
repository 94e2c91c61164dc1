// Mapping clean-text byte offsets back to raw-text code points (see OffsetAnchor).
#ifndef CROSSREAD_COMMON_OFFSET_MAP_H_
#define CROSSREAD_COMMON_OFFSET_MAP_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "crossread/article.h"

namespace crossread {

// The raw code-point offset of byte `clean_byte` of `text`, per `anchors` (sorted).
uint32_t MapToRaw(std::string_view text, const std::vector<OffsetAnchor>& anchors,
                  uint32_t clean_byte);

// The byte offset of code point `cp` of `text` (text.size() when past the end).
size_t ByteOfCodePoint(std::string_view text, size_t cp);

// Code-point offsets of byte offsets in O(1) amortised: counts are kept per 256-byte block.
// REQUIRES: the text outlives the index.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  uint32_t At(size_t byte) const;

 private:
  static constexpr size_t kBlock = 256;
  std::string_view text_;
  std::vector<uint32_t> before_block_;  // code points before each block
};

}  // namespace crossread

#endif  // CROSSREAD_COMMON_OFFSET_MAP_H_
