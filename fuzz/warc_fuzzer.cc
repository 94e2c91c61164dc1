// libFuzzer target: the WARC record reader and the gzip reader, then each page through the
// HTML reader. Run by scripts/test.sh --fuzz.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "clean/html.h"
#include "ingest/reader.h"
#include "ingest/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string error;
  for (const auto& page : crossread::ingest::ReadWarc(bytes, &error)) {
    (void)crossread::clean::ExtractHtml(page.html, page.charset);
  }
  (void)crossread::ingest::Gunzip(bytes);
  return 0;
}
