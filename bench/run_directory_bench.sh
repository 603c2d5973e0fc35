#!/usr/bin/env bash
# Builds the directory sync benchmark (Release) and runs a full Slack sync of 1k, 10k and
# 100k people. Figures: read and write time, rows written, peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --bench
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DMENTORBOT_TESTS=OFF -DMENTORBOT_BENCH=ON >/dev/null
cmake --build build/bench -j"$(nproc)" --target directory_sync_bench
build/bench/bench/directory_sync_bench "$@"
