#!/usr/bin/python3
"""Independent figure for SiteNoiseApiTests: Samsø's BONUS 1000 kW turbine 570715000000021725 (register: E 598986.32, N 6184709.40,
hub 50 m, rotor 54 m), estimated sound power (noise-estimates rule set: 91.69 + 6.83 lg D at 8 m/s, 75.17 + 14.23 lg D at 6 m/s)
with the default octave shape, heard 400 m west of it; BEK 135/2019 annex 1 per octave band."""
import math

alpha = [0.1, 0.4, 1.0, 1.9, 3.7, 9.7, 32.8, 117.0]
shape = [-13.6, -8.5, -6.0, -5.6, -7.4, -11.2, -16.4, -23.5]
total = 10 * math.log10(sum(10 ** (s / 10) for s in shape))
lwa8 = 91.69 + 6.83 * math.log10(54)
lwa6 = 75.17 + 14.23 * math.log10(54)


def level(lwa, l, h):
    d2 = l * l + h * h
    d = math.sqrt(d2)
    return 10 * math.log10(sum(10 ** ((lwa + s - total - 10 * math.log10(d2) - 11 + 1.5 - a * d / 1000) / 10) for s, a in zip(shape, alpha)))


print(f"L_WA {lwa8:.3f} / {lwa6:.3f}; at 400 m: {level(lwa8, 400, 50):.3f} dB(A) at 8 m/s, {level(lwa6, 400, 50):.3f} at 6 m/s")
