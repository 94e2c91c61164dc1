#!/usr/bin/env bash
# Installs the Debian 12 packages crossread builds and tests with, and the browser test's npm
# package (playwright-core, pinned by tests/browser/package-lock.json). Idempotent; uses sudo
# when not run as root. Chromium and wrk are for the browser test and the load benchmark: where
# they cannot be installed, a warning says so and the browser test skips.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libxml2-dev nlohmann-json3-dev libsimdjson-dev libxxhash-dev libarchive-dev libcld2-dev clang libclang-rt-14-dev zlib1g-dev
  libsqlite3-dev sqlite3 libcpp-httplib-dev
  libgtest-dev libgmock-dev
)
OPTIONAL=(chromium wrk)
missing() {
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}
apt_install() {
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@"
}
need=($(missing "${PACKAGES[@]}"))
want=($(missing "${OPTIONAL[@]}"))
command -v npm >/dev/null || want+=(nodejs npm)
if [ ${#need[@]} -gt 0 ] || [ ${#want[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
fi
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
for p in "${want[@]}"; do
  apt_install "$p" >/dev/null 2>&1 || echo "install-deps: could not install $p (browser test or load benchmark will skip)" >&2
done
if command -v npm >/dev/null && [ ! -d tests/browser/node_modules/playwright-core ]; then
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error ||
    echo "install-deps: could not install playwright-core (the browser test will skip)" >&2
fi
