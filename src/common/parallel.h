// ParallelFor: runs fn(i) for i in [0, n) on up to `threads` threads (0 = all cores). Each
// index runs exactly once; fn must be safe to call concurrently for different indices.
#ifndef CROSSREAD_COMMON_PARALLEL_H_
#define CROSSREAD_COMMON_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace crossread {

template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  size_t workers = threads > 0 ? static_cast<size_t>(threads)
                               : std::max<size_t>(1, std::thread::hardware_concurrency());
  workers = std::min(workers, n);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (size_t w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace crossread

#endif  // CROSSREAD_COMMON_PARALLEL_H_
