#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the build, the app and the tests need, only those missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev libqt6sql6-sqlite libgl-dev
  libhiredis-dev libsqlite3-dev libssl-dev libsodium-dev libtomlplusplus-dev
  redis-server openssl curl xvfb xauth
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
updated=0
apt_update() {
  if [ $updated -eq 0 ]; then
    [ -z "$sudo" ] || command -v sudo >/dev/null || { echo "error: need root or sudo to install packages" >&2; exit 1; }
    $sudo apt-get update -qq
    updated=1
  fi
}

# Debian 12 ships Boost 1.81 as versioned packages; newer releases (Ubuntu 24.04) default to a newer Boost.
if installed libboost1.81-dev; then
  packages+=(libboost1.81-dev libboost-json1.81-dev)
else
  apt-cache show libboost1.81-dev >/dev/null 2>&1 || apt_update
  if apt-cache show libboost1.81-dev >/dev/null 2>&1; then
    packages+=(libboost1.81-dev libboost-json1.81-dev)
  else
    packages+=(libboost-dev libboost-json-dev)
  fi
fi

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
apt_update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
