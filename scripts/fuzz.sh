#!/usr/bin/env bash
# scripts/fuzz.sh TARGET SECONDS: runs one fuzz target of fuzz/ for SECONDS with libFuzzer.
#
# Targets: page, shortcode, site_yaml, plan_yaml, values_csv, data_yaml (fuzz/fuzz_targets/).
# cargo-fuzz wants a nightly compiler; this machine has only the stable one, so the build runs
# with RUSTC_BOOTSTRAP=1 and without a sanitizer (the targets' own assertions are the oracle:
# same input, same output; no input over 3 s; no script, handler or script URL let through).
# Needs: cargo install cargo-fuzz --locked. Seed corpora are made from the example site and the
# test fixtures; findings land in fuzz/artifacts/TARGET/ and become regression tests.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS}"
seconds="${2:-600}"
corpus="fuzz/corpus/$target"
mkdir -p "$corpus"

seed() { # seed NAME FILE [PREFIX-BYTE]
  local out="$corpus/seed-$1"
  if [ -n "${3:-}" ]; then printf "\\x$3" >"$out"; else : >"$out"; fi
  cat "$2" >>"$out"
}
n=0
case "$target" in
  page)
    while IFS= read -r f; do
      n=$((n + 1)); seed "$n-sanitize" "$f" 00; seed "$n-deny" "$f" 01; seed "$n-allow" "$f" 02
    done < <(find content tests/fixtures -name '*.md' | sort)
    ;;
  shortcode)
    grep -rhoE '\{\{ *[a-z_]+\(.*\) *\}\}' content tests/fixtures | sort -u | while IFS= read -r l; do
      n=$((n + 1)); printf '%s' "$l" >"$corpus/seed-$n"
    done
    ;;
  site_yaml) seed site tests/fixtures/plan/content/site.yaml; seed example content/site.yaml ;;
  plan_yaml)
    seed plan tests/fixtures/plan/content/suunnitelma/plan.yaml
    seed example content/hyvinvointikertomus-2025-2029/plan.yaml
    ;;
  values_csv)
    for f in tests/fixtures/plan/content/data/values/*.csv content/data/values/*.csv; do
      n=$((n + 1)); seed "$n" "$f"
    done
    ;;
  data_yaml)
    seed organisations tests/fixtures/plan/content/data/organisations.yaml 00
    seed indicators tests/fixtures/plan/content/data/indicators.yaml 01
    seed clock tests/fixtures/plan/content/data/vuosikello.yaml 02
    seed bodies tests/fixtures/plan/content/data/bodies.yaml 03
    seed survey tests/fixtures/plan/content/data/surveys/kysely.yaml 04
    ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac

# The fuzz crate builds kertomus with the same dependency versions as the project.
cp Cargo.lock fuzz/Cargo.lock
cd fuzz
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" --sanitizer none -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
  "corpus/$target"
