#!/usr/bin/env bash
# Benchmark: zarr-spark against Spark's Parquet source on the same generated cube (writes, full
# and selective scans, count(*), a dimension-only query, layout=chunks), in one forked JVM
# (-Xmx4g, local[2]). Prints a table of zarr/parquet ratios and writes target/bench/report.{md,json}.
#
#   bash scripts/bench.sh [--nt=365 --ny=180 --nx=360 --runs=5 --write-runs=3 --chunks=auto ...]
#   bash scripts/bench.sh --help
#
# MVN overrides the Maven command (e.g. MVN="flock /tmp/mvn.lock mvn -B -o" on a shared machine);
# BENCH_JVM_ARG passes one extra JVM option to the benchmark JVM, e.g.
#   BENCH_JVM_ARG=-XX:StartFlightRecording=filename=target/bench/read.jfr,settings=profile
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-mvn -B -ntp}
$MVN -q -pl examples -am install -DskipTests
$MVN -q -pl examples exec:exec@bench \
  -Dbench.args="--out=$PWD/target/bench $*" \
  ${BENCH_JVM_ARG:+-Dbench.jvmArg="$BENCH_JVM_ARG"}
