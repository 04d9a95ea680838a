#!/usr/bin/env python3
"""Independent counts of the ENS wind register workbook, read with nothing but the
Python standard library (zipfile + XML), sharing no code with the C# importer.
The expected figures in EnsWindRegisterRealDataTests come from this script:

    python3 tests/VeSiting.Data.Tests/Independent/ens_register_counts.py ../shared/geodata/wind/ens-stamdataregister-vindkraft-2022-01.xlsx

Rows counted: 18-digit GSRN in column A; coordinates in the columns headed
"X (øst) koordinat" / "Y (nord) koordinat" on the Danish header row.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def sheets(path):
    z = zipfile.ZipFile(path)
    shared = [
        "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)
    ]
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    for s in wb.find("m:sheets", NS):
        root = ET.fromstring(z.read("xl/" + targets[s.get(REL)].lstrip("/").replace("xl/", "")))
        rows = []
        for row in root.iter("{%s}row" % NS["m"]):
            cells = {}
            for c in row.findall("m:c", NS):
                v = c.find("m:v", NS)
                if v is None:
                    continue
                val = shared[int(v.text)] if c.get("t") == "s" else v.text
                cells[col_index(c.get("r"))] = val
            rows.append(cells)
        yield s.get("name"), rows


def main(path):
    for name, rows in sheets(path):
        header = max(i for i, r in enumerate(rows[:40]) if any("koordinat" in str(v).lower() for v in r.values()))
        h = rows[header]
        col = {k: i for i, v in h.items() for k in ["X", "Y", "Kapacitet", "Type af placering"] if str(v).startswith(k)}
        total = placed = onshore = offshore = 0
        cap_placed = cap_on = cap_off = 0.0
        for r in rows[header + 1:]:
            g = r.get(0, "")
            if not re.fullmatch(r"\d{18}", g.strip()):
                continue
            total += 1
            if col["X"] in r and col["Y"] in r:
                placed += 1
                cap = float(r.get(col["Kapacitet"], 0))
                cap_placed += cap
                loc = r.get(col["Type af placering"], "").strip().upper()
                if loc == "LAND":
                    onshore += 1
                    cap_on += cap
                elif loc == "HAV":
                    offshore += 1
                    cap_off += cap
        print(f"{name}: gsrn rows {total}, with coordinates {placed}, capacity of those {cap_placed:.1f} kW; "
              f"onshore {onshore} ({cap_on:.1f} kW), offshore {offshore} ({cap_off:.1f} kW)")


if __name__ == "__main__":
    main(sys.argv[1])
