#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs the cross-implementation peers
# (zarr-python/xarray from Debian, zarrita from npm) when missing, then `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! /usr/bin/python3 -c "import zarr, xarray, numcodecs" >/dev/null 2>&1; then
  echo "== installing python3-zarr python3-xarray (Debian packages)"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q python3-zarr python3-xarray
fi

echo "== installing zarrita (npm ci)"
(cd integration-tests/src/test/js && npm ci --no-audit --no-fund --loglevel=error)

echo "== mvn verify"
mvn -B -ntp verify "$@"
