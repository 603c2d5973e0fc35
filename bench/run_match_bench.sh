#!/usr/bin/env bash
# Builds the matcher benchmark (Release) and runs the assignment solver on
# random 500/1000/2000-square problems and a whole Match over generated
# companies of 1k, 5k and 20k people. Figures: time per run and peak
# resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --bench
cmake -S . -B build/bench-match -DCMAKE_BUILD_TYPE=Release -DMENTORBOT_TESTS=OFF -DMENTORBOT_BENCH=ON >/dev/null
cmake --build build/bench-match -j"$(nproc)" --target match_bench
build/bench-match/bench/match_bench "$@"
