#!/usr/bin/env bash
# 256 px PNG tiles: VeSiting vs. MapServer 8, measured in the same run on the same z10 tiles, on loopback only.
#  - Tiles: the 50 z10 tiles with an operating or planned wind turbine that bench/tiles-postgis.sh renders (seed 42;
#    the z14 sample is drawn first exactly as there, so that the generator is in the same state for the z10 one).
#  - Layers: `plants` (circles by kind and capacity) and `boundaries` (regions and municipalities, outlined).
#  - MapServer 8.0 (Debian's cgi-mapserver, installed when missing) reads the same data from PostGIS
#    (CONNECTIONTYPE POSTGIS) and is run as CGI, one `mapserv` process per request (WMS 1.3.0 GetMap, EPSG:3857, the
#    tile's BBOX, 256 × 256, image/png), timed from before the process is started until its output is read; and
#    `map2img` on the same mapfile, also one process per tile (render and encode without the CGI/WMS layer).
#  - VeSiting: the API on its embedded engine with the tile cache off (VeSiting__TileCacheMegabytes=0), Release build,
#    `/tiles/{layer}/10/{x}/{y}.png` on one keep-alive connection, after a warm-up on the tiles' z11 children.
#  The three are alternated tile by tile and layer by layer, so they see the same machine.
# Connection: $VESITING_BENCH_DB (an Npgsql connection string, database already imported by bench/tiles-postgis.sh);
# the password reaches libpq (psql, mapserv) by environment only, never the mapfile or the process list.
# Writes the "## PNG tiles vs. MapServer 8" section of bench/RESULTS.md (other sections are kept). Sample PNGs of
# the first tile are kept in $BENCH_SAMPLES (default: a new directory under /tmp).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
db="${VESITING_BENCH_DB:?set VESITING_BENCH_DB to the Npgsql connection string of the benchmark database}"
port="${PORT:-5112}"
url="http://127.0.0.1:$port"
work="$(mktemp -d)"
samples="${BENCH_SAMPLES:-$(mktemp -d /tmp/png-mapserver-samples.XXXXXX)}"
mkdir -p "$samples"
source "$root/bench/lib.sh"
trap 'stop_apis; rm -rf "$work"' EXIT

if ! command -v mapserv >/dev/null || ! command -v map2img >/dev/null; then
  echo "installing cgi-mapserver and mapserver-bin…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y cgi-mapserver mapserver-bin >/dev/null
fi
for tool in psql curl mapserv map2img; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

pg_env_from_npgsql "$db"

echo "building…" >&2
dotnet build "$root/src/VeSiting.Api/VeSiting.Api.csproj" -c Release --nologo -v quiet >/dev/null

# The same tiles as bench/tiles-postgis.sh's PNG section.
draw_turbine_tiles "${BENCH_TILES:-200}"

