#!/usr/bin/python3
"""Independent figures for ProjectNoiseCases: the noise at h1 and h2 of ParkData from a planned turbine and the parks.

Written from the method in ../shared/docs/dk-ve-rules.md and the numbers of geodata/rules/noise*/ (not from the C# code):
per octave L = Lw_band - 10 lg(l^2+h^2) - 11 + 1.5 - alpha*d/1000; existing turbines' L_WA estimated as
a + b lg(rotor diameter) with the default octave shape (normalised to a 0 dB sum); a turbine counts at a dwelling when its
own level there exceeds the lowest limit less the 15 dB margin (39-15 at 8 m/s or 37-15 at 6 m/s).
Run: /usr/bin/python3 tests/VeSiting.Stores.Tests/Projects/park_noise.py
"""
import math

ALPHA = [0.1, 0.4, 1.0, 1.9, 3.7, 9.7, 32.8, 117.0]
SHAPE = [-13.6, -8.5, -6.0, -5.6, -7.4, -11.2, -16.4, -23.5]
SPECTRUM = [86.0, 93.0, 97.0, 98.5, 98.0, 95.0, 89.0, 80.0]


def esum(levels):
    return 10 * math.log10(sum(10 ** (x / 10) for x in levels))


def shifted(shape, total):
    s = esum(shape)
    return [b - s + total for b in shape]


def level(bands, l, h):
    d2 = l * l + h * h
    d = math.sqrt(d2)
    return esum([b - 10 * math.log10(d2) - 11 + 1.5 - a * d / 1000 for b, a in zip(bands, ALPHA)])


def turbine(e, n, hub, lwa6, lwa8, shape):
    return dict(e=e, n=n, hub=hub, b8=shifted(shape, lwa8), b6=shifted(shape, lwa6))


def estimated(e, n, hub, rotor):
    lg = math.log10(rotor)
    return turbine(e, n, hub, 75.17 + 14.23 * lg, 91.69 + 6.83 * lg, SHAPE)


park_p = [estimated(600000 + 400 * i, 6200000, 91.5, 117) for i in range(8)]
park_q = [estimated(601600 + 300 * i, 6201500, 80, 90) for i in range(2)]
planned = [turbine(601500, 6201200, 100, 102.0, 104.0, SPECTRUM)]

for name, (e, n) in {"h1": (601500, 6200700), "h2": (601900, 6200900)}.items():
    total8, total6, proj8, proj6, count = [], [], [], [], 0
    for t in planned + park_p + park_q:
        l = math.hypot(e - t["e"], n - t["n"])
        l8, l6 = level(t["b8"], l, t["hub"]), level(t["b6"], l, t["hub"])
        if l8 <= 39 - 15 and l6 <= 37 - 15:
            continue
        count += 1
        total8.append(l8)
        total6.append(l6)
        if t in planned:
            proj8.append(l8)
            proj6.append(l6)
    print(name, "turbines", count, "8 m/s", round(esum(total8), 1), "6 m/s", round(esum(total6), 1),
          "project 8", round(esum(proj8), 1), "project 6", round(esum(proj6), 1),
          "(unrounded", round(esum(total8), 4), round(esum(total6), 4), ")")
