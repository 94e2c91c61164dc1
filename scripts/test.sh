#!/usr/bin/env bash
# Installs the dependencies, builds, and runs the whole test suite.
#   scripts/test.sh            Release build in build/
#   scripts/test.sh --sanitize ASan+UBSan build in build-asan/
#   scripts/test.sh --fuzz     libFuzzer targets (clang, ASan+UBSan) in build-fuzz/, 30 s each
#                              on the seed corpus in fuzz/corpus/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [ "${1:-}" = "--fuzz" ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCROSSREAD_WERROR=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSREAD_FUZZ=ON -DCROSSREAD_BUILD_TESTS=OFF >/dev/null
  cmake --build build-fuzz -j"$(nproc)" --target html_fuzzer warc_fuzzer jsonl_fuzzer
  found=$(mktemp -d)
  trap 'rm -rf "$found"' EXIT
  for target in html warc jsonl; do
    mkdir -p "$found/$target"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 build-fuzz/${target}_fuzzer -max_total_time=30 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "$found/$target" \
      "fuzz/corpus/$target" 2>&1 | grep -E "stat::number_of_executed_units|ERROR|SUMMARY" || true
    # libFuzzer exits non-zero and leaves crash-* files on a finding.
    ! ls crash-* leak-* timeout-* oom-* >/dev/null 2>&1 || { echo "fuzzing found a failure" >&2; exit 1; }
  done
  exit 0
fi
dir=build
flags=(-DCMAKE_BUILD_TYPE=Release)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSREAD_SANITIZE=ON)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S . -B "$dir" -G Ninja -DCROSSREAD_WERROR=ON "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
