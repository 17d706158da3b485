#!/usr/bin/env bash
# Compares `methodewijzer build` of two or more binaries, interleaved: one build with each, in
# turn, several rounds. On a machine whose speed drifts (this one's does, by 30 % within an
# hour) only builds made side by side can be compared. Prints wall / processor milliseconds.
#
#   bash scripts/compare-builds.sh CATALOGUE ROUNDS BINARY...
#
# Example: keep the binary of a commit (`cp target/release/methodewijzer /tmp/before`), make
# the change, build, and run
#   bash scripts/compare-builds.sh /tmp/synthetic 4 /tmp/before target/release/methodewijzer
set -euo pipefail
catalogue=$1
rounds=$2
shift 2
out=$(mktemp -d "${BENCH_DIR:-/dev/shm}/methodewijzer-compare.XXXXXX")
trap 'rm -rf "$out"' EXIT
for _ in $(seq "$rounds"); do
  line=""
  for binary in "$@"; do
    line+=" $(python3 - "$binary" "$catalogue" "$out/site" <<'PY'
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run([sys.argv[1], "build", "--catalogue", sys.argv[2], "--out", sys.argv[3]],
               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = (time.perf_counter() - start) * 1000
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{sys.argv[1]}={wall:.0f}/{(usage.ru_utime + usage.ru_stime) * 1000:.0f}", end="")
PY
)"
  done
  echo "$line"
done
