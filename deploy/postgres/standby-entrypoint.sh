#!/bin/sh
# The streaming replica: on first start, copies the primary with pg_basebackup -R (which writes standby.signal and
# primary_conninfo), then runs as a hot standby; later starts resume streaming from where it was.
set -eu
# The replication password: $VESITING_REPLICATION_PASSWORD or the file named by $VESITING_REPLICATION_PASSWORD_FILE.
if [ -n "${VESITING_REPLICATION_PASSWORD_FILE:-}" ]; then
  VESITING_REPLICATION_PASSWORD="$(cat "$VESITING_REPLICATION_PASSWORD_FILE")"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -q -h "$PRIMARY_HOST" -p 5432; do
    echo "waiting for the primary at $PRIMARY_HOST"
    sleep 2
  done
  PGPASSWORD="$VESITING_REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -p 5432 -U replicator \
    -D "$PGDATA" -R -X stream -c fast
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on -c max_standby_streaming_delay=30s
