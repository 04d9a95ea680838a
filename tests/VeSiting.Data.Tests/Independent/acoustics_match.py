#!/usr/bin/python3
"""Independent count for RealAcousticsMatchTests: existing register turbines (January 2022 edition, first sheet, raw XML) whose
manufacturer and model match the example acoustics file after the documented normalisation (lower case; letters and digits only;
a manufacturer's trailing company form or generic words dropped; Siemens Gamesa/SGRE = Siemens), by municipality."""
import collections
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/geodata/wind/ens-stamdataregister-vindkraft-2022-01.xlsx"
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
TRAIL = {"a", "s", "as", "aps", "ltd", "gmbh", "b", "v", "bv", "co", "inc", "ag", "se", "sa", "wind", "systems", "power", "energy", "renewable", "offshore"}


def words(s):
    return [w for w in re.split(r"[^0-9a-zæøåäöü]+", (s or "").lower()) if w]


def manufacturer(s):
    w = words(s)
    while len(w) > 1 and w[-1] in TRAIL:
        w.pop()
    k = "".join(w)
    return {"siemensgamesa": "siemens", "sgre": "siemens"}.get(k, k)


def model(s):
    return "".join(words(s))


z = zipfile.ZipFile(path)
strings = ["".join(t.itertext()) for t in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
counts = collections.Counter()
for row in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).find("m:sheetData", ns):
    if int(row.get("r")) < 19:
        continue
    v = {}
    for c in row:
        x = c.find("m:v", ns)
        if x is not None:
            v[re.match(r"[A-Z]+", c.get("r")).group()] = strings[int(x.text)] if c.get("t") == "s" else x.text
    if not v.get("M") or not v.get("N"):
        continue  # no coordinates: not loaded
    key = (manufacturer(v.get("F")), model(v.get("G")))
    if key in {("bonus", "1000kw"), ("vestas", "v11736mw"), ("siemens", "sg60170")}:
        counts[(key, v.get("I"))] += 1
for k, n in sorted(counts.items()):
    print(n, k)
