#!/usr/bin/env bash
# Scaling benchmark (issue 25): the build's time on generated sites that grow ×4 at a time, to
# show that cost grows linearly with the input where it once grew with its square:
#   - one plan with 1,000 / 4,000 / 16,000 measures (ids placed in plan.yaml);
#   - one page with 2,500 / 10,000 / 40,000 headings whose slugs collide (`## Otsikko 1` …
#     `## Otsikko N/2`, then N/2 times `## Otsikko`: unique heading ids).
# Each ×4 in size may cost at most about ×5 in time. Then the two large cases of the issue,
# 20,000 measures and 50,000 headings, which must build in seconds.
#
#   cargo build --release && flock /tmp/cargo-session.lock scripts/bench-scale.sh
#
# Times are the best of RUNS (default 3) builds with the release binary (KERTOMUS, default
# target/release/kertomus), search index included, sites in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${KERTOMUS:-${CARGO_TARGET_DIR:-target}/release/kertomus}"
runs="${RUNS:-3}"
[ -x "$bin" ] || { echo "no $bin: run cargo build --release first" >&2; exit 2; }
if [ -n "$(find src themes -newer "$bin" -type f | head -n 1)" ]; then
  echo "$bin is older than the sources: run cargo build --release first" >&2; exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# gen KIND N DIR: a site with one plan of N measures (plan) or one page of N headings (headings).
gen() {
  python3 - "$@" <<'PY'
import os, sys
kind, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
c = os.path.join(root, "content")
os.makedirs(os.path.join(c, "data"), exist_ok=True)
def write(rel, text):
    p = os.path.join(c, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
write("site.yaml", 'title: "Skaalaustesti"\nbase_url: "https://example.fi/"\nlanguages: [fi]\norganisation: kunta\n')
write("index.md", '---\ntitle: "Etusivu"\n---\nSkaalaustesti.\n')
write("data/organisations.yaml",
      '- {id: kunta, type: kunta, name: "Testikunta", region: "KUNTA:297"}\n'
      '- {id: koulu, type: yksikko, name: "Koulut", parent: kunta}\n'
      '- {id: jarjestot, type: jarjesto, name: "Järjestöt"}\n')
if kind == "headings":
    lines = ['---\ntitle: "Otsikot"\n---\n']
    lines += [f"## Otsikko {i}\n\nTeksti {i}.\n\n" for i in range(1, n // 2 + 1)]
    lines += ["## Otsikko\n\nTeksti.\n\n" for _ in range(n - n // 2)]
    write("otsikot.md", "".join(lines))
else:
    write("suunnitelma/index.md", '---\ntitle: "Suunnitelma"\ndocument:\n  type: suunnitelma\n'
          '  organisation: kunta\n  period: 2025-2029\n  status: draft\n---\nTiivistelmä.\n')
    per_goal, goals_per_area = 20, 10
    out = ["focus_areas:\n"]
    m = 0
    for a in range((n + per_goal * goals_per_area - 1) // (per_goal * goals_per_area)):
        out.append(f"  - id: alue-{a}\n    title: \"Painopiste {a}\"\n    goals:\n")
        for g in range(goals_per_area):
            if m >= n:
                break
            out.append(f"      - id: tavoite-{a}-{g}\n        title: \"Tavoite {a}.{g}\"\n        measures:\n")
            for _ in range(per_goal):
                if m >= n:
                    break
                partners = "\n            partners: [jarjestot]" if m % 7 == 0 else ""
                out.append(f"          - id: toimenpide-{m}\n            title: \"Toimenpide {m}\"\n"
                           f"            responsible: [koulu]{partners}\n"
                           f"            progress:\n              2025: {{status: started}}\n")
                m += 1
    write("suunnitelma/plan.yaml", "".join(out))
PY
}

# best DIR: the best of $runs build times of the site at DIR, in seconds.
best() {
  local b="" t
  for _ in $(seq "$runs"); do
    rm -rf "$1/public"
    local s; s=$(date +%s.%N)
    "$bin" build -q --root "$1" --output "$1/public" >/dev/null || { echo "the build of $1 failed" >&2; exit 1; }
    t=$(echo "$(date +%s.%N) - $s" | bc)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  printf '%.3f' "$b"
}

row() { # row KIND N...: one line per size with its time and the ratio to the size before
  local kind="$1" prev=""; shift
  for n in "$@"; do
    gen "$kind" "$n" "$work/$kind-$n"
    local t; t=$(best "$work/$kind-$n")
    local ratio="–"
    [ -n "$prev" ] && ratio="×$(printf '%.2f' "$(echo "$t / $prev" | bc -l)")"
    printf '| %-9s | %7s | %8s s | %7s |\n' "$kind" "$n" "$t" "$ratio"
    prev=$t
    rm -rf "$work/$kind-$n"
  done
}

echo "| case      |    size |      time | growth (size ×4) |"
echo "|-----------|---------|-----------|------------------|"
row plan 1000 4000 16000
row headings 2500 10000 40000
echo
echo "The issue's large cases (must build in seconds): 20,000 measures; a page of 50,000 headings,"
echo "and one of 100,000 (50,000 numbered and 50,000 alike, the other reading of \"50,000\"):"
row plan 20000
row headings 50000
row headings 100000
