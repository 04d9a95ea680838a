# Sourced by the bench scripts: the service started in Release on loopback, libpq settings from an Npgsql connection
# string, and the tiles that hold a wind turbine. Needs $root (the repository) and $work (a scratch folder).

api_pids=()
api_prefix=()   # e.g. (nice -n -5): a command the service is started under

# start_api ADDRESS LOG [NAME=VALUE …]: the API (built in Release) with the rate limiter off and the given settings;
# waits until /health answers. The pid of the service is the last element of api_pids.
start_api() {
  local url="$1" log="$2"
  shift 2
  ( cd "$root/src/VeSiting.Api" && exec env VESITING_HOME="$root" VeSiting__ExpensiveRequestsPerMinute=0 "$@" "${api_prefix[@]}" \
      dotnet bin/Release/net10.0/VeSiting.Api.dll --urls "$url" --contentRoot . >"$log" 2>&1 ) &
  api_pids+=($!)
  for _ in $(seq 1 120); do curl -sf "$url/health" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "the service at $url did not start; its log:" >&2
  cat "$log" >&2
  return 1
}

stop_apis() { for pid in "${api_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }

# pg_env_from_npgsql CONNECTION: exports PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (environment only, never on
# disk or in the process list).
pg_env_from_npgsql() {
  eval "$(python3 - "$1" <<'PY'
import shlex, sys
parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
parts = {k.strip().lower(): v.strip() for k, v in parts.items()}
names = {"host": "PGHOST", "server": "PGHOST", "port": "PGPORT", "username": "PGUSER", "user id": "PGUSER", "user": "PGUSER",
         "password": "PGPASSWORD", "database": "PGDATABASE"}
for key, env in names.items():
    if key in parts:
        print(f"export {env}={shlex.quote(parts[key])}")
PY
)"
}

# draw_turbine_tiles N: from the imported plants in PostGIS, N random z14 tiles and 50 random z10 tiles that hold an
# operating or planned wind turbine (seed 42, the z14 draw first), as "x y" lines in $work/z14-pick.txt and
# $work/png.txt. Every script that calls it gets the same tiles.
draw_turbine_tiles() {
  local z
  for z in 14 10; do
    psql -X -q -A -t -F ' ' -c "
      SELECT DISTINCT floor((ST_X(g) + 180) / 360 * 2 ^ $z)::int,
                      floor((1 - ln(tan(radians(ST_Y(g))) + 1 / cos(radians(ST_Y(g)))) / pi()) / 2 * 2 ^ $z)::int
      FROM (SELECT ST_Transform(geom, 4326) AS g FROM plants WHERE status IN ('Operating', 'Planned') AND kind = 'WindTurbine') p
      ORDER BY 1, 2" > "$work/z$z.txt"
  done
  python3 - "$work" "$1" <<'PY'
import random, sys
work, n = sys.argv[1], int(sys.argv[2])
random.seed(42)
z14 = [tuple(map(int, l.split())) for l in open(f"{work}/z14.txt") if l.strip()]
z10 = [tuple(map(int, l.split())) for l in open(f"{work}/z10.txt") if l.strip()]
pick = random.sample(z14, min(n, len(z14)))
png = random.sample(z10, min(50, len(z10)))
open(f"{work}/z14-pick.txt", "w").write("".join(f"{x} {y}\n" for x, y in pick))
open(f"{work}/png.txt", "w").write("".join(f"{x} {y}\n" for x, y in png))
print(f"{len(pick)} z14 tiles of {len(z14)} with turbines; {len(png)} z10 tiles of {len(z10)}", file=sys.stderr)
PY
}
