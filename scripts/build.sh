#!/usr/bin/env bash
# Configures (once) and builds everything into build/, binaries in build/bin/.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
fi
cmake --build "$build_dir" --parallel "${JOBS:-$(nproc)}"
