#!/bin/bash
# Starts a private Docker engine (Debian's docker.io) on its own socket and builds the local
# PostgreSQL image the integration tests use (local/postgres:15, from Debian packages with
# debootstrap: no container registry is needed). Idempotent: when the engine runs and the image
# exists it only prints the environment, in well under a second.
#
# Usage:  source scripts/local-docker.sh     (exports DOCKER_HOST and the Testcontainers variables)
#    or:  scripts/local-docker.sh            (prints the export lines to eval)
# Stop:   kill "$(cat "$BLOOMFIT_DOCKER_DIR/dockerd.launch.pid")"; ip link delete docker0
# Needs root (apt-get, dockerd). Sourced, so no `set -e` (it would leak into the caller).
BLOOMFIT_DOCKER_DIR=${BLOOMFIT_DOCKER_DIR:-${TMPDIR:-/tmp}/bloomfit-docker}
bloomfit_pg_image=local/postgres:15
bloomfit_script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$BLOOMFIT_DOCKER_DIR"
export DEBIAN_FRONTEND=noninteractive
{ flock 9
if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
  echo "local-docker: installing docker.io and debootstrap" >&2
  apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null && apt-get -o DPkg::Lock::Timeout=600 install -y -qq docker.io debootstrap >/dev/null
fi
export DOCKER_HOST="unix://$BLOOMFIT_DOCKER_DIR/docker.sock" TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
if [ ! -S "$BLOOMFIT_DOCKER_DIR/docker.sock" ] || ! docker info >/dev/null 2>&1; then
  echo "local-docker: starting dockerd on $DOCKER_HOST" >&2
  nohup dockerd --data-root "$BLOOMFIT_DOCKER_DIR/data" --exec-root "$BLOOMFIT_DOCKER_DIR/exec" -H "$DOCKER_HOST" \
    --pidfile "$BLOOMFIT_DOCKER_DIR/dockerd.pid" --iptables=false --ip-masq=false --ip-forward=false \
    >"$BLOOMFIT_DOCKER_DIR/dockerd.log" 2>&1 9>&- &  # 9>&-: the engine must not hold the lock (fd 9) for its lifetime
  echo $! >"$BLOOMFIT_DOCKER_DIR/dockerd.launch.pid"
  for _ in $(seq 1 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
fi
} 9>"$BLOOMFIT_DOCKER_DIR/engine.lock"
# one build at a time (two shells may run this script at once); the lock is released when the group ends
{ flock 9
if ! docker image inspect "$bloomfit_pg_image" >/dev/null 2>&1; then
  echo "local-docker: building $bloomfit_pg_image with debootstrap (about 2 minutes, once)" >&2
  # the Debian mirror apt uses on this machine (deb822 or one-line format)
  mirror=$(grep -hoE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | awk '{print $2}')
  [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
  root="$BLOOMFIT_DOCKER_DIR/pgroot"
  [ -d "$root/usr/lib/postgresql" ] || debootstrap --variant=minbase --include=postgresql-15 bookworm "$root" $mirror \
    >"$BLOOMFIT_DOCKER_DIR/debootstrap.log" 2>&1
  rm -rf "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"* "$root/usr/share/doc" "$root/usr/share/man"
  install -m 755 "$bloomfit_script_dir/pg-entrypoint.sh" "$root/usr/local/bin/docker-entrypoint.sh"
  tar -C "$root" -c . | docker import -c 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' -c 'CMD ["postgres"]' \
    -c 'EXPOSE 5432' -c 'ENV PGDATA=/var/lib/postgresql/data' -c 'ENV LANG=C.UTF-8' \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$bloomfit_pg_image" >/dev/null
fi
} 9>"$BLOOMFIT_DOCKER_DIR/build.lock"
if docker image inspect "$bloomfit_pg_image" >/dev/null 2>&1; then
  echo "local-docker: $bloomfit_pg_image ready" >&2
  if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    echo "export DOCKER_HOST=$DOCKER_HOST TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost"
  fi
else
  echo "local-docker: could not build $bloomfit_pg_image; see $BLOOMFIT_DOCKER_DIR/*.log" >&2
  [ "${BASH_SOURCE[0]}" = "$0" ] && exit 1 || return 1
fi
