#!/usr/bin/env bash
# Runs the library's fuzz targets (fuzz/targets.rs) for a bounded time each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 600 seconds, all four targets
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain; CI does not run it.
# Inputs that reach new code are added to fuzz/corpus/TARGET (not committed), which is
# minimised at the end; its smallest inputs are copied to fuzz/regressions/TARGET/, which is
# committed and which `cargo test` runs (crates/methodewijzer/tests/fuzz_corpus.rs), beside the
# seeds. A crash is saved in fuzz/artifacts/TARGET; once fixed, move it to fuzz/regressions/.
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
    mkdir -p "regressions/$target"
    nice -n 19 cargo +nightly fuzz run --release --sanitizer none "$target" "corpus/$target" "seeds/$target" "regressions/$target" -- \
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
    # A sample of the minimised corpus, evenly spread from the smallest input to the largest,
    # becomes regression inputs: few enough for every `cargo test` (a debug build).
    case $target in
        load_method | browser_export) keep=${FUZZ_KEEP:-150} ;; # a catalogue load each
        *) keep=${FUZZ_KEEP:-300} ;;
    esac
    total=$(ls "corpus/$target" | wc -l)
    step=$(( (total + keep - 1) / keep ))
    mkdir -p "regressions/$target"
    rm -f "regressions/$target"/corpus-*
    ls -S -r "corpus/$target" | awk -v s="${step:-1}" 'NR % s == 0' | while read -r input; do
        cp "corpus/$target/$input" "regressions/$target/corpus-$input"
    done
    echo "$target: $(ls "corpus/$target" | wc -l) corpus files, $(ls "regressions/$target" | wc -l) kept"
done
exit $status
