#!/usr/bin/python3
"""Independent worst-case and expected shadow flicker for simple geometries, for the C# flicker tests.

Sun: Debian's python3-ephem (refraction off), every minute of 2025 (UTC, start of the minute). Geometry: pyproj turns
EPSG:25832 into longitude/latitude and gives the geodesic azimuth and distance from the dwelling to each turbine;
plain vector algebra decides whether the ray towards the Sun passes within the rotor's radius of the hub. Local days
come from Python's zoneinfo (Europe/Copenhagen). Conventions as in geodata/rules/shadow-flicker/2015.json: minimum
elevation 3°, receptor 1 m up, maximum distance 0.02·D / (0.2 · 0.533°·π/180), DMI 1961-90 monthly sunshine hours
over the hours the Sun's centre is above the horizon, 0.85/12 of the year from each 30° sector with the rotor facing it.

Writes flicker-reference.csv (one row per case) and flicker-calendar.csv (the spells of case 'east-of-turbine').
Run: /usr/bin/python3 flicker_reference.py   (about a minute)
Or for one dwelling and one turbine (prints the same columns as CSV):
     /usr/bin/python3 flicker_reference.py point DWELLING_E DWELLING_N TURBINE_E TURBINE_N HUB_M ROTOR_M [YEAR]
"""
import csv
import datetime
import math
import os
import sys
from zoneinfo import ZoneInfo

import ephem
from pyproj import Geod, Transformer

HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = 2025
MIN_ELEVATION = 3.0
RECEPTOR_HEIGHT = 1.0
MAX_PER_D = 0.02 / (0.2 * math.radians(0.533))
SUNSHINE = [43, 69, 110, 162, 209, 209, 196, 186, 128, 87, 54, 43]
SECTORS = [(math.radians(s), 0.85 / 12) for s in range(0, 360, 30)]

DWELLING = (590000.0, 6190000.0)
HUB, D = 95.0, 110.0
CASES = {
    "east-of-turbine": [("T1", -500.0, 0.0)],
    "north-1000": [("T1", 0.0, -1000.0)],
    "north-400": [("T1", 0.0, -400.0)],
    "beyond-max-distance": [("T1", -1300.0, 0.0)],
    "two-turbines": [("T1", -500.0, 0.0), ("T2", -450.0, -300.0)],
}

to_lonlat = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)
geod = Geod(ellps="GRS80")
tz = ZoneInfo("Europe/Copenhagen")


def hits_facing(s, v, theta, r2):
    ne, nn = math.sin(theta), math.cos(theta)
    sn = s[0] * ne + s[1] * nn
    if abs(sn) < 1e-12:
        return False
    t = (v[0] * ne + v[1] * nn) / sn
    if t <= 0:
        return False
    q = (t * s[0] - v[0], t * s[1] - v[1], t * s[2] - v[2])
    return q[0] ** 2 + q[1] ** 2 + q[2] ** 2 < r2


def compute(dwelling, cases, year):
    """cases: name -> [(turbine id, E, N, hub, rotor)]. Returns name -> [(utc, local, sun vector, [(id, hub vector, r2)])]."""
    lon0, lat0 = to_lonlat.transform(*dwelling)

    def hub_vector(e, n, hub):
        lon, lat = to_lonlat.transform(e, n)
        az, _, dist = geod.inv(lon0, lat0, lon, lat)
        a = math.radians(az)
        return (dist * math.sin(a), dist * math.cos(a), hub - RECEPTOR_HEIGHT), dist

    obs = ephem.Observer()
    obs.lat, obs.lon, obs.elevation, obs.pressure = str(lat0), str(lon0), 0, 0
    sun = ephem.Sun()
    start = datetime.datetime(year, 1, 1, tzinfo=datetime.timezone.utc)
    minutes = (366 if year % 4 == 0 else 365) * 1440
    vectors = {name: [(tid,) + hub_vector(e, n, hub) + ((d / 2) ** 2, d) for tid, e, n, hub, d in ts] for name, ts in cases.items()}
    possible = [0] * 12
    flicker = {name: [] for name in cases}
    for m in range(minutes):
        t = start + datetime.timedelta(minutes=m)
        obs.date = ephem.Date(t.replace(tzinfo=None))
        sun.compute(obs)
        alt, az = float(sun.alt), float(sun.az)
        local = t.astimezone(tz)
        if alt > 0:
            possible[local.month - 1] += 1
        if math.degrees(alt) < MIN_ELEVATION:
            continue
        s = (math.cos(alt) * math.sin(az), math.cos(alt) * math.cos(az), math.sin(alt))
        for name, ts in vectors.items():
            ids = []
            for tid, v, dist, r2, d in ts:
                if dist > MAX_PER_D * d:
                    continue
                along = s[0] * v[0] + s[1] * v[1] + s[2] * v[2]
                if along > 0 and v[0] ** 2 + v[1] ** 2 + v[2] ** 2 - along ** 2 < r2:
                    ids.append((tid, v, r2))
            if ids:
                flicker[name].append((t, local, s, ids))
    probability = [min(1.0, SUNSHINE[i] / (possible[i] / 60)) for i in range(12)]
    return flicker, probability


def summary(rows, probability):
    per_day = {}
    expected = 0.0
    for t, local, s, ids in rows:
        per_day[local.date()] = per_day.get(local.date(), 0) + 1
        weight = sum(share for theta, share in SECTORS if any(hits_facing(s, v, theta, r2) for _, v, r2 in ids))
        expected += probability[local.month - 1] * weight
    return [len(rows), len(per_day), max(per_day.values(), default=0), f"{expected / 60:.4f}"]


if len(sys.argv) > 1 and sys.argv[1] == "point":
    de, dn, te, tn, hub, d = map(float, sys.argv[2:8])
    year = int(sys.argv[8]) if len(sys.argv) > 8 else YEAR
    flicker, probability = compute((de, dn), {"point": [("T", te, tn, hub, d)]}, year)
    print(",".join(map(str, ["point"] + summary(flicker["point"], probability))))
    sys.exit(0)

cases = {name: [(tid, DWELLING[0] + dx, DWELLING[1] + dy, HUB, D) for tid, dx, dy in ts] for name, ts in CASES.items()}
flicker, probability = compute(DWELLING, cases, YEAR)
with open(os.path.join(HERE, "flicker-reference.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["case", "worst_case_minutes", "days", "max_minutes_per_day", "expected_hours"])
    for name, rows in flicker.items():
        w.writerow([name] + summary(rows, probability))

with open(os.path.join(HERE, "flicker-calendar.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["date", "start", "end", "minutes"])
    rows = flicker["east-of-turbine"]
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1][0] - rows[j][0] == datetime.timedelta(minutes=1):
            j += 1
        begin = rows[i][1]
        end = (rows[j][0] + datetime.timedelta(minutes=1)).astimezone(tz)
        w.writerow([begin.date().isoformat(), begin.strftime("%H:%M"), end.strftime("%H:%M"), j - i + 1])
        i = j + 1
