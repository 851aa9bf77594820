#!/usr/bin/env bash
# Runs messenger-load against a fresh messenger-server: the server pinned to core 0 with a temp
# data folder and limits relaxed for the load, the load program pinned to core 1.
#   bench/server/run-load.sh [messenger-load options]   (default: --pairs 200 --seconds 10)
# BUILD_DIR (default: build) holds bin/messenger-server and bin/messenger-load; build it in
# Release for figures worth quoting: cmake -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build
# NICE=N runs both programs at that niceness (negative needs root): on a machine shared with
# builds, NICE=-20 keeps the compilers from taking most of the pinned cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${BUILD_DIR:-build}/bin"
for program in messenger-server messenger-load; do
  if [ ! -x "$bin/$program" ]; then
    echo "run-load.sh: $bin/$program is missing: build it first (BUILD_DIR=$bin/..)" >&2
    exit 1
  fi
done
port="${PORT:-18443}"
server_cpu="${SERVER_CPU:-0}"
load_cpu="${LOAD_CPU:-1}"
server_threads="${SERVER_THREADS:-1}"
niceness=(nice -n "${NICE:-0}")

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
cleanup() {
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
grep -q "listening on" "$log" || { echo "run-load.sh: the server did not start" >&2; cat "$log" >&2; exit 1; }

echo "server: pid $server_pid on core $server_cpu ($server_threads io thread), data in $data_dir"
"${niceness[@]}" taskset -c "$load_cpu" "$bin/messenger-load" --url "http://127.0.0.1:$port" \
  --server-pid "$server_pid" "$@"
echo "server: $(curl -s "http://127.0.0.1:$port/metrics" | grep '^messenger_messages_total' || true)"
