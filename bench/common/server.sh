# shellcheck shell=bash
# The server side of the load scripts, sourced (from the repository's root) by
# bench/server/run-load.sh and bench/group/run-group-load.sh: a fresh messenger-server pinned to a
# core, with a temp data folder and limits relaxed for the load, stopped when the script exits.
# Environment: BUILD_DIR (default build), PORT, SERVER_CPU (0), LOAD_CPU (1), SERVER_THREADS (1),
# NICE (0).

bench_script="${0##*/}"

# bench_settings LOAD_PROGRAM DEFAULT_PORT: exits unless $bin holds messenger-server and the load
# program; sets bin, port, server_cpu, load_cpu, server_threads and niceness (a command prefix).
bench_settings() {
  bin="${BUILD_DIR:-build}/bin"
  for program in messenger-server "$1"; do
    if [ ! -x "$bin/$program" ]; then
      echo "$bench_script: $bin/$program is missing: build it first (BUILD_DIR=$bin/..)" >&2
      exit 1
    fi
  done
  port="${PORT:-$2}"
  server_cpu="${SERVER_CPU:-0}"
  # shellcheck disable=SC2034 # the sourcing script pins its load program there
  load_cpu="${LOAD_CPU:-1}"
  server_threads="${SERVER_THREADS:-1}"
  niceness=(nice -n "${NICE:-0}")
  # With the kernel's autogroups on, niceness only orders processes of one session: every build of
  # another terminal still gets an equal share of the core. A negative NICE therefore also runs each
  # program in a session of its own whose autogroup gets that niceness.
  if [ "${NICE:-0}" -lt 0 ] && [ -e /proc/self/autogroup ] && command -v setsid >/dev/null; then
    # shellcheck disable=SC2016 # expanded by the inner bash
    niceness+=(setsid bash -c 'echo "$0" > /proc/self/autogroup 2>/dev/null || true; exec "$@"' "$NICE")
  fi
}

# bench_start_server: starts the server and returns once it listens; sets server_pid and
# data_dir. On exit the load program (load_pid, when set) and the server are stopped and the
# data folder removed.
bench_start_server() {
  data_dir="$(mktemp -d)"
  local log="$data_dir/server.log"
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
  trap bench_cleanup EXIT INT TERM

  for _ in $(seq 100); do
    grep -q "listening on" "$log" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  grep -q "listening on" "$log" || { echo "$bench_script: the server did not start" >&2; cat "$log" >&2; exit 1; }

  echo "server: pid $server_pid on core $server_cpu ($server_threads io thread), data in $data_dir"
}

bench_cleanup() {
  if [ -n "$load_pid" ]; then kill -TERM "$load_pid" 2>/dev/null || true; fi
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}

# bench_server_messages: the server's message counter, read from /metrics after the run.
bench_server_messages() {
  echo "server: $(curl -s "http://127.0.0.1:$port/metrics" | grep '^messenger_messages_total' || true)"
}