# The mapfile: map in EPSG:3857, data in EPSG:25832 reprojected by MapServer (PROJ), styles after the tile sources (src/VeSiting.Api/Tiles/Sources) and
# PngRenderer.cs: plants in their kind's colour, radius clamp(2 + 1.5 √MW, 2, 12) px (3 px without a capacity),
# anti-aliased; region outlines 2 px #5b6770, municipality outlines 1.2 px #9aa5ad, no fill; transparent background.
# CONNECTION names only the database: host, port, user and password come from PGHOST, PGPORT, PGUSER, PGPASSWORD.
cat > "$work/bench.map" <<EOF
MAP
  NAME "vesiting-bench"
  SIZE 256 256
  EXTENT -20037508.34 -20037508.34 20037508.34 20037508.34
  UNITS METERS
  IMAGETYPE "png"
  OUTPUTFORMAT
    NAME "png"
    DRIVER AGG/PNG
    MIMETYPE "image/png"
    IMAGEMODE RGBA
    EXTENSION "png"
    TRANSPARENT ON
  END
  PROJECTION "init=epsg:3857" END
  WEB
    METADATA
      "wms_title" "vesiting-bench"
      "wms_enable_request" "*"
      "wms_srs" "EPSG:3857"
    END
  END
  SYMBOL
    NAME "circle"
    TYPE ELLIPSE
    FILLED TRUE
    POINTS 1 1 END
  END
  LAYER
    NAME "plants"
    TYPE POINT
    STATUS OFF
    CONNECTIONTYPE POSTGIS
    CONNECTION "dbname=$PGDATABASE"
    DATA "geom FROM (SELECT pk, kind, CASE WHEN capacity_kw IS NULL THEN 6 ELSE 2 * least(12, greatest(2, 2 + sqrt(capacity_kw / 1000) * 1.5)) END AS diameter, geom FROM plants WHERE status IN ('Operating', 'Planned')) AS p USING UNIQUE pk USING SRID=25832"
    PROJECTION "init=epsg:25832" END
    CLASSITEM "kind"
    CLASS EXPRESSION "WindTurbine" STYLE SYMBOL "circle" SIZE [diameter] COLOR "#1f77b4" END END
    CLASS EXPRESSION "WindFarm"    STYLE SYMBOL "circle" SIZE [diameter] COLOR "#17becf" END END
    CLASS EXPRESSION "SolarPark"   STYLE SYMBOL "circle" SIZE [diameter] COLOR "#f2a900" END END
    CLASS                          STYLE SYMBOL "circle" SIZE [diameter] COLOR "#7f7f7f" END END
  END
  LAYER
    NAME "regions"
    GROUP "boundaries"
    TYPE POLYGON
    STATUS OFF
    CONNECTIONTYPE POSTGIS
    CONNECTION "dbname=$PGDATABASE"
    DATA "geom FROM (SELECT code, geom FROM admin_areas WHERE kind = 'Region') AS r USING UNIQUE code USING SRID=25832"
    PROJECTION "init=epsg:25832" END
    CLASS STYLE OUTLINECOLOR "#5b6770" WIDTH 2 END END
  END
  LAYER
    NAME "municipalities"
    GROUP "boundaries"
    TYPE POLYGON
    STATUS OFF
    CONNECTIONTYPE POSTGIS
    CONNECTION "dbname=$PGDATABASE"
    DATA "geom FROM (SELECT code, geom FROM admin_areas WHERE kind = 'Municipality') AS m USING UNIQUE code USING SRID=25832"
    PROJECTION "init=epsg:25832" END
    CLASS STYLE OUTLINECOLOR "#9aa5ad" WIDTH 1.2 END END
  END
END
EOF
# MapServer 8 needs a config file; it names the one mapfile, so requests carry no MAP parameter.
cat > "$work/mapserver.conf" <<EOF
CONFIG
  ENV
    MS_MAPFILE "$work/bench.map"
  END
END
EOF
export MAPSERVER_CONFIG_FILE="$work/mapserver.conf"

# VeSiting on the embedded engine, cache off (as bench/tiles-postgis.sh starts it).
start_api "$url" "$work/server.log" VESITING_DB= VeSiting__TileCacheMegabytes=0

python3 - "$url" "$work" "$samples" <<'PY'
import http.client, json, os, struct, subprocess, sys, time, urllib.parse
base, work, samples = sys.argv[1:]
u = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(u.hostname, u.port)
mapfile = f"{work}/bench.map"
C = 20037508.342789244

def bbox(z, x, y):
    s = 2 * C / 2 ** z
    return (-C + x * s, C - (y + 1) * s, -C + (x + 1) * s, C - y * s)

