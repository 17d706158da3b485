#!/usr/bin/env bash
# Runs every test suite of the workspace, installing what a fresh machine lacks.
# This is the README's test command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# Every cargo command that builds uses --locked: Cargo.lock is committed, and a build that would
# change it fails instead. All of them use the one dev profile (target/debug); no release build.

step "formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "JavaScript lints (eslint)"
# The npm packages from the lockfile (eslint and the browser tests' packages), then eslint over
# site/static, tests/browser and scripts (eslint.config.mjs).
(cd tests/browser && npm ci --no-audit --no-fund --silent)
npx --no --prefix tests/browser eslint --max-warnings 0

step "lints (cargo clippy)"
cargo clippy --locked --workspace --all-targets --quiet -- -D warnings
# The library without its default features (no tantivy, no rayon) must build clean too.
cargo clippy --locked -p methodewijzer --no-default-features --lib --quiet -- -D warnings

step "documentation (cargo doc)"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --workspace --no-deps --quiet

step "catalogue (methodewijzer check)"
cargo run --locked --quiet -- check interventions

step "unit, integration and doc tests (cargo test)"
cargo test --locked --workspace

step "browser tests (Chromium, axe-core, Nu Html Checker)"
# What a fresh machine lacks: Debian's Chromium (the npm packages were installed for eslint).
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
# The binary cargo test just built; no second build.
METHODEWIJZER_BIN="$PWD/target/debug/methodewijzer" npm --prefix tests/browser test
