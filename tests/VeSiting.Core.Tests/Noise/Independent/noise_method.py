#!/usr/bin/python3
"""Independent computation of the noise order's method (BEK 135/2019 annex 1) for the cases in NoiseMethodTests.

Written from the formula in ../shared/docs/dk-ve-rules.md, not from the C# code: per octave band
L = Lw_band - 10 lg(l^2 + h^2) - 11 + 1.5 - alpha * sqrt(l^2 + h^2) / 1000, energy sums over bands and turbines;
low frequency per 1/3 octave with its own ground term, alpha and the facade insulation subtracted.
Run: /usr/bin/python3 tests/VeSiting.Core.Tests/Noise/Independent/noise_method.py
"""
import math

ALPHA = [0.1, 0.4, 1.0, 1.9, 3.7, 9.7, 32.8, 117.0]
LF_ALPHA = [0, 0, 0, 0, .02, .03, .05, .07, .11, .17, .26, .38, .55]
LF_GROUND = [6.0, 6.0, 5.8, 5.6, 5.4, 5.2, 5.0, 4.7, 4.3, 3.7, 3.0, 1.8, 0.0]
LF_DWELLING = [4.9, 5.9, 4.6, 6.6, 8.4, 10.8, 11.4, 13.0, 16.6, 19.7, 21.2, 20.2, 21.2]
SPECTRUM = [86.0, 93.0, 97.0, 98.5, 98.0, 95.0, 89.0, 80.0]
LF_SPECTRUM = [40.0, 48.0, 55.0, 61.0, 66.0, 70.0, 73.0, 76.0, 78.0, 80.0, 82.0, 83.0, 84.0]


def esum(levels):
    return 10 * math.log10(sum(10 ** (x / 10) for x in levels))


def bands(lw, l, h, alpha=ALPHA, ground=1.5):
    d2 = l * l + h * h
    d = math.sqrt(d2)
    return [b - 10 * math.log10(d2) - 11 + ground - a * d / 1000 for b, a in zip(lw, alpha)]


def level(lw, l, h, alpha=ALPHA):
    return esum(bands(lw, l, h, alpha))


def shifted(spectrum, total):
    s = esum(spectrum)
    return [b - s + total for b in spectrum]


def distance_to(lw, h, target):
    lo, hi = 0.0, 100000.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if level(lw, mid, h) > target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def lf_indoor(lw, l, h):
    d2 = l * l + h * h
    d = math.sqrt(d2)
    return esum([b - 10 * math.log10(d2) - 11 + g - a * d / 1000 - s for b, g, a, s in zip(lw, LF_GROUND, LF_ALPHA, LF_DWELLING)])


if __name__ == "__main__":
    print("1. per band, h 100, l 600:", [round(x, 4) for x in bands(SPECTRUM, 600, 100)])
    print("   total:", round(level(SPECTRUM, 600, 100), 4), "spectrum total", round(esum(SPECTRUM), 4))
    lw104 = shifted(SPECTRUM, 104.0)
    singles = [level(lw104, l, 100) for l in (500, 700, 900)]
    print("2. three turbines (L_WA 104.0, this shape) at l 500/700/900, h 100:", [round(x, 4) for x in singles], "sum", round(esum(singles), 4))
    print("3. distance to 44 / 39 dB(A) (L_WA 104.0, h 100):", round(distance_to(lw104, 100, 44), 2), round(distance_to(lw104, 100, 39), 2))
    print("   cut-off (L_WA8 104.0, L_WA6 102.0: 8 m/s to 39-15 = 24, 6 m/s to 37-15 = 22 i.e. 8 m/s to 24):",
          round(distance_to(lw104, 100, 24), 2))
    zero = [0.0] * 8
    print("4. alpha 0, slant 500 -> 1000:", round(level(lw104, math.sqrt(500**2 - 100**2), 100, zero) - level(lw104, math.sqrt(1000**2 - 100**2), 100, zero), 4))
    print("6. LF indoor (dwelling), h 100, l 600:", round(lf_indoor(LF_SPECTRUM, 600, 100), 4), "LF spectrum total", round(esum(LF_SPECTRUM), 4))
    # Noise bands (NoiseBandMapTests): a band is over its limit where the level rounded to 0.1 exceeds it, i.e. from 44.05.
    print("bands. one turbine (L_WA 104.0, h 100) reaches 44.05 at l =", round(distance_to(lw104, 100, 44.05), 2),
          "and 39.05 at l =", round(distance_to(lw104, 100, 39.05), 2))
    pair = lambda y: esum([level(lw104, math.hypot(300, y), 100)] * 2)
    lo, hi = 0.0, 2000.0
    for _ in range(100):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if pair(mid) > 44.05 else (lo, mid)
    print("       two such turbines at x = ±300: each", round(level(lw104, 300, 100), 4), "at the origin, together", round(pair(0), 4),
          "; the 44.05 contour crosses the y axis at ±", round(lo, 2))
