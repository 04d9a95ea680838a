#!/usr/bin/python3
"""Independent figures for HomeNoiseCases: BEK 135/2019 annex 1 per octave band, written from the formula, not from VeSiting's code.

One turbine (hub 80 m) with an octave spectrum whose energy is all but entirely in the 500 Hz band (100.0 dB(A); the other seven
bands 40.0 dB(A)), scaled to L_WA 107.0 dB(A) at 8 m/s and 105.0 at 6 m/s; dwellings 600 m east and 600 m west of it.
L_pA,band = L_WA,band - 10 lg(l^2 + h^2) - 11 + 1.5 - alpha_band * sqrt(l^2 + h^2) / 1000.
"""
import math

alpha = [0.1, 0.4, 1.0, 1.9, 3.7, 9.7, 32.8, 117.0]
shape = [40.0, 40.0, 40.0, 100.0, 40.0, 40.0, 40.0, 40.0]
total = 10 * math.log10(sum(10 ** (s / 10) for s in shape))


def level(lwa, l, h):
    d2 = l * l + h * h
    d = math.sqrt(d2)
    bands = [lwa + s - total - 10 * math.log10(d2) - 11 + 1.5 - a * d / 1000 for s, a in zip(shape, alpha)]
    return 10 * math.log10(sum(10 ** (b / 10) for b in bands))


for speed, lwa in ((8, 107.0), (6, 105.0)):
    print(f"{speed} m/s: {level(lwa, 600, 80):.4f} dB(A)")
