#!/usr/bin/env bash
# Runs the library's fuzz targets (fuzz/targets.rs) for a bounded time each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 600 seconds, all four targets
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain; CI does not run it.
# Inputs that reach new code are added to fuzz/corpus/TARGET, which is minimised at the end
# and committed: `cargo test` runs every file in it (crates/methodewijzer/tests/fuzz_corpus.rs).
# A crash is saved in fuzz/artifacts/TARGET; once fixed, move it to fuzz/regressions/TARGET.
# Set FUZZ_JOBS=2 to run two targets at once (one core each).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_method markdown query browser_export)

run() {
    local target=$1 dict=()
    case $target in load_method | browser_export) dict=(-dict=method.dict) ;; esac
    mkdir -p "corpus/$target" "artifacts/$target"
    # -timeout: an input that takes 10 s is a hang worth a report.
    nice -n 19 cargo +nightly fuzz run --release --sanitizer none "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
        -print_final_stats=1 "${dict[@]}" >"artifacts/$target/run.log" 2>&1 ||
        { echo "$target: FOUND A PROBLEM, see fuzz/artifacts/$target/run.log"; return 1; }
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "artifacts/$target/run.log" |
        sed "s/^/$target: /"
}

cargo +nightly fuzz build --release --sanitizer none >/dev/null
status=0
jobs=${FUZZ_JOBS:-1}
for target in "${targets[@]}"; do
    run "$target" &
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || status=1; done
done
while [ "$(jobs -rp | wc -l)" -gt 0 ]; do wait -n || status=1; done

for target in "${targets[@]}"; do
    # Keep only inputs that add coverage, so the committed corpus stays small.
    nice -n 19 cargo +nightly fuzz cmin --release --sanitizer none "$target" "corpus/$target" >/dev/null 2>&1 || true
    echo "$target: $(ls "corpus/$target" | wc -l) corpus files"
done
exit $status
