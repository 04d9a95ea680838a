#!/usr/bin/python3
"""NumPy baseline for bench/noise.sh: worst-case shadow flicker (1-minute steps, one year) at a sample of dwellings, written
from the geometry (not from the C# code's windows): per dwelling, the turbines within their maximum distance (pyproj for
longitude and latitude, the hub in east-north-up metres on the ellipsoid's local radii), then every minute of the year at
once: the Sun's direction from the exported Sun table (Greenwich hour angle and declination per minute, SPA), a minute
flickers when the Sun is at least the minimum elevation up and the ray towards it passes within the rotor's radius of a hub.
Minutes are counted once however many turbines flicker. Prints seconds and the agreement with VeSiting's minutes.
Usage: flicker_numpy.py WORKDIR
"""
import json
import sys
import time

import numpy as np
from pyproj import Transformer

work = sys.argv[1]
c = json.load(open(f"{work}/flicker.json"))
turbines = np.loadtxt(f"{work}/flicker_turbines.csv", delimiter=",", skiprows=1, ndmin=2)  # x, y, hub, rotor
sample = np.loadtxt(f"{work}/flicker_sample.csv", delimiter=",", skiprows=1, ndmin=2)  # x, y, VeSiting's minutes
sun = np.fromfile(f"{work}/sun.f64", dtype=np.float64).reshape(2, -1)  # Greenwich hour angle, declination (degrees)

A, E2 = 6378137.0, 0.00669438002290
deg = np.pi / 180
to_lonlat = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)

start = time.perf_counter()
gha = sun[0] * deg
sin_d, cos_d = np.sin(sun[1] * deg), np.cos(sun[1] * deg)
sin_min = np.sin(c["minimumSunElevation"] * deg)
t_lon, t_lat = to_lonlat.transform(turbines[:, 0], turbines[:, 1])
max_distance = c["maxDistancePerRotorDiameter"] * turbines[:, 3]
minutes = np.zeros(len(sample), dtype=np.int64)
for k, (x, y, _) in enumerate(sample):
    near = np.nonzero(np.hypot(turbines[:, 0] - x, turbines[:, 1] - y) <= max_distance * 1.01)[0]
    if len(near) == 0:
        continue
    lon, lat = to_lonlat.transform(x, y)
    mid = (lat + t_lat[near]) / 2 * deg
    w = 1 - E2 * np.sin(mid) ** 2
    n = (t_lat[near] - lat) * deg * A * (1 - E2) / (w * np.sqrt(w))
    e = (t_lon[near] - lon) * deg * A / np.sqrt(w) * np.cos(mid)
    keep = np.hypot(e, n) <= max_distance[near]
    if not keep.any():
        continue
    e, n = e[keep], n[keep]
    u = turbines[near[keep], 2] - c["receptorHeight"]
    r2 = (turbines[near[keep], 3] / 2) ** 2
    h = gha + lon * deg
    sin_p, cos_p = np.sin(lat * deg), np.cos(lat * deg)
    cos_h = np.cos(h)
    s_e, s_n, s_u = -cos_d * np.sin(h), cos_p * sin_d - sin_p * cos_d * cos_h, sin_p * sin_d + cos_p * cos_d * cos_h
    up = np.nonzero(s_u >= sin_min)[0]
    s_e, s_n, s_u = s_e[up], s_n[up], s_u[up]
    hit = np.zeros(len(up), dtype=bool)
    for j in range(len(e)):
        along = s_e * e[j] + s_n * n[j] + s_u * u[j]
        hit |= (along > 0) & (e[j] ** 2 + n[j] ** 2 + u[j] ** 2 - along * along < r2[j])
    minutes[k] = int(np.count_nonzero(hit))
seconds = time.perf_counter() - start

ours = sample[:, 2].astype(np.int64)
diff = np.abs(minutes - ours)
print(json.dumps({"seconds": seconds, "dwellings": len(sample), "withFlicker": int(np.count_nonzero(minutes)),
                  "differingDwellings": int(np.count_nonzero(diff)), "maxAbsDifferenceMinutes": int(diff.max()) if len(diff) else 0,
                  "totalMinutes": int(minutes.sum()), "ourTotalMinutes": int(ours.sum())}))
