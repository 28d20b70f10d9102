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

echo "== mvn verify (Spark 4.0, Scala 2.13)"
mvn -B -ntp verify "$@"

# The connector must also work on Spark 3.5 (EMR 7, Databricks LTS) for both Scala versions:
# rebuild against each and run the connector's Spark tests. core has no Spark dependency.
for profile in spark-3.5 spark-3.5-scala-2.13; do
  echo "== connector tests on profile $profile"
  mvn -B -ntp -P"$profile" clean test -pl core,connector -am \
    -Dtest='io/zarrspark/spark/**' -Dsurefire.failIfNoSpecifiedTests=false "$@"
done
# Leave the default (Spark 4.0) build in target/ for whoever runs next.
mvn -B -ntp -q clean install -DskipTests
