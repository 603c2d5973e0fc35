#!/usr/bin/env bash
# Builds mentorbot with warnings as errors and runs the whole test suite.
#   --sanitize   build and run it under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

build=build/test
options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DMENTORBOT_WERROR=ON)
if [ "${1:-}" = "--sanitize" ]; then
  build=build/sanitize
  options=(-DCMAKE_BUILD_TYPE=Debug -DMENTORBOT_WERROR=ON -DMENTORBOT_SANITIZE=ON)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S . -B "$build" "${options[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
