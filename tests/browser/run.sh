#!/usr/bin/env bash
# ctest entry of the browser test: skips (exit 77) with a message where Node.js is missing.
#   tests/browser/run.sh BIN SOURCE_DIR SCREENSHOT.png
command -v node >/dev/null || { echo "SKIP: node is not installed (scripts/install-deps.sh)"; exit 77; }
exec node "$(dirname "$0")/browser_test.mjs" "$@"
