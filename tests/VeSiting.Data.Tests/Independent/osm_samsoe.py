#!/usr/bin/python3
"""Independent figures for the Samsø OpenStreetMap extract, read with the Python standard
library (zipfile + xml.etree) and pyproj, sharing no code with the C# importer. The expected
figures of the Samsø tests (OsmSamsoeTests, SamsoeOnPostGisTests, SamsoeApiTests) come from:

    /usr/bin/python3 tests/VeSiting.Data.Tests/Independent/osm_samsoe.py \
        ../shared/geodata/osm/samsoe-2020-03-09.osm.zip ../shared/geodata/boundaries/kommuner.geojson \
        ../shared/geodata/wind/ens-stamdataregister-vindkraft-2022-01.xlsx

Addresses: elements with addr:housenumber and addr:street (or addr:place), once per
osak:identifier. In the extract all of them are nodes, so a position is the node's.
Municipality 0741: the address point inside the DAGI polygon, both in EPSG:25832 (ray casting).
Repowering (every address of the extract, wherever the boundary runs): three turbines of hub 95 m and rotor 110 m, H = 95 + 110/2 = 150 m; rings at
4, 6 and 8 x H (the minimum-distance rule's multiples: 600, 900, 1,200 m); a home is counted
once, at its nearest turbine.
Existing turbines: the five 1 MW turbines at Brundby (GSRN 570715000000021756 … 21794, one project), position,
hub height and rotor diameter from the ENS register (read by ens_register_counts.sheets); homes within 4, 6
and 8 x H of the nearest of them.
Homes: an address point within the data-reading rule set's turbineOwnAddressRadius
(geodata/rules/data-reading/2009.json) of an existing turbine is that turbine's own address, not a home, and is left
out of the ring counts. Existing turbines: every register turbine with coordinates (operating and decommissioned
sheets), and the extract's wind generators whose dk:esid is not in the register (they are loaded from OSM).
"""
import json
import math
import sys
import zipfile
import xml.etree.ElementTree as ET

from pyproj import Transformer

from ens_register_counts import sheets

TO_UTM = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)

# The planned layout of the repowering test: (longitude, latitude) of the three 4.2 MW turbines,
# one at the middle turbine of each group of the eleven 1 MW turbines.
BRUNDBY = ["570715000000021756", "570715000000021763", "570715000000021770", "570715000000021787", "570715000000021794"]
PLANNED = [(10.6159461, 55.8015249), (10.5374794, 55.8433245), (10.5789908, 55.7978324)]
H = 95 + 110 / 2
RULES = __file__.rsplit("/tests/", 1)[0] + "/geodata/rules/data-reading/2009.json"


def elements(path):
    with zipfile.ZipFile(path) as z:
        name = [n for n in z.namelist() if n.endswith(".osm")][0]
        root = ET.fromstring(z.read(name))
    for e in root:
        if e.tag in ("node", "way", "relation"):
            yield e, {t.get("k"): t.get("v") for t in e.findall("tag")}


def inside(x, y, ring):
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def municipality_rings(path, code):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    for feature in doc["features"]:
        if feature["properties"].get("kode") != code:
            continue
        g = feature["geometry"]
        polygons = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        for polygon in polygons:
            yield [[TO_UTM.transform(lon, lat) for lon, lat in ring] for ring in polygon]


def codes(path):
    with open(path, encoding="utf-8") as f:
        return [feature["properties"]["kode"] for feature in json.load(f)["features"]]


def edge_distance(p, polygons):
    best = math.inf
    for rings in polygons:
        for ring in rings:
            for a, b in zip(ring, ring[1:] + ring[:1]):
                dx, dy = b[0] - a[0], b[1] - a[1]
                t = 0 if dx == dy == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
                best = min(best, math.dist(p, (a[0] + t * dx, a[1] + t * dy)))
    return best


def in_polygons(x, y, polygons):
    for rings in polygons:
        if inside(x, y, rings[0]) and not any(inside(x, y, hole) for hole in rings[1:]):
            return True
    return False


_existing = None


