#!/usr/bin/env python3
"""National-size indicator site for the scale benchmark (issue 3): every municipality (308),
county (23) and the country, 30 indicators, 20 years (2005-2024), 3 genders = ~600,000 value
rows, and municipality_cards for every municipality of the country (each compared with its
own county). Values are synthetic and deterministic.

    python3 scripts/gen_national.py OUT      # writes OUT/content/
"""
import csv, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REGISTER = os.path.join(HERE, "..", "data", "regions", "municipalities_hva_2026.csv")

def main(out):
    content = os.path.join(out, "content")
    values = os.path.join(content, "data", "values")
    os.makedirs(values, exist_ok=True)
    with open(REGISTER, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    regions = ["KUNTA:" + r["municipality_code"] for r in rows]
    regions += sorted({"HYVINVOINTIALUE:" + r["hyvinvointialue_code"] for r in rows})
    regions.append("MAA:SSS")
    ids = [str(1000 + i) for i in range(30)]
    with open(os.path.join(content, "site.yaml"), "w", encoding="utf-8") as f:
        f.write('title: "Kansallinen testi"\nbase_url: "https://example.invalid/"\nlanguages: [fi]\n')
        f.write('home_region: "HYVINVOINTIALUE:13"\ncompare_regions: ["MAA:SSS"]\n')
        f.write('municipality_cards:\n  region: "MAA:SSS"\n  indicators: [%s]\n' % ", ".join('"%s"' % i for i in ids))
    with open(os.path.join(content, "index.md"), "w", encoding="utf-8") as f:
        f.write('---\ntitle: "Etusivu"\n---\n\nKansallinen testiaineisto.\n')
    with open(os.path.join(content, "data", "indicators.yaml"), "w", encoding="utf-8") as f:
        for n, i in enumerate(ids):
            f.write('- {id: "%s", title: "Testimittari %d (%%)", unit: "%%", decimals: 1, better: %s, kind: outcome}\n'
                    % (i, n + 1, ["up", "down", "neutral"][n % 3]))
    total = 0
    for i in ids:
        rnd = random.Random(i)
        with open(os.path.join(values, i + ".csv"), "w", encoding="utf-8") as f:
            f.write("indicator;region;year;gender;primary value;absolute value\n")
            for r in regions:
                base = rnd.uniform(5, 80)
                for year in range(2005, 2025):
                    for g in ("total", "male", "female"):
                        v = "" if rnd.random() < 0.02 else ("%.1f" % (base + rnd.uniform(-3, 3))).replace(".", ",")
                        f.write(f"{i};{r};{year};{g};{v};\n")
                        total += 1
    print(f"{len(ids)} indicators, {len(regions)} regions, {total} value rows -> {content}")

if __name__ == "__main__":
    main(sys.argv[1])
