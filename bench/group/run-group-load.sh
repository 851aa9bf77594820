#!/usr/bin/env bash
# Runs messenger-group-load against a fresh messenger-server: the server pinned to core 0 with a
# temp data folder (synchronous=FULL, the default) and limits relaxed for the load, the load
# program pinned to core 1.
#   bench/group/run-group-load.sh --scenario fanout|groups [messenger-group-load options]
# BUILD_DIR (default: build) holds bin/messenger-server and bin/messenger-group-load; build it in
# Release for figures worth quoting: cmake -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build
# PERF_DATA=FILE also records the server with `perf record -g` for PERF_SECONDS (default 5) of
# the measured window, into FILE (read it with `perf report -i FILE`).
# NICE=N runs both programs at that niceness (negative needs root, and puts each program in a
# session of its own whose kernel autogroup gets it too): on a machine shared with builds,
# NICE=-20 keeps the compilers from taking most of the pinned cores.
# PORT, SERVER_CPU, LOAD_CPU and SERVER_THREADS: see bench/common/server.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR/../..
source bench/common/server.sh
bench_settings messenger-group-load 18444
# 1,000 members' sockets on each side, plus the set-up's connections.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
bench_start_server

load=("${niceness[@]}" taskset -c "$load_cpu" "$bin/messenger-group-load" --url "http://127.0.0.1:$port"
      --server-pid "$server_pid" "$@")
if [ -z "${PERF_DATA:-}" ]; then
  "${load[@]}"
else
  out="$data_dir/load.out"
  "${load[@]}" >"$out" 2>&1 &
  load_pid=$!
  tail -f --pid "$load_pid" "$out" &
  # The window opens after the warm-up (2 s unless --warmup says otherwise); start 1 s into it.
  until grep -q "warming up" "$out" || ! kill -0 "$load_pid" 2>/dev/null; do sleep 0.2; done
  if kill -0 "$load_pid" 2>/dev/null; then
    warmup=2
    args=("$@")
    for i in "${!args[@]}"; do
      [ "${args[$i]}" = "--warmup" ] && warmup="${args[$((i + 1))]}"
    done
    sleep "$((warmup + 1))"
    perf record -g -p "$server_pid" -o "$PERF_DATA" -- sleep "${PERF_SECONDS:-5}" >/dev/null 2>&1 ||
      echo "run-group-load.sh: perf record failed (perf_event_paranoid?)" >&2
  fi
  wait "$load_pid"
  load_pid=""
  sleep 0.3
fi
bench_server_messages
