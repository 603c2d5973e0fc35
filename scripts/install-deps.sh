#!/usr/bin/env bash
# Installs what mentorbot needs to build and test, from Debian 12 packages
# only, when anything is missing. Needs root (or sudo) only if it installs.
set -euo pipefail

packages=(
  g++ cmake make pkg-config tzdata ca-certificates
  libcpp-httplib-dev libssl-dev nlohmann-json3-dev libsqlitecpp-dev libsqlite3-dev
  libspdlog-dev libhowardhinnant-date-dev libzip-dev libjemalloc-dev libgtest-dev libgmock-dev
  libicu-dev
)
[ "${1:-}" = "--bench" ] && packages+=(libbenchmark-dev wrk curl openssl)
# clang with libFuzzer and the sanitizer runtimes; llvm-14 for llvm-symbolizer (readable reports)
[ "${1:-}" = "--fuzz" ] && packages+=(clang-14 libclang-rt-14-dev llvm-14)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
