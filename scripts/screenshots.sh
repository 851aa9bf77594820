#!/usr/bin/env bash
# Renders the client's windows (sign-in, trust step, errors, main window, settings, a chat between
# two users, the Friends view; light and dark) offscreen into docs/screenshots/, against a freshly
# started local server over TLS.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
bin="$build_dir/bin"
out="${1:-docs/screenshots}"
if [ ! -x "$bin/messenger-server" ] || [ ! -x "$bin/messenger-screenshots" ]; then
  cmake --build "$build_dir" --target messenger-server messenger-screenshots \
    --parallel "${JOBS:-$(nproc)}"
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The demo registers more users from one address than the default registration limit allows.
cat >"$work/screenshots.toml" <<'TOML'
[limits]
registrations_burst = 100
registrations_per_minute = 100
TOML
"$bin/messenger-server" --config "$work/screenshots.toml" --listen 127.0.0.1:0 \
  --data-dir "$work/server" >"$work/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$work/server.log" | head -n1)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "error: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

# The client's data and settings go to the temporary folder, never the user's own.
XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" \
  QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR="${SCALE:-1}" \
  "$bin/messenger-screenshots" --server "$url" --out "$out"
