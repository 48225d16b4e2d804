#!/usr/bin/env python3
"""Writes the example site's indicator values from real Sotkanet data.

Source: ../shared/data/real/sotkanet-2013-focus/ (THL, Sotkanet.fi, data fetched 8.9.2013;
CC BY 4.0; see that folder's SOURCE.md). Keeps indicators 4 and 2358 for the municipalities of
the Pohjois-Savo maakunta that exist in the 2026 register, and the maakunta itself
(MAAKUNTA:11), in the Sotkanet CSV shape of content-format.md section 8. Values unchanged.

    python3 scripts/example-data.py   # rewrites content/data/values/*.csv
"""
import csv, os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "..", "shared", "data", "real", "sotkanet-2013-focus",
                   "sotkanet_2013_mental_safety_pohjois-savo_keski-suomi.csv")
REGISTER = os.path.join(ROOT, "data", "regions", "municipalities_hva_2026.csv")
OUT = os.path.join(ROOT, "content", "data", "values")
KEEP = {"4", "2358"}

with open(REGISTER, encoding="utf-8") as f:
    members = {r["municipality_code"] for r in csv.DictReader(f) if r["maakunta_code"] == "11"}

rows = {i: [] for i in KEEP}
with open(SRC, encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["indicator_id"] not in KEEP or r["maakunta"] != "Pohjois-Savo":
            continue
        if r["region_category"] == "KUNTA" and r["region_code"] in members:
            ref = "KUNTA:" + r["region_code"]
        elif r["region_category"] == "MAAKUNTA" and r["region_name"] == "Pohjois-Savo":
            ref = "MAAKUNTA:11"
        else:
            continue
        rows[r["indicator_id"]].append((ref, int(r["year"]), r["gender"], r["value"]))

os.makedirs(OUT, exist_ok=True)
for ind, data in sorted(rows.items()):
    with open(os.path.join(OUT, f"{ind}.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("indicator;region;year;gender;primary value;absolute value\n")
        for ref, year, gender, value in sorted(data):
            f.write(f"{ind};{ref};{year};{gender};{value};\n")
    print(f"{ind}: {len(data)} rows")