def png_size(body, what):
    if len(body) < 24 or body[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{what}: not a PNG ({len(body)} bytes): {body[:200]!r}")
    return struct.unpack(">II", body[16:24])

def vesiting(layer, z, x, y):
    start = time.perf_counter()
    conn.request("GET", f"/tiles/{layer}/{z}/{x}/{y}.png")
    r = conn.getresponse()
    body = r.read()
    elapsed = (time.perf_counter() - start) * 1000
    if r.status != 200:
        raise SystemExit(f"VeSiting {layer}/{z}/{x}/{y}: HTTP {r.status}")
    png_size(body, f"VeSiting {layer}/{z}/{x}/{y}")
    return elapsed, body

def mapserv(layer, z, x, y):
    query = ("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer + "&STYLES=&CRS=EPSG:3857&BBOX="
             + ",".join(f"{v:.6f}" for v in bbox(z, x, y)) + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE")
    env = dict(os.environ, REQUEST_METHOD="GET", QUERY_STRING=query)
    start = time.perf_counter()
    out = subprocess.run(["mapserv"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout
    elapsed = (time.perf_counter() - start) * 1000
    head, sep, body = out.partition(b"\r\n\r\n")
    if not sep or b"image/png" not in head:
        raise SystemExit(f"mapserv {layer}/{z}/{x}/{y}: {out[:400]!r}")
    png_size(body, f"mapserv {layer}/{z}/{x}/{y}")
    return elapsed, body

def map2img(layer, z, x, y):
    out_path = f"{work}/map2img.png"
    if os.path.exists(out_path):
        os.remove(out_path)
    args = ["map2img", "-m", mapfile, "-l", layer, "-s", "256", "256", "-o", out_path, "-e", *(f"{v:.6f}" for v in bbox(z, x, y))]
    start = time.perf_counter()
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = (time.perf_counter() - start) * 1000
    if p.returncode != 0 or not os.path.exists(out_path):
        raise SystemExit(f"map2img {layer}/{z}/{x}/{y}: {p.returncode} {p.stderr[:400]!r}")
    body = open(out_path, "rb").read()
    png_size(body, f"map2img {layer}/{z}/{x}/{y}")
    return elapsed, body

engines = {"MapServer 8 CGI (mapserv)": mapserv, "MapServer 8 map2img": map2img, "VeSiting (embedded)": vesiting}
layers = ["plants", "boundaries"]
tiles = [tuple(map(int, line.split())) for line in open(f"{work}/png.txt")]
# Warm-up for all three on other tiles (the z11 children of the measured ones): JIT for VeSiting; file and PostgreSQL
# caches for MapServer.
for x, y in tiles:
    for layer in layers:
        for run in engines.values():
            run(layer, 11, 2 * x + 1, 2 * y)
times = {e: {l: [] for l in layers} for e in engines}
sizes = {e: {l: [] for l in layers} for e in engines}
for i, (x, y) in enumerate(tiles):
    for layer in layers:
        for engine, run in engines.items():
            elapsed, body = run(layer, 10, x, y)
            times[engine][layer].append(elapsed)
            sizes[engine][layer].append(len(body))
            if i == 0:
                tag = {"MapServer 8 CGI (mapserv)": "mapserv", "MapServer 8 map2img": "map2img", "VeSiting (embedded)": "vesiting"}[engine]
                name = f"{samples}/{tag}-{layer}-10-{x}-{y}.png"
                open(name, "wb").write(body)
                w, h = png_size(body, name)
                print(f"sample {name}: {w} × {h} px, {len(body)} bytes", file=sys.stderr)
# Where a MapServer request's time goes: the same processes with (almost) nothing to do, 50 runs each, alternated.
def run_ms(args):
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000
floors = {"`mapserv -v` (process start: loading MapServer and its libraries, nothing read)": [],
          "`map2img -l plants` on a 1 km extent in the Gulf of Guinea (start, mapfile, PostgreSQL connection, PROJ set-up, query; nothing drawn)": []}
for _ in range(50):
    floors[next(iter(floors))].append(run_ms(["mapserv", "-v"]))
    floors[list(floors)[1]].append(run_ms(["map2img", "-m", mapfile, "-l", "plants", "-s", "256", "256", "-o", f"{work}/empty.png", "-e", "0", "0", "1000", "1000"]))
json.dump({"times": times, "sizes": sizes, "sample": list(tiles[0]), "floors": floors}, open(f"{work}/png.json", "w"))
PY

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$root/bench/RESULTS.md" "$work" "$(nproc)" "$load_before" "$load_after" "$samples" \
  "$(mapserv -v | head -1 | cut -d' ' -f1-3)" "$(PGOPTIONS= psql -X -A -t -c 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')" <<'PY'
import json, math, os, re, sys, datetime
path, work, cores, load_before, load_after, samples, msversion, ssl = sys.argv[1:]
data = json.load(open(f"{work}/png.json"))
times, sizes = data["times"], data["sizes"]
def pct(values, p):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))]
def med(values):
    s = sorted(values); n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
rows = []
for engine, by_layer in times.items():
    for layer, v in by_layer.items():
        rows.append(f"| {engine} | {layer} | {len(v)} | {med(v):.1f} ms | {pct(v, 90):.1f} ms | {max(v):.1f} ms | {med(sizes[engine][layer]) / 1024:.1f} KiB |")
ve = times["VeSiting (embedded)"]
ratios = []
for engine in ("MapServer 8 CGI (mapserv)", "MapServer 8 map2img"):
    for layer in ve:
        ratios.append(f"{engine} / VeSiting, {layer}: **{med(times[engine][layer]) / med(ve[layer]):.1f} ×**")
x, y = data["sample"]
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
tls = "over TLS (libpq's default `sslmode=prefer`; one handshake per CGI process)" if ssl.strip() == "t" else "without TLS"
section = f"""## PNG tiles vs. MapServer 8 (bench/png-mapserver.sh)

- Date: {now} UTC; {cores} cores shared by PostgreSQL 15 + PostGIS 3.3, MapServer, the service and the client; 127.0.0.1 only. Load average (1/5/15 min) before: {load_before}; after: {load_after}.
- Command: `VESITING_BENCH_DB="Host=127.0.0.1;…;Database=vesiting_bench_tiles" bash bench/png-mapserver.sh`; {msversion} (Debian bookworm `cgi-mapserver`, AGG renderer).
- Tiles: the 50 z10 tiles with an operating or planned wind turbine that bench/tiles-postgis.sh renders (seed 42), each once per layer and engine; the engines alternate per tile and layer. Before timing, each engine renders the tiles' z11 children once per layer (JIT for VeSiting; file and PostgreSQL caches for MapServer).
- **MapServer 8 CGI**: one `mapserv` process per request, run as CGI without a web server (`REQUEST_METHOD=GET`, `QUERY_STRING` = WMS 1.3.0 GetMap, `CRS=EPSG:3857`, the tile's BBOX, 256 × 256, `image/png`, transparent); timed by the client from before the process is started (Python `subprocess`, fork/exec included) until its output (HTTP header + PNG) is read. Each process loads the mapfile, connects to PostgreSQL {tls}, queries PostGIS, reprojects from EPSG:25832 with PROJ, draws with AGG and encodes. No web server is in front, so a real CGI deployment adds the server's fork/exec and HTTP on top. **map2img**: the same mapfile rendered by `map2img -l <layer> -e <bbox> -s 256 256 -o <file>`, also one process per tile (no CGI/WMS parsing), timed the same way, file read included.
- **VeSiting**: the API (Release) on its embedded engine with `VeSiting__TileCacheMegabytes=0` (every request renders), `/tiles/{{layer}}/10/{{x}}/{{y}}.png` on one keep-alive HTTP connection, timed by the client (HTTP on loopback included).
- Every MapServer response was checked to be a non-empty PNG (`\\x89PNG` signature, `Content-Type: image/png`), as was every VeSiting response (HTTP 200). Sample PNGs of tile 10/{x}/{y}, both layers, all three engines, all 256 × 256 px: `{samples}` (not committed).

| engine | layer | tiles | p50 | p90 | max | median PNG size |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}

- Where MapServer's time goes (same run, after the tiles, 50 runs each, medians): {"; ".join(f"{k}: {med(v):.1f} ms" for k, v in data["floors"].items())}. So most of a CGI tile is starting a process and setting it up: map2img's p50 exceeds that empty render by {med(times["MapServer 8 map2img"]["plants"]) - med(list(data["floors"].values())[1]):.1f} ms for plants and {med(times["MapServer 8 map2img"]["boundaries"]) - med(list(data["floors"].values())[1]):.1f} ms for boundaries (which query two layers), a rough measure of what querying, drawing and encoding a tile costs once the process is up.
- Ratio of medians: {"; ".join(ratios)}. The issue's published figure for MapServer 8 CGI is 126–140 ms per tile; goal for VeSiting p50 ≤ 10 ms.
- Not like for like, in ways that favour each side: MapServer reads from PostGIS (a new connection per CGI process) and reprojects every vertex with PROJ; VeSiting reads its in-memory embedded engine (same source files as the imported database) and projects EPSG:25832 straight to tile pixels. MapServer draws the boundaries unsimplified, VeSiting simplifies them to the zoom's pixel size. The styles are approximations of VeSiting's (colours, circle radii and outline widths from the tile sources / PngRenderer.cs; both anti-alias), and the PNG encoders differ (AGG/libpng defaults vs. SkiaSharp with the Sub filter, level 6), hence the different sizes. The process-per-request cost is the CGI model itself: MapServer under FastCGI or as a long-running service would not pay it.
"""
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
heading = "## PNG tiles vs. MapServer 8"
pattern = re.compile(r"^" + re.escape(heading) + r".*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text, count=1) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text.rstrip() + "\n")
print(section)
PY
echo "written to $root/bench/RESULTS.md" >&2
