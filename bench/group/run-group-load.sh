#!/usr/bin/env bash
# Runs messenger-group-load against a fresh messenger-server: the server pinned to core 0 with a
# temp data folder (synchronous=FULL, the default) and limits relaxed for the load, the load
# program pinned to core 1.
#   bench/group/run-group-load.sh --scenario fanout|groups [messenger-group-load options]
# BUILD_DIR (default: build) holds bin/messenger-server and bin/messenger-group-load; build it in
# Release for figures worth quoting: cmake -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build
# PERF_DATA=FILE also records the server with `perf record -g` for PERF_SECONDS (default 5) of
# the measured window, into FILE (read it with `perf report -i FILE`).
# NICE=N runs both programs at that niceness (negative needs root): on a machine shared with
# builds, NICE=-20 keeps the compilers from taking most of the pinned cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${BUILD_DIR:-build}/bin"
for program in messenger-server messenger-group-load; do
  if [ ! -x "$bin/$program" ]; then
    echo "run-group-load.sh: $bin/$program is missing: build it first (BUILD_DIR=$bin/..)" >&2
    exit 1
  fi
done
port="${PORT:-18444}"
server_cpu="${SERVER_CPU:-0}"
load_cpu="${LOAD_CPU:-1}"
server_threads="${SERVER_THREADS:-1}"
niceness=(nice -n "${NICE:-0}")
# 1,000 members' sockets on each side, plus the set-up's connections.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

data_dir="$(mktemp -d)"
log="$data_dir/server.log"
cat > "$data_dir/load.toml" <<TOML
[limits]
registrations_burst = 1000000
registrations_per_minute = 1000000
sends_burst = 1000000
sends_per_second = 1000000
flood_frames_per_second = 1000000
TOML

"${niceness[@]}" taskset -c "$server_cpu" "$bin/messenger-server" --config "$data_dir/load.toml" \
  --data-dir "$data_dir" --listen "127.0.0.1:$port" --no-tls --threads "$server_threads" \
  --log-level warn >"$log" 2>&1 &
server_pid=$!
load_pid=""
cleanup() {
  [ -n "$load_pid" ] && kill -TERM "$load_pid" 2>/dev/null || true
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap cleanup EXIT INT TERM

for _ in $(seq 100); do
  grep -q "listening on" "$log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
grep -q "listening on" "$log" || { echo "run-group-load.sh: the server did not start" >&2; cat "$log" >&2; exit 1; }

echo "server: pid $server_pid on core $server_cpu ($server_threads io thread), data in $data_dir"
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
echo "server: $(curl -s "http://127.0.0.1:$port/metrics" | grep '^messenger_messages_total' || true)"
