#!/usr/bin/env bash
# Full site build of a synthetic catalogue (default 10,000 methods): wall time and peak memory
# of `methodewijzer build`, three runs into a memory file system (/dev/shm, when there is one:
# the generator's own speed) and three onto the disk that holds $TMPDIR (what the disk adds:
# each build creates, and a rebuild deletes, ≈ 21,000 files and folders). Targets: under 5 s
# and under 1 GiB (BENCHMARKS.md).
#
#   bash scripts/bench-site.sh [N] [zipf]
#
# With `zipf`, the synthetic texts draw their words as real text does (Zipf's law, about 25,000
# distinct words) instead of uniformly from 160 (`methodewijzer::synthetic::Words`).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
words=${2:-uniform}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cargo build --release --quiet --bin methodewijzer
cargo build --release --quiet -p methodewijzer --features synthetic --example synthetic
target/release/examples/synthetic "$n" "$tmp/catalogue" "$words" >/dev/null

# Peak resident memory and processor time from the kernel's own accounting (getrusage), wall
# time from Python.
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
# Processor time beside the wall time: on a machine whose speed drifts, a slow run that also
# took more processor time for the same work was the machine, not the build.
print(f"{wall:.2f} s (processor {usage.ru_utime + usage.ru_stime:.2f} s), peak {usage.ru_maxrss / 1024:.0f} MiB")
PY
}

echo "methodewijzer build, $n synthetic methods ($words words):"
run_three() {
  local site=$1
  for run in 1 2 3; do
    printf '  run %s: ' "$run"
    measure target/release/methodewijzer build --catalogue "$tmp/catalogue" --out "$site"
  done
  echo "  output: $(find "$site" -type f | wc -l) files, $(du -sh "$site" | cut -f1)"
}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/methodewijzer-bench.XXXXXX)
  trap 'rm -rf "$tmp" "$shm"' EXIT
  echo " into memory ($shm):"
  run_three "$shm/site"
  rm -rf "$shm"
fi
echo " onto the disk ($tmp):"
run_three "$tmp/site"
