#!/usr/bin/env bash
# Which powerplantmatching wind farms the ENS register already holds, by the rule of docs/rules-and-tariffs.md
# ("One plant register"), computed independently of the C# code: the register read by the Python standard library
# (ens_register_counts.py), powerplantmatching's CSV as published, the distances and the transformation by PostGIS.
#   PGURI=postgresql://user:pass@127.0.0.1/db bash tests/VeSiting.Data.Tests/Independent/wind_farm_matches.sh \
#     ../shared/geodata/wind/ens-stamdataregister-vindkraft-2022-01.xlsx ../shared/geodata/plants/powerplantmatching-dk-2024-09-18.csv
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
register="$1"; ppm="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
HERE="$here" python3 - "$register" > "$work/turbines.csv" <<'PY'
import os, re, sys
sys.path.insert(0, os.environ["HERE"])
from ens_register_counts import sheets
name, rows = next(iter(sheets(sys.argv[1])))
header = max(i for i, r in enumerate(rows[:40]) if any("koordinat" in str(v).lower() for v in r.values()))
col = {k: i for i, v in rows[header].items() for k in ["X", "Y", "Kapacitet", "Type af placering"] if str(v).startswith(k)}
for r in rows[header + 1:]:
    if re.fullmatch(r"\d{18}", r.get(0, "").strip()) and col["X"] in r and col["Y"] in r:
        siting = {"LAND": "Onshore", "HAV": "Offshore"}[r[col["Type af placering"]].strip().upper()]
        print(f'{r[0].strip()},{r[col["X"]]},{r[col["Y"]]},{r.get(col["Kapacitet"], 0)},{siting}')
PY
python3 - "$ppm" > "$work/farms.csv" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["Fueltype"] == "Wind" and row["lat"] and row["lon"]:
        print(f'{row["id"]},{row["Technology"]},{row["Capacity"]},{row["lat"]},{row["lon"]}')
PY
psql "$PGURI" -qAt -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE t (gsrn text, e float8, n float8, kw float8, siting text);
CREATE TEMP TABLE f (id text, siting text, mw float8, lat float8, lon float8);
\copy t FROM '$work/turbines.csv' CSV
\copy f FROM '$work/farms.csv' CSV
SELECT count(*) FILTER (WHERE matched), count(*) FILTER (WHERE NOT matched), string_agg(CASE WHEN NOT matched THEN id END, ' ' ORDER BY id::int)
FROM (
  SELECT f.id, coalesce(sum(t.kw), 0) >= 0.5 * f.mw * 1000 AND count(t.gsrn) > 0 AS matched
  FROM f LEFT JOIN t ON t.siting = f.siting
   AND ST_DWithin(ST_Transform(ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326), 25832), ST_SetSRID(ST_MakePoint(t.e, t.n), 25832),
                  CASE WHEN f.siting = 'Offshore' THEN 20000 ELSE 5000 END)
  GROUP BY f.id, f.mw) m;
SQL
