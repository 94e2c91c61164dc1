#!/usr/bin/env bash
# Installs the Debian 12 packages crossread builds and tests with. Idempotent; uses sudo when
# not run as root.
set -euo pipefail
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libxml2-dev nlohmann-json3-dev libxxhash-dev libarchive-dev libcld2-dev clang libclang-rt-14-dev zlib1g-dev
  libgtest-dev libgmock-dev
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
