#!/usr/bin/env bash
# Runs messenger-group-load against the reference relay (relay.mjs: Node.js + ws, stores and checks
# nothing) pinned like the real server in bench/group/run-group-load.sh: the relay on core 0, the
# load on core 1, the relay's pid passed so its CPU per delivery is printed. The figure it prints
# is what the group load program can show at best on this machine.
#   bench/reference/run-reference-group.sh --scenario fanout|groups [messenger-group-load options]
# BUILD_DIR (default: build) holds bin/messenger-group-load. NICE=N runs both programs at that
# niceness (negative needs root), as run-group-load.sh does. RELAY_BATCH=1: the relay gathers each
# socket's frames of one event-loop turn into one write (see relay.mjs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${BUILD_DIR:-$here/../../build}/bin"
port="${PORT:-18444}"
niceness=(nice -n "${NICE:-0}")
[ -x "$bin/messenger-group-load" ] || { echo "run-reference-group.sh: $bin/messenger-group-load is missing" >&2; exit 1; }
command -v node >/dev/null || { echo "run-reference-group.sh: needs Node.js (apt install nodejs npm)" >&2; exit 1; }
[ -d "$here/node_modules/ws" ] || (cd "$here" && npm install --no-audit --no-fund >/dev/null)
# 1,000 members' sockets on each side, plus the set-up's connections.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

log="$(mktemp)"
"${niceness[@]}" taskset -c "${SERVER_CPU:-0}" node "$here/relay.mjs" "$port" >"$log" 2>&1 &
relay=$!
trap 'kill $relay 2>/dev/null || true; rm -f "$log"' EXIT INT TERM
for _ in $(seq 100); do
  grep -q "listening on" "$log" && break
  kill -0 "$relay" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
grep -q "listening on" "$log" || { echo "run-reference-group.sh: the relay did not start" >&2; cat "$log" >&2; exit 1; }

echo "relay: pid $relay on core ${SERVER_CPU:-0}"
"${niceness[@]}" taskset -c "${LOAD_CPU:-1}" "$bin/messenger-group-load" --url "http://127.0.0.1:$port" \
  --server-pid "$relay" "$@"
