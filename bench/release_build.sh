# Sourced by the load scripts (from the repository root): their arguments
# [connections=32] [seconds=20] [wrk threads=2], the benchmark tools, and a
# release build of mentorbot without tests.
connections=${1:-32}
seconds=${2:-20}
wrk_threads=${3:-2}

bash scripts/install-deps.sh --bench
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DMENTORBOT_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" --target mentorbot >/dev/null
