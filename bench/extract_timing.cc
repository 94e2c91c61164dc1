// Times the HTML extraction alone (parse, find the article, metadata), one thread: each page is
// read and decompressed first, then extracted `--repeat` times; the page's time is its fastest
// run. Prints the median and mean milliseconds per page, as bench/extract.sh records them.
//
//   build-bench/crossread_extract_timing DIR [--repeat N]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "clean/html.h"
#include "common/env.h"
#include "common/strings.h"
#include "ingest/reader.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: crossread_extract_timing DIR [--repeat N]\n";
    return 2;
  }
  int repeat = 5;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
  }
  std::vector<std::string> pages;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    auto bytes = crossread::ReadFile(p.string());
    if (!bytes.ok()) continue;
    if (crossread::EndsWith(p.string(), ".gz")) bytes = crossread::ingest::Gunzip(*bytes);
    if (bytes.ok()) pages.push_back(std::move(*bytes));
  }
  if (pages.empty()) {
    std::cerr << "crossread_extract_timing: no pages in " << argv[1] << "\n";
    return 1;
  }
  std::vector<double> ms;
  size_t chars = 0;
  for (const std::string& page : pages) {
    double best = 1e18;
    for (int r = 0; r < repeat; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      auto doc = crossread::clean::ExtractHtml(page);
      auto t1 = std::chrono::steady_clock::now();
      if (r == 0 && doc.ok()) chars += doc->text.size();
      best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    ms.push_back(best);
  }
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  double mean = 0;
  for (double m : ms) mean += m;
  mean /= static_cast<double>(ms.size());
  std::cout << "pages " << ms.size() << "  median_ms " << sorted[sorted.size() / 2] << "  mean_ms "
            << mean << "  p90_ms " << sorted[sorted.size() * 9 / 10] << "  text_bytes " << chars
            << "\n";
  return 0;
}