def own_address(p, osm_turbines, register_path):
    """Whether the address point lies within turbineOwnAddressRadius of an existing turbine."""
    global _existing
    if _existing is None:
        rules = json.load(open(RULES, encoding="utf-8"))
        radius = rules["values"]["turbineOwnAddressRadius"]["value"]
        positions, gsrns = [], set()
        for name, rows in sheets(register_path):
            headers = [i for i, r in enumerate(rows[:40]) if any("koordinat" in str(v).lower() for v in r.values())]
            if not headers:
                continue
            for r in rows[max(headers) + 1:]:
                gsrn = str(r.get(0, "")).strip()
                try:
                    e, n = float(r[12]), float(r[13])
                except (KeyError, ValueError):
                    continue
                gsrns.add(gsrn)
                positions.append((e, n))
        positions += [xy for _, esid, xy in osm_turbines if not esid or esid not in gsrns]
        _existing = (radius, positions)
    radius, positions = _existing
    return any(abs(p[0] - x) <= radius and abs(p[1] - y) <= radius and math.dist(p, (x, y)) <= radius for x, y in positions)


def main(osm_zip, kommuner, register_path):
    addresses, ids, turbines, nodes_with_address = [], set(), [], 0
    node_ids, closed_building_ways, building_relations = set(), 0, 0
    for e, tags in elements(osm_zip):
        if e.tag == "node":
            node_ids.add(e.get("id"))
        refs = [nd.get("ref") for nd in e.findall("nd")]
        if e.tag == "way" and tags.get("building", "no") != "no" and len(refs) >= 4 and refs[0] == refs[-1] and all(r in node_ids for r in refs):
            closed_building_ways += 1
        if e.tag == "relation" and tags.get("type") == "multipolygon" and tags.get("building", "no") != "no":
            building_relations += 1
        if "addr:housenumber" in tags and ("addr:street" in tags or "addr:place" in tags):
            key = tags.get("osak:identifier") or f"{e.tag}/{e.get('id')}"
            if key in ids:
                continue
            ids.add(key)
            if e.tag == "node":
                nodes_with_address += 1
                addresses.append(TO_UTM.transform(float(e.get("lon")), float(e.get("lat"))))
        if tags.get("power") == "generator" and tags.get("generator:source") == "wind":
            turbines.append((e.get("id"), tags.get("dk:esid"), TO_UTM.transform(float(e.get("lon")), float(e.get("lat")))))
    print("addresses", len(ids), "of them nodes", nodes_with_address)
    polygons = list(municipality_rings(kommuner, "0741"))
    in_0741 = [p for p in addresses if in_polygons(p[0], p[1], polygons)]
    print("addresses inside 0741", len(in_0741))
    every = [list(municipality_rings(kommuner, code)) for code in codes(kommuner)]
    outside = [p for p in addresses if not any(in_polygons(p[0], p[1], m) for m in every)]
    print("addresses outside every municipality", len(outside), "farthest from one (m)",
          round(max(min(edge_distance(p, m) for m in every) for p in outside), 1) if outside else 0)
    print("building footprints: closed building ways", closed_building_ways, "building multipolygons", building_relations)
    print("wind generators", len(turbines), "with dk:esid", sum(1 for t in turbines if t[1]))
    for node, esid, (x, y) in turbines:
        print(" ", node, esid or "-", f"{x:.2f} {y:.2f}")
    homes = [p for p in addresses if not own_address(p, turbines, register_path)]
    print("addresses that are a turbine's own", len(addresses) - len(homes))
    addresses = homes
    planned = [TO_UTM.transform(lon, lat) for lon, lat in PLANNED]
    print("planned", " ".join(f"({x:.2f} {y:.2f})" for x, y in planned), "H", H)
    nearest = [min(math.dist(p, q) for q in planned) for p in addresses]
    for multiple in (4, 6, 8):
        print(f"homes within {multiple} x H = {multiple * H:.0f} m of the planned turbines", sum(1 for d in nearest if d <= multiple * H))
    register = {}  # GSRN -> (E, N, H)
    for name, rows in sheets(register_path):
        header = max(i for i, r in enumerate(rows[:40]) if any("koordinat" in str(v).lower() for v in r.values()))
        for r in rows[header + 1:]:
            if r.get(0, "").strip() in BRUNDBY:
                register[r[0].strip()] = (float(r[12]), float(r[13]), float(r[4]) + float(r[3]) / 2)
        break
    print("Brundby turbines (E, N, H):", [register[g] for g in BRUNDBY])
    for multiple in (4, 6, 8):
        within = sum(1 for p in addresses if any(math.dist(p, (x, y)) <= multiple * h for x, y, h in register.values()))
        print(f"homes within {multiple} x H of the Brundby turbines", within)


if __name__ == "__main__":
    osm_zip, kommuner, register_path = sys.argv[1:4]
    main(osm_zip, kommuner, register_path)
