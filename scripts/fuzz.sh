#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ (clang 14, ASan + UBSan) in build/fuzz
# and runs each for SECONDS_PER_TARGET seconds (default 20) on a copy of its
# seed corpus fuzz/corpus/<target>/ (the copy grows; the repository's does not).
# Fails on any crash, leak, timeout, out-of-memory or sanitizer report; the
# input is then saved as build/fuzz/artifacts/<target>-crash-<sha1> (or
# -leak-, -timeout-, -oom-) and the report is in build/fuzz/logs/<target>.log.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   e.g. scripts/fuzz.sh 600 jwt config
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-20}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
  exit 2
fi
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in fuzz/*_fuzzer.cpp; do
    name="${source##*/}"
    targets+=("${name%_fuzzer.cpp}")
  done
fi

bash scripts/install-deps.sh --fuzz

# -O1 with line tables only: quicker to build than -O2 -g, still symbolised
# reports; no NDEBUG, so assertions are checked too.
build=build/fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DMENTORBOT_FUZZ=ON -DMENTORBOT_TESTS=OFF -DMENTORBOT_WERROR=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzzers

export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
symbolizer="$(command -v llvm-symbolizer-14 || true)"
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
mkdir -p "$build/artifacts" "$build/logs"

failed=()
for target in "${targets[@]}"; do
  fuzzer="$build/fuzz/${target}_fuzzer"
  [ -x "$fuzzer" ] || { echo "no fuzzer named $target" >&2; exit 2; }
  corpus="$build/corpus/$target"
  rm -rf "$corpus"
  mkdir -p "$corpus"
  [ -d "fuzz/corpus/$target" ] && cp -R "fuzz/corpus/$target/." "$corpus/"
  log="$build/logs/$target.log"
  status=0
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target-" "$corpus" >"$log" 2>&1 || status=$?
  # The last status line: "#123456 DONE cov: 812 ft: 3071 corp: 402/31Kb ... exec/s: 6172 ..."
  line="$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)"
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  cov="$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$line")"
  ft="$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$line")"
  corp="$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$line")"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
  if [ "$status" -ne 0 ] || grep -qE 'runtime error:|ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|ERROR: libFuzzer' "$log"; then
    failed+=("$target")
    printf '%-20s FAILED (exit %s): runs %s, cov %s; report in %s\n' "$target" "$status" "${runs:-?}" "${cov:-?}" "$log"
    grep -E 'SUMMARY|runtime error:|ERROR:|what\(\):|Test unit written to|fuzz property violated' "$log" | head -n 5 | sed 's/^/    /' || true
  else
    printf '%-20s ok: %s runs (%s/s), cov %s, ft %s, corpus %s\n' "$target" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}"
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzzing FAILED: ${failed[*]} (inputs in $build/artifacts/, reports in $build/logs/)" >&2
  exit 1
fi
echo "fuzzing passed: ${#targets[@]} targets, ${seconds}s each"
