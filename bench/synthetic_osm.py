#!/usr/bin/python3
"""Writes a synthetic national OpenStreetMap file in OPL (osmium's text format; `osmium cat x.opl -o x.osm.pbf`
makes the PBF) of the real Denmark extract's order: every dwelling of `vesiting synth dwellings` (municipal
population / 2.13 persons per dwelling, placed inside the municipalities) becomes a 10 m square building way with
an address node at its centre, until ADDRESSES addresses are written; more buildings without addresses (sheds,
offset 25 m) bring the buildings to BUILDINGS; roads of ROAD_NODES nodes each fill the nodes up to about NODES.
Everything is labelled synthetic (streets "Syntetisk vej …", source=synthetic, ids from 1).

    bench/synthetic_osm.py dwellings.csv ADDRESSES BUILDINGS NODES > denmark-synthetic.opl
"""
import csv
import sys

import numpy as np
from pyproj import Transformer

ROAD_NODES = 15
SIDE = 10.0          # metres: the square building
SHED_OFFSET = 25.0   # metres: a building without an address beside a dwelling


def main(dwellings_csv, addresses, buildings, nodes):
    addresses, buildings, nodes = int(addresses), int(buildings), int(nodes)
    with open(dwellings_csv, newline="") as f:
        rows = [(float(r["e"]), float(r["n"])) for r in csv.DictReader(f)]
    rng = np.random.default_rng(42)
    base = np.array(rows)
    # Building centres: the dwellings (addresses first), then sheds beside drawn dwellings.
    centres = np.concatenate([base[:addresses], base[rng.integers(0, len(base), buildings - addresses)] + SHED_OFFSET])
    corner_offsets = np.array([(-1, -1), (1, -1), (1, 1), (-1, 1)]) * SIDE / 2
    corners = (centres[:, None, :] + corner_offsets[None, :, :]).reshape(-1, 2)
    building_nodes = len(corners)
    roads = max(0, (nodes - addresses - building_nodes) // ROAD_NODES)
    road_starts = base[rng.integers(0, len(base), roads)]
    steps = rng.normal(0, 60, (roads, ROAD_NODES, 2)).cumsum(axis=1)
    road_points = (road_starts[:, None, :] + steps).reshape(-1, 2)
    to_lonlat = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)
    out = sys.stdout
    write = out.write
    node_id = 0

    def emit_nodes(points, tags=None):
        nonlocal node_id
        lon, lat = to_lonlat.transform(points[:, 0], points[:, 1])
        chunk = []
        for i in range(len(points)):
            node_id += 1
            t = tags(i) if tags else ""
            chunk.append(f"n{node_id} v1 x{lon[i]:.7f} y{lat[i]:.7f} T{t}\n")
            if len(chunk) == 100_000:
                write("".join(chunk))
                chunk = []
        write("".join(chunk))
        return node_id

    first_address = node_id + 1
    emit_nodes(centres[:addresses], lambda i: f"addr:street=Syntetisk%20%vej%20%{i // 40},addr:housenumber={i % 40 + 1},addr:postcode=9999,addr:city=Syntetisk,source=synthetic")
    first_corner = node_id + 1
    emit_nodes(corners)
    first_road = node_id + 1
    emit_nodes(road_points)
    way_id = 0
    chunk = []
    for b in range(buildings):
        way_id += 1
        c = first_corner + 4 * b
        chunk.append(f"w{way_id} v1 Tbuilding=house,source=synthetic Nn{c},n{c + 1},n{c + 2},n{c + 3},n{c}\n")
        if len(chunk) == 100_000:
            write("".join(chunk))
            chunk = []
    for r in range(roads):
        way_id += 1
        first = first_road + ROAD_NODES * r
        chunk.append(f"w{way_id} v1 Thighway=residential,source=synthetic N{','.join(f'n{first + k}' for k in range(ROAD_NODES))}\n")
        if len(chunk) == 100_000:
            write("".join(chunk))
            chunk = []
    write("".join(chunk))
    print(f"synthetic: {addresses:,} address nodes (from node {first_address}), {buildings:,} buildings, {roads:,} roads; "
          f"{node_id:,} nodes, {way_id:,} ways", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:5])
