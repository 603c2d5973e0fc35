#!/usr/bin/env bash
# Builds mentorbot and runs it with config.example.json (embedded SQLite in
# ./data, no accounts needed). Extra arguments go to `mentorbot serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DMENTORBOT_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" --target mentorbot
exec build/release/mentorbot serve --config config.example.json "$@"
