#!/usr/bin/env bash
# Runs messenger-load against the reference relay (relay.mjs: Node.js + ws, stores and checks
# nothing) pinned like the real server in bench/server/run-load.sh: the relay on core 0, the load
# on core 1. The figure it prints is what the load program can show at best on this machine.
#   bench/reference/run-reference.sh [messenger-load options]   (BUILD_DIR: where bin/ is)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${BUILD_DIR:-$here/../../build}/bin"
port="${PORT:-18444}"
[ -x "$bin/messenger-load" ] || { echo "run-reference.sh: $bin/messenger-load is missing" >&2; exit 1; }
command -v node >/dev/null || { echo "run-reference.sh: needs Node.js (apt install nodejs npm)" >&2; exit 1; }
[ -d "$here/node_modules/ws" ] || (cd "$here" && npm install --no-audit --no-fund >/dev/null)
taskset -c "${SERVER_CPU:-0}" node "$here/relay.mjs" "$port" >/dev/null &
relay=$!
trap 'kill $relay 2>/dev/null || true' EXIT INT TERM
sleep 0.5
taskset -c "${LOAD_CPU:-1}" "$bin/messenger-load" --url "http://127.0.0.1:$port" --server-pid "$relay" "$@"
