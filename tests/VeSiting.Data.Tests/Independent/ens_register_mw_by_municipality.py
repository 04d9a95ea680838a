#!/usr/bin/env python3
"""Wind capacity per municipality and siting, read from the ENS register workbook with nothing but the Python
standard library (ens_register_counts.py's reader), sharing no code with the C# importer. Writes the CSV that
MunicipalityWindCapacityTests compares every municipality's answer with:

    python3 tests/VeSiting.Data.Tests/Independent/ens_register_mw_by_municipality.py \
        ../shared/geodata/wind/ens-stamdataregister-vindkraft-2022-01.xlsx > tests/VeSiting.Stores.Tests/Projects/ens-register-mw-by-municipality.csv

Rows: the existing-turbines sheet, 18-digit GSRN, with coordinates (as the importer keeps them), grouped by the
register's own "Kommune-nr." and "Type af placering" (LAND = onshore, HAV = offshore).
"""
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ens_register_counts import sheets  # noqa: E402


def main(path):
    name, rows = next(iter(sheets(path)))
    header = max(i for i, r in enumerate(rows[:40]) if any("koordinat" in str(v).lower() for v in r.values()))
    h = rows[header]
    col = {k: i for i, v in h.items() for k in ["X", "Y", "Kapacitet", "Type af placering", "Kommune-nr"] if str(v).startswith(k)}
    kw = defaultdict(float)
    for r in rows[header + 1:]:
        if not re.fullmatch(r"\d{18}", r.get(0, "").strip()) or col["X"] not in r or col["Y"] not in r:
            continue
        siting = {"LAND": "onshore", "HAV": "offshore"}[r.get(col["Type af placering"], "").strip().upper()]
        kw[(int(r[col["Kommune-nr"]]), siting)] += float(r.get(col["Kapacitet"], 0))
    print("municipality_code,siting,kw")
    for (code, siting), value in sorted(kw.items()):
        print(f"{code},{siting},{value:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
