#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure --timeout 600 -j "${JOBS:-$(nproc)}"
