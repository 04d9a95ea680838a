#!/usr/bin/python3
"""Reference Sun positions from Debian's python3-ephem (an independent implementation: VSOP87 via libastro)
for the C# SPA test: 1,200 random UTC times in 2020-2030 at random places in Denmark's box.

Writes sun-reference.csv: utc (ISO 8601), latitude, longitude, elevation_m, then ephem's topocentric geometric
elevation and azimuth in degrees (observer pressure 0 turns refraction off). Run: /usr/bin/python3 sun_reference.py
"""
import csv
import datetime
import math
import os
import random

import ephem

random.seed(20261205)
start = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
span_s = int((datetime.datetime(2031, 1, 1, tzinfo=datetime.timezone.utc) - start).total_seconds())
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sun-reference.csv")
sun = ephem.Sun()
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["utc", "latitude", "longitude", "elevation_m", "sun_elevation", "sun_azimuth"])
    for _ in range(1200):
        t = start + datetime.timedelta(seconds=random.randrange(span_s))
        lat = random.uniform(54.5, 57.8)
        lon = random.uniform(8.0, 15.2)
        height = random.uniform(0, 170)
        o = ephem.Observer()
        o.lat = str(lat)
        o.lon = str(lon)
        o.elevation = height
        o.pressure = 0
        o.date = ephem.Date(t.replace(tzinfo=None))
        sun.compute(o)
        w.writerow([t.strftime("%Y-%m-%dT%H:%M:%SZ"), f"{lat:.6f}", f"{lon:.6f}", f"{height:.1f}",
                    f"{math.degrees(sun.alt):.6f}", f"{math.degrees(sun.az):.6f}"])
