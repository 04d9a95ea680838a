#!/usr/bin/env bash
# Sourced by scripts/test.sh. Installs PostgreSQL 15 + PostGIS 3 from Debian packages where missing,
# starts the cluster, and sets up a throwaway role and database for the tests:
#   postgis_up      exports VESITING_TEST_DB (connection string over 127.0.0.1, password auth)
#   postgis_down    drops every vesiting_test_* database and the role, takes PostGIS out of template1 again if
#                   postgis_up put it there, and stops the cluster if it was not running before postgis_up
# Runs as root (CI and these machines); the unix socket uses peer auth, so tests connect over TCP.
# The role is no superuser: it may create databases (CREATEDB) and owns what it creates. PostGIS is not a trusted
# extension, so only a superuser may create it: postgis_up creates it once in template1 as the postgres OS user, every
# database the tests create inherits it, and the migrations' CREATE EXTENSION IF NOT EXISTS finds it there.

pg_version=15
pg_role=vesiting_test
pg_stop_after=""            # set when postgis_up started the cluster (or created it)
pg_template_postgis_added="" # set when postgis_up created PostGIS in template1

as_postgres() { su postgres -s /bin/sh -c "$1"; }

apt_install() {
  local attempt
  for attempt in 1 2 3 4 5; do
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/tmp/vesiting-apt.log 2>&1; then return 0; fi
    echo "apt-get install failed (attempt $attempt; another apt may hold the lock), retrying…" >&2
    tail -3 /tmp/vesiting-apt.log >&2
    sleep $((attempt * 3))
  done
  return 1
}

postgis_install() {
  local missing=()
  for pkg in postgresql-$pg_version postgresql-$pg_version-postgis-3; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "installing ${missing[*]} from Debian packages"
  apt-get update -q >/tmp/vesiting-apt.log 2>&1 || { echo "apt-get update failed" >&2; tail -5 /tmp/vesiting-apt.log >&2; }
  apt_install "${missing[@]}"
}

postgis_up() {
  # Installing the packages starts Debian's cluster too, so whether it ran is decided before installing.
  pg_lsclusters -h 2>/dev/null | awk -v v="$pg_version" '$1==v && $2=="main" && $4=="online" {found=1} END {exit !found}' || pg_stop_after=1
  postgis_install || { echo "could not install PostgreSQL $pg_version + PostGIS 3" >&2; return 1; }
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$pg_version main"; then
    pg_createcluster "$pg_version" main >/dev/null || return 1
  fi
  pg_ctlcluster "$pg_version" main start 2>/dev/null || true
  local port
  port="$(pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $3}')"
  local i
  for i in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
  done
  pg_isready -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not come up on 127.0.0.1:$port" >&2; return 1; }

  local password
  password="$(head -c 32 /dev/urandom | sha256sum | cut -c1-32)"
  # Hex password and fixed names: nothing here comes from outside the script.
  postgis_role "$port" "$password" || return 1
  postgis_template "$port" || return 1
  postgis_drop_test_databases "$port"
  as_postgres "psql -q -v ON_ERROR_STOP=1 -p $port -c 'CREATE DATABASE vesiting_test_admin OWNER $pg_role'" || return 1
  export VESITING_TEST_DB="Host=127.0.0.1;Port=$port;Username=$pg_role;Password=$password;Database=vesiting_test_admin;Timeout=15"
  export VESITING_TEST_PG_PORT="$port"
  export VESITING_TEST_PG_VERSION="$pg_version"
  echo "PostGIS test server: 127.0.0.1:$port, role $pg_role, database vesiting_test_admin"
}

# postgis_role PORT PASSWORD: the tests' role, with a fresh password: it may log in and create databases, and (as a
# member of pg_signal_backend) end other sessions in them: DROP DATABASE … WITH (FORCE) must also end an autovacuum
# worker that happens to be in the database, whose session belongs to no role it is a member of.
postgis_role() {
  local port="$1" password="$2"
  as_postgres "psql -q -v ON_ERROR_STOP=1 -p $port" <<SQL
DO \$\$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$pg_role') THEN
    ALTER ROLE $pg_role LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '$password';
  ELSE
    CREATE ROLE $pg_role LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '$password';
  END IF;
END \$\$;
GRANT pg_signal_backend TO $pg_role;
SQL
}

# postgis_template PORT: PostGIS in template1 (created by the postgres superuser), so the tests' new databases have it.
postgis_template() {
  local port="$1" present
  present="$(as_postgres "psql -X -At -p $port -d template1 -c \"SELECT count(*) FROM pg_extension WHERE extname = 'postgis'\"")" || return 1
  [[ "$present" == 0 ]] || return 0
  as_postgres "psql -q -X -v ON_ERROR_STOP=1 -p $port -d template1 -c 'CREATE EXTENSION postgis'" || return 1
  pg_template_postgis_added=1
}

postgis_drop_test_databases() {
  local port="$1" db
  for db in $(as_postgres "psql -At -p $port -c \"SELECT datname FROM pg_database WHERE datname LIKE 'vesiting\\_test\\_%'\""); do
    as_postgres "psql -q -p $port -c 'DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)'" >/dev/null
  done
}

postgis_down() {
  local port="${VESITING_TEST_PG_PORT:-}"
  [[ -n "$port" ]] || return 0
  postgis_drop_test_databases "$port"
  as_postgres "psql -q -p $port -c 'DROP ROLE IF EXISTS $pg_role'" >/dev/null 2>&1 || true
  if [[ -n "$pg_template_postgis_added" ]]; then
    as_postgres "psql -q -X -p $port -d template1 -c 'DROP EXTENSION IF EXISTS postgis'" >/dev/null 2>&1 || true
  fi
  if [[ -n "$pg_stop_after" ]]; then
    pg_ctlcluster "$pg_version" main stop 2>/dev/null || true
  fi
}
