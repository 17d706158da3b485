#!/usr/bin/env bash
# Runs every test suite of the workspace, installing what a fresh machine lacks.
# This is the README's test command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "lints (cargo clippy)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "documentation (cargo doc)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

step "catalogue (methodewijzer check)"
cargo run --quiet -- check interventions

step "unit, integration and doc tests (cargo test)"
cargo test --workspace
