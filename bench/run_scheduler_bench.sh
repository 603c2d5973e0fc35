#!/usr/bin/env bash
# Builds the scheduler benchmark (Release) and runs one tick over 1k, 10k and
# 100k pairs. Figures: time per tick and peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --bench
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DMENTORBOT_TESTS=OFF -DMENTORBOT_BENCH=ON >/dev/null
cmake --build build/bench -j"$(nproc)" --target scheduler_tick_bench
build/bench/bench/scheduler_tick_bench "$@"
