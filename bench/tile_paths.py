"""Tile paths the load benchmarks share (bench/load.sh, bench/tiles-before-after.sh)."""
import math


def tile(lon, lat, z):
    """The Web Mercator tile (x, y) at zoom z that holds lon, lat."""
    n = 2 ** z
    return int((lon + 180) / 360 * n), int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)


def mixed_tiles():
    """z10 plants, boundaries and scheme zones over Denmark (every other tile); z12 dwellings around Odense and Copenhagen."""
    tiles = []
    x0, y0 = tile(8.0, 57.7, 10)
    x1, y1 = tile(12.7, 54.6, 10)
    for layer in ("plants", "boundaries", "scheme-zones"):
        for x in range(x0, x1 + 1, 2):
            for y in range(y0, y1 + 1, 2):
                tiles.append(f"/tiles/{layer}/10/{x}/{y}.mvt")
    for lon, lat in ((10.39, 55.40), (12.57, 55.68)):
        cx, cy = tile(lon, lat, 12)
        for dx in range(-2, 3):
            for dy in range(-2, 3):
                tiles.append(f"/tiles/dwellings/12/{cx + dx}/{cy + dy}.mvt")
    return tiles
