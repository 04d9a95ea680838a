#!/usr/bin/python3
"""NumPy baseline for bench/noise.sh: the noise order's method (BEK 135/2019 annex 1) at every dwelling from every turbine,
written from the formula (not from the C# code): per octave band L = L_WA,band - 10 lg(l^2 + h^2) - 11 + dL_g - alpha*d/1000,
energies summed over bands and over the turbines within each turbine's cut-off. Dwellings sorted by x once; each turbine takes
the x-slice within its cut-off, then the disc. Prints seconds and the largest difference from VeSiting's levels.
Usage: noise_numpy.py WORKDIR
"""
import json
import sys
import time

import numpy as np

work = sys.argv[1]
method = json.load(open(f"{work}/method.json"))
turbines = np.loadtxt(f"{work}/turbines.csv", delimiter=",", skiprows=1, ndmin=2)
xy = np.fromfile(f"{work}/dwellings.f64", dtype=np.float64).reshape(-1, 2)
ours = np.fromfile(f"{work}/levels.f32", dtype=np.float32)
alpha = np.array(method["alpha"]) / 1000.0
offset = -method["geometricTerm"] + method["groundTerm"]

start = time.perf_counter()
cpu_start = time.process_time()
order = np.argsort(xy[:, 0], kind="stable")
xs, ys = xy[order, 0], xy[order, 1]
energy = np.zeros(len(xs))
for x, y, hub, cutoff, *lwa in turbines:
    lo, hi = np.searchsorted(xs, [x - cutoff, x + cutoff])
    dx, dy = xs[lo:hi] - x, ys[lo:hi] - y
    l2 = dx * dx + dy * dy
    inside = np.nonzero(l2 <= cutoff * cutoff)[0]
    d2 = l2[inside] + hub * hub
    d = np.sqrt(d2)
    bands = np.asarray(lwa)[None, :] + offset - 10 * np.log10(d2)[:, None] - alpha[None, :] * d[:, None]
    energy[lo + inside] += np.sum(10 ** (bands / 10), axis=1)
with np.errstate(divide="ignore"):
    level = np.full(len(xs), -np.inf)
    level[order] = 10 * np.log10(energy)
seconds = time.perf_counter() - start
cpu_seconds = time.process_time() - cpu_start

finite = np.isfinite(level) & np.isfinite(ours)
both = int(np.sum(finite))
diff = float(np.max(np.abs(level[finite] - ours[finite]))) if both else 0.0
disagree_reach = int(np.sum(np.isfinite(level) != np.isfinite(ours)))
print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds, "dwellings": len(xs), "turbines": len(turbines), "reached": int(np.sum(np.isfinite(level))),
                  "maxAbsDifferenceDb": diff, "reachDisagreements": disagree_reach}))
