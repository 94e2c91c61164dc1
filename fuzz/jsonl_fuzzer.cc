// libFuzzer target: the JSONL (and JSON array) article reader, HTML fields included. Run by
// scripts/test.sh --fuzz.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<crossread::Article> articles;
  std::vector<crossread::InputError> errors;
  crossread::ingest::ReadJsonLines(bytes, "fuzz", &articles, &errors);
  return 0;
}
