#!/bin/sh
# Runs once, when the primary's data volume is first initialised (/docker-entrypoint-initdb.d of the PostGIS image):
# a role for streaming replication (its password from $VESITING_REPLICATION_PASSWORD or the file named by
# $VESITING_REPLICATION_PASSWORD_FILE) and the pg_hba line that lets the standby use it (password, scram-sha-256).
set -eu
if [ -n "${VESITING_REPLICATION_PASSWORD_FILE:-}" ]; then
  VESITING_REPLICATION_PASSWORD="$(cat "$VESITING_REPLICATION_PASSWORD_FILE")"
fi
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$VESITING_REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
