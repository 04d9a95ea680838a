"""The NumPy baseline of bench/impact.sh: the same zoning as VeSiting's ScenarioZoner, written the straightforward NumPy way.

Reads what `bench/run impact --export DIR` wrote (dwellings.f64, <scenario>.plants.csv, <scenario>.zones.i32) and the
scenario files; zones every dwelling per scenario (dwellings sorted by x once; per covered plant, the dwellings in its
x-strip are tested as whole arrays); times it; counts the dwellings whose zone differs from VeSiting's. Prints JSON.
Usage: impact_numpy.py DIR SCENARIO_FOLDER [RUNS]
"""
import json
import os
import sys
import time

import numpy as np


def tallest(zones):
    # As TariffScenario.SearchRadiusM: bands in multiples of H reach at most that many times the tallest turbine.
    return 300.0


def zone_all(xs, ys, plants, scenario):
    order = np.argsort(xs, kind="stable")
    sx, sy = xs[order], ys[order]
    zones = scenario["zones"]
    weighted = scenario["basis"] == "capacity-weighted"
    reach = scenario["weightingRadius"] if weighted else max(max(z.get("maxDistance", 0), z.get("maxMultipleOfH", 0) * tallest(zones)) for z in zones)
    best = np.full(len(xs), len(zones), dtype=np.int32)
    score = np.zeros(len(xs))
    for px, py, mw, h in plants:
        lo, hi = np.searchsorted(sx, px - reach, "left"), np.searchsorted(sx, px + reach, "right")
        dx = px - sx[lo:hi]
        dy = py - sy[lo:hi]
        d = np.sqrt(dx * dx + dy * dy)
        near = d <= reach
        if weighted:
            part = score[lo:hi]
            m = d < reach
            part[m] += mw * (1 - d[m] / reach)
            continue
        zone_here = np.full(hi - lo, len(zones), dtype=np.int32)
        for k in range(len(zones) - 1, -1, -1):
            z = zones[k]
            ok = near.copy()
            if "maxDistance" in z:
                ok &= d <= z["maxDistance"]
            if "maxMultipleOfH" in z:
                ok &= (not np.isnan(h)) & (d <= z["maxMultipleOfH"] * (0 if np.isnan(h) else h))
            zone_here[ok] = k
        np.minimum(best[lo:hi], zone_here, out=best[lo:hi])
    if weighted:
        best[:] = len(zones)
        for k in range(len(zones) - 1, -1, -1):
            best[score >= zones[k]["minScore"]] = k
    out = np.empty(len(xs), dtype=np.int32)
    out[order] = np.where(best == len(zones), -1, best)
    return out


def main():
    folder, scenarios_folder = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    xy = np.fromfile(os.path.join(folder, "dwellings.f64"), dtype="<f8").reshape(-1, 2)
    xs, ys = xy[:, 0].copy(), xy[:, 1].copy()
    results = []
    for name in sorted(os.listdir(scenarios_folder)):
        scenario = json.load(open(os.path.join(scenarios_folder, name)))
        plants_file = os.path.join(folder, f"{scenario['id']}.plants.csv")
        if not os.path.exists(plants_file):
            continue
        plants = np.loadtxt(plants_file, delimiter=",", skiprows=1, ndmin=2)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            zones = zone_all(xs, ys, plants, scenario)
            times.append(time.perf_counter() - start)
        theirs = np.fromfile(os.path.join(folder, f"{scenario['id']}.zones.i32"), dtype="<i4")
        counts = {("outside" if k < 0 else scenario["zones"][k]["id"]): int((zones == k).sum()) for k in [*range(len(scenario["zones"])), -1]}
        results.append({"scenario": scenario["id"], "medianSeconds": float(np.median(times)), "runs": times,
                        "differ": int((zones != theirs).sum()), "zones": counts})
    print(json.dumps({"dwellings": len(xs), "numpy": np.__version__, "scenarios": results}, indent=2))


if __name__ == "__main__":
    main()
