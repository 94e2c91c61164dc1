// libFuzzer target: the HTML reader (charset sniffing, script stripping, libxml2, article
// extraction) on arbitrary bytes. Run by scripts/test.sh --fuzz.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "clean/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = crossread::clean::ExtractHtml(bytes);
  if (doc.ok() && doc->text.size() > size * 4 + 16) __builtin_trap();  // text comes from the page
  return 0;
}
