#!/usr/bin/env bash
# Builds mentorbot with warnings as errors and runs the whole test suite.
#   --sanitize   build and run it under AddressSanitizer + UndefinedBehaviorSanitizer
#   --tsan       build the bot and the tests of its threaded parts (the store,
#                service threads, and the real binary in the integration
#                tests: HTTP server, outbox, scheduler, background queues)
#                and run them under ThreadSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

# Optimised but without debug info: half the compile time of -O2 -g (the
# sanitizer builds keep line tables for their reports).
build=build/test
options=(-DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG" -DMENTORBOT_WERROR=ON)
targets=(all)
run=(ctest --output-on-failure -j"$(nproc)")
case "${1:-}" in
  --sanitize)
    build=build/sanitize
    options=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1" -DMENTORBOT_WERROR=ON -DMENTORBOT_SANITIZE=ON)
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    ;;
  --tsan)
    build=build/tsan
    options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" -DMENTORBOT_WERROR=ON
             -DMENTORBOT_TSAN=ON)
    # The engine's and adapters' own tests are single-threaded logic (the
    # adapters' threads run in the integration tests): not built here.
    targets=(mentorbot storage_tests app_tests integration_tests)
    export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/tests/tsan.supp"
    # gcc 12's TSan cannot map its shadow memory with the full address space
    # randomisation of newer kernels; running without ASLR avoids that.
    run=(setarch "$(uname -m)" -R "${run[@]}" -E "_NOT_BUILT")
    ;;
esac
cmake -S . -B "$build" "${options[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
"${run[@]}" --test-dir "$build"
