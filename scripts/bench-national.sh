#!/usr/bin/env bash
# Scale benchmark for indicator data (issue 3): generates the national data set
# (scripts/gen_national.py: 308 municipalities + 23 counties + the country, 30 indicators,
# 20 years, 3 genders, ~600,000 rows, municipality cards for every municipality) on /dev/shm,
# then reports the full build's wall time (median of 5) and peak memory, and the time to load
# and parse the CSV rows alone. Targets: build < 5 s and < 1 GB; loading < 0.5 s.
set -euo pipefail
cd "$(dirname "$0")/.."
base=/dev/shm/kertomus-national
rm -rf "$base"
python3 scripts/gen_national.py "$base/site"
cargo build --release --quiet --example load_values
bin="$PWD/target/release/kertomus"
"$bin" build -q --root "$base/site" --output "$base/out"   # warm-up
walls=(); peak=0
for _ in 1 2 3 4 5; do
  log=$(mktemp)
  /usr/bin/time -f "%e %M" "$bin" build -q --root "$base/site" --output "$base/out" 2>"$log"
  read -r wall kb <"$log"; rm -f "$log"
  walls+=("$wall"); [ "$kb" -gt "$peak" ] && peak=$kb
done
median=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n 3p)
echo "national build: median wall ${median} s (runs: ${walls[*]}), peak RSS $((peak / 1024)) MB, $(find "$base/out" -name index.html | wc -l) pages"
for _ in 1 2 3; do target/release/examples/load_values "$base/site"; done
rm -rf "$base"
