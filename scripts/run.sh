#!/usr/bin/env bash
# Installs what is missing, builds, starts a local server on its embedded defaults and opens the
# desktop client connected to it. With no display, runs the server and says how to connect.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
bin="${BUILD_DIR:-build}/bin"

"$bin/messenger-server" "$@" &
server_pid=$!
trap 'kill -TERM $server_pid 2>/dev/null; wait $server_pid 2>/dev/null' EXIT INT TERM

url="https://127.0.0.1:8443"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo
  echo "No display here: the server is running at $url (Ctrl+C stops it)."
  echo "Connect a desktop client from a machine with a display:  $bin/messenger --server $url"
  echo "or see the client here without a screen:                 xvfb-run -a ./scripts/run.sh"
  wait $server_pid
else
  sleep 0.5
  "$bin/messenger" --server "$url"
fi
