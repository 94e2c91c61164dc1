#!/usr/bin/env bash
# Configures and builds crossread into build/ (Release). Extra arguments go to CMake.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCROSSREAD_WERROR=ON "$@" >/dev/null
cmake --build build -j"$(nproc)"
