#!/usr/bin/env bash
# Runs messenger-load against a fresh messenger-server: the server pinned to core 0 with a temp
# data folder and limits relaxed for the load, the load program pinned to core 1.
#   bench/server/run-load.sh [messenger-load options]   (default: --pairs 200 --seconds 10)
# BUILD_DIR (default: build) holds bin/messenger-server and bin/messenger-load; build it in
# Release for figures worth quoting: cmake -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build
# NICE=N runs both programs at that niceness (negative needs root, and puts each program in a
# session of its own whose kernel autogroup gets it too): on a machine shared with builds,
# NICE=-20 keeps the compilers from taking most of the pinned cores.
# PORT, SERVER_CPU, LOAD_CPU and SERVER_THREADS: see bench/common/server.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR/../..
source bench/common/server.sh
bench_settings messenger-load 18443
bench_start_server

"${niceness[@]}" taskset -c "$load_cpu" "$bin/messenger-load" --url "http://127.0.0.1:$port" \
  --server-pid "$server_pid" "$@"
bench_server_messages
