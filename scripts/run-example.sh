#!/usr/bin/env bash
# The main job: builds the project and runs examples/QuickStart, which writes a small Zarr group
# and reads it back. Pass an output directory as the first argument (default: a temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests
mvn -B -ntp -q -pl examples exec:exec -Dquickstart.out="${1:-}"
