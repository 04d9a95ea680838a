#!/usr/bin/python3
"""Fits the sound power estimate VeSiting uses when a turbine has no data sheet.

Input: windwhisper's compiled table of L_WA by model and wind speed (10 m reference height),
../shared/geodata/noise/windwhisper-noise-wind-turbines.csv (a secondary source: see its SOURCES.md row).
Output: least-squares fits  L_WA(v) = a + b * log10(x)  for v = 6 and 8 m/s and x = rotor diameter [m]
or rated capacity [kW], one point per model (rows of the same model at several hub heights are
averaged, so a model with many hub heights does not weigh more), the residual standard deviation
(the estimate's spread), and the default octave shape (see default_octave_shape).

Usage: python3 scripts/noise/fit_lwa.py [CSV]   (prints JSON; its numbers go into
geodata/rules/noise-estimates/*.json by hand, and docs/noise.md quotes this script's output).
"""
import csv
import json
import math
import sys
from collections import defaultdict

import numpy as np

DEFAULT_CSV = "../shared/geodata/noise/windwhisper-noise-wind-turbines.csv"
COLUMN = {6: 8, 8: 10}  # 'Noise @ 6m/s [dB]' and 'Noise @ 8m/s [dB]' (0-based, the first header row)


def number(text):
    text = (text or "").replace("\xa0", "").replace(" ", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def models(path):
    """{(name): (diameter, kW, {6: [..], 8: [..]})} over rows with values."""
    by_model = defaultdict(lambda: {"d": None, "kw": None, 6: [], 8: []})
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    assert header[COLUMN[6]].startswith("Noise @ 6m/s") and header[COLUMN[8]].startswith("Noise @ 8m/s"), header
    for row in rows[3:]:
        if len(row) <= COLUMN[8]:
            continue
        d, kw = number(row[3]), number(row[1])
        l6, l8 = number(row[COLUMN[6]]), number(row[COLUMN[8]])
        if d is None or d <= 0 or l6 is None or l8 is None:
            continue
        m = by_model[row[0].strip()]
        m["d"], m["kw"] = d, kw
        m[6].append(l6)
        m[8].append(l8)
    return {k: v for k, v in by_model.items() if v[6]}


def energy_mean(levels):
    return 10 * math.log10(sum(10 ** (l / 10) for l in levels) / len(levels))


def fit(x, y):
    a_matrix = np.vstack([np.ones_like(x), np.log10(x)]).T
    (a, b), *_ = np.linalg.lstsq(a_matrix, y, rcond=None)
    residuals = y - (a + b * np.log10(x))
    return {
        "intercept": round(float(a), 2),
        "slopePerLog10": round(float(b), 2),
        "residualSd": round(float(np.std(residuals, ddof=2)), 2),
        "residualP95Abs": round(float(np.percentile(np.abs(residuals), 95)), 2),
        "n": int(len(x)),
        "xRange": [round(float(x.min()), 1), round(float(x.max()), 1)],
    }


def default_octave_shape():
    """Relative A-weighted octave levels (dB re the total L_WA) 63 Hz-8 kHz: an unweighted spectrum falling
    5 dB per octave from 63 Hz (broadband aerodynamic noise), A-weighted (IEC 61672-1 octave values), normalised
    so that the bands sum (as energies) to 0 dB. An assumption, not a measured spectrum."""
    a_weighting = [-26.2, -16.1, -8.6, -3.2, 0.0, 1.2, 1.0, -1.1]
    raw = [-5.0 * i + a for i, a in enumerate(a_weighting)]
    total = 10 * math.log10(sum(10 ** (r / 10) for r in raw))
    return [round(r - total, 1) for r in raw]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CSV
    m = models(path)
    result = {"source": path, "models": len(m)}
    d = np.array([v["d"] for v in m.values()])
    for speed in (6, 8):
        y = np.array([energy_mean(v[speed]) for v in m.values()])
        result[f"byRotorDiameter{speed}ms"] = fit(d, y)
        with_kw = [(v["kw"], energy_mean(v[speed])) for v in m.values() if v["kw"] and v["kw"] > 0]
        result[f"byCapacity{speed}ms"] = fit(np.array([p[0] for p in with_kw]), np.array([p[1] for p in with_kw]))
    result["defaultOctaveShape"] = default_octave_shape()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
