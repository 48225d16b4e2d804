#!/usr/bin/env bash
# Build-speed benchmark, paired: for each corpus size N (default 1000 and 10000) the same
# generated pages (../shared/bench/gen_corpus.py) are built by kertomus (--no-search: the
# others build no search index; scripts/bench-search.sh measures the index), by the floor
# (read, split front matter, pulldown-cmark, write: ../shared/bench/floor) and, when their
# binaries are given, by Zola and Hugo with the equivalent minimal sites of
# scripts/bench-sites/. The generators take turns within each of 5 rounds after a warm-up, so
# every ratio comes from one run on one machine; corpus and output are on /dev/shm.
#
#   ZOLA=/path/to/zola HUGO=/path/to/hugo scripts/bench.sh [N ...]
#
# ../shared/bench/README.md says how to get Zola 0.22.1 and Hugo 0.168 on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
rounds=5
base=/dev/shm/kertomus-bench
here="$PWD"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet
target="${CARGO_TARGET_DIR:-$here/target}"
cargo build --release --quiet --manifest-path ../shared/bench/floor/Cargo.toml --target-dir "$target/floor"
kertomus="$target/release/kertomus"
floor="$target/floor/release/floor"

# One timed run: prints "wall_seconds peak_kb".
timed() {
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  tail -n 1 "$log"; rm -f "$log"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in "${sizes[@]}"; do
  corpus="$base/corpus-$n"
  # kertomus last: the generator rewrites the first site's pages into kertomus's format.
  sites=""
  [ -n "${ZOLA:-}" ] && sites="$sites,zola=$here/scripts/bench-sites/zola"
  [ -n "${HUGO:-}" ] && sites="$sites,hugo=$here/scripts/bench-sites/hugo"
  sites="${sites#,},kertomus"; sites="${sites#,}"
  python3 ../shared/bench/gen_corpus.py "$n" "$corpus" --sites "$sites" >/dev/null
  declare -A cmd=()
  cmd[floor]="$floor $corpus/kertomus/content $base/out-floor"
  cmd[kertomus]="$kertomus build -q --no-search --root $corpus/kertomus --output $base/out-kertomus"
  [ -n "${ZOLA:-}" ] && cmd[zola]="$ZOLA --root $corpus/zola build --force -o $base/out-zola"
  [ -n "${HUGO:-}" ] && cmd[hugo]="$HUGO --source $corpus/hugo --destination $base/out-hugo --quiet"
  names=(floor kertomus); [ -n "${ZOLA:-}" ] && names+=(zola); [ -n "${HUGO:-}" ] && names+=(hugo)
  declare -A walls=() peaks=()
  for name in "${names[@]}"; do rm -rf "$base/out-$name"; timed ${cmd[$name]} >/dev/null; done   # warm-up
  for _ in $(seq "$rounds"); do
    for name in "${names[@]}"; do
      rm -rf "$base/out-$name"
      read -r wall kb < <(timed ${cmd[$name]})
      walls[$name]="${walls[$name]:-} $wall"
      [ "$kb" -gt "${peaks[$name]:-0}" ] && peaks[$name]=$kb
    done
  done
  echo "N=$n, median wall of $rounds paired rounds (peak RSS):"
  k=$(median ${walls[kertomus]})
  for name in "${names[@]}"; do
    m=$(median ${walls[$name]})
    awk -v name="$name" -v m="$m" -v k="$k" -v p="${peaks[$name]}" 'BEGIN {
      ratio = (name == "kertomus") ? "" : sprintf("   kertomus/%s %.2f", name, k / m);
      printf "  %-9s %7.2f s  %6.0f MB%s\n", name, m, p / 1024, ratio }'
  done
  unset cmd walls peaks
done
rm -rf "$base"
