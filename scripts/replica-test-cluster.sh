#!/usr/bin/env bash
# Sourced by scripts/test.sh (after postgis-test-server.sh, whose packages it uses). Starts a throwaway PostgreSQL 15 +
# PostGIS 3 primary and a hot standby streaming from it, on loopback ports, from Debian's binaries, no Docker:
#   replica_cluster_up     initdb the primary (port 18701), pg_basebackup -R the standby (port 18702: standby.signal
#                          and primary_conninfo written by -R), start both; export VESITING_REPLICA_CLUSTER (a folder
#                          with `ctl`, the connection strings, the logs) for tests/VeSiting.Stores.Tests/Replication
#   replica_cluster_down   stop both servers and remove the folder (data, logs, passwords): nothing survives
# Both servers live in one folder under /tmp owned by postgres; their superuser is the clusters' own bootstrap role,
# gone with the folder. The tests connect as a CREATEDB role over 127.0.0.1 with a password.
# Ports: VESITING_REPLICA_PORTS="primary standby" overrides 18701 18702.

replica_pg_bin="/usr/lib/postgresql/${pg_version:-15}/bin"

replica_cluster_up() {
  local ports primary_port standby_port dir password
  read -r primary_port standby_port <<<"${VESITING_REPLICA_PORTS:-18701 18702}"
  [[ -x "$replica_pg_bin/initdb" ]] || { echo "no PostgreSQL binaries in $replica_pg_bin" >&2; return 1; }
  for ports in "$primary_port" "$standby_port"; do
    if pg_isready -q -h 127.0.0.1 -p "$ports" 2>/dev/null; then echo "port $ports is taken" >&2; return 1; fi
  done
  dir="$(mktemp -d /tmp/vesiting-replicas-XXXXXX)" || return 1
  export VESITING_REPLICA_CLUSTER="$dir"
  chown postgres: "$dir" && chmod 700 "$dir"
  password="$(head -c 32 /dev/urandom | sha256sum | cut -c1-32)"
  # Hex passwords and fixed names: nothing below comes from outside the script.
  printf '%s\n' "$password" >"$dir/superuser-password"
  chown postgres: "$dir/superuser-password" && chmod 600 "$dir/superuser-password"

  as_postgres "$replica_pg_bin/initdb -D $dir/primary -U postgres --pwfile=$dir/superuser-password --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" \
    >"$dir/initdb.log" 2>&1 || { echo "initdb failed: $(tail -3 "$dir/initdb.log")" >&2; return 1; }
  cat >>"$dir/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
hot_standby_feedback = on
max_standby_streaming_delay = 5s
fsync = off
CONF
  cat >"$dir/ctl" <<CTL
#!/bin/sh
# ctl primary|standby start|stop|promote — used by the replication tests to stop, start and promote the servers.
set -e
case "\$1" in primary|standby) ;; *) echo "usage: ctl primary|standby start|stop|promote" >&2; exit 2 ;; esac
case "\$2" in
  start) exec su postgres -s /bin/sh -c "$replica_pg_bin/pg_ctl -D $dir/\$1 -l $dir/\$1.log -w -t 60 start" ;;
  stop) exec su postgres -s /bin/sh -c "$replica_pg_bin/pg_ctl -D $dir/\$1 -w -t 60 -m fast stop" ;;
  promote) exec su postgres -s /bin/sh -c "$replica_pg_bin/pg_ctl -D $dir/\$1 -w -t 60 promote" ;;
  *) echo "usage: ctl primary|standby start|stop|promote" >&2; exit 2 ;;
esac
CTL
  chmod 755 "$dir/ctl"
  "$dir/ctl" primary start >/dev/null || { echo "the primary did not start: $(tail -5 "$dir/primary.log")" >&2; return 1; }

  local role=vesiting_replica_test role_password
  role_password="$(head -c 32 /dev/urandom | sha256sum | cut -c1-32)"
  # PostGIS in template1, so every database the tests create has it (creating it needs the superuser).
  as_postgres "psql -q -v ON_ERROR_STOP=1 -h $dir -p $primary_port -d template1" <<SQL >"$dir/setup.log" 2>&1 || { echo "setup failed: $(tail -3 "$dir/setup.log")" >&2; return 1; }
CREATE EXTENSION postgis;
CREATE ROLE $role LOGIN CREATEDB PASSWORD '$role_password';
GRANT pg_signal_backend TO $role;
SQL

  as_postgres "PGPASSWORD=$password $replica_pg_bin/pg_basebackup -h 127.0.0.1 -p $primary_port -U postgres -D $dir/standby -R -X stream -c fast" \
    >"$dir/basebackup.log" 2>&1 || { echo "pg_basebackup failed: $(tail -3 "$dir/basebackup.log")" >&2; return 1; }
  [[ -f "$dir/standby/standby.signal" ]] || { echo "pg_basebackup -R wrote no standby.signal" >&2; return 1; }
  echo "port = $standby_port" >>"$dir/standby/postgresql.auto.conf"
  chown postgres: "$dir/standby/postgresql.auto.conf"
  "$dir/ctl" standby start >/dev/null || { echo "the standby did not start: $(tail -5 "$dir/standby.log")" >&2; return 1; }

  local i streaming=""
  for i in $(seq 1 30); do
    streaming="$(as_postgres "psql -At -h $dir -p $primary_port -d postgres -c \"SELECT state FROM pg_stat_replication\"")"
    [[ "$streaming" == "streaming" ]] && break
    sleep 1
  done
  [[ "$streaming" == "streaming" ]] || { echo "the standby is not streaming from the primary (state '${streaming}')" >&2; return 1; }

  local common="Username=$role;Password=$role_password;Database=postgres;Timeout=5;Host Recheck Seconds=2"
  printf '%s\n' "Host=127.0.0.1;Port=$primary_port;$common" >"$dir/primary.connection"
  printf '%s\n' "Host=127.0.0.1;Port=$standby_port;$common" >"$dir/standby.connection"
  chmod 600 "$dir/primary.connection" "$dir/standby.connection"
  echo "Replica test cluster: primary 127.0.0.1:$primary_port, hot standby 127.0.0.1:$standby_port (streaming), in $dir"
}

replica_cluster_down() {
  local dir="${VESITING_REPLICA_CLUSTER:-}"
  [[ -n "$dir" && -d "$dir" && "$dir" == /tmp/vesiting-replicas-* ]] || return 0
  local node
  for node in standby primary; do
    if [[ -f "$dir/$node/postmaster.pid" ]]; then
      as_postgres "$replica_pg_bin/pg_ctl -D $dir/$node -w -t 30 -m immediate stop" >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$dir"
  unset VESITING_REPLICA_CLUSTER
}
