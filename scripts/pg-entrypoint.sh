#!/bin/sh
# The project's stand-in for the official postgres image entrypoint (see local-docker.sh).
# Minimal stand-in for the official postgres image entrypoint (POSTGRES_USER/PASSWORD/DB).
set -e
PGBIN=/usr/lib/postgresql/15/bin
PGDATA=${PGDATA:-/var/lib/postgresql/data}
U=${POSTGRES_USER:-postgres}
AS_PG="setpriv --reuid=postgres --regid=postgres --init-groups"
if [ "$1" = postgres ] || [ "${1#-}" != "$1" ]; then
  [ "$1" = postgres ] && shift
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    printf '%s\n' "${POSTGRES_PASSWORD:-postgres}" > /tmp/pwfile && chown postgres /tmp/pwfile
    $AS_PG $PGBIN/initdb -D "$PGDATA" --username="$U" --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f /tmp/pwfile
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    $AS_PG $PGBIN/pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start
    DB=${POSTGRES_DB:-$U}
    if [ "$DB" != postgres ]; then
      $AS_PG $PGBIN/createdb -h /var/run/postgresql -U "$U" "$DB"
    fi
    $AS_PG $PGBIN/pg_ctl -D "$PGDATA" -m fast -w stop
  fi
  exec $AS_PG $PGBIN/postgres -D "$PGDATA" -c listen_addresses='*' "$@"
fi
exec "$@"
