#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis servers for the tests, on 127.0.0.1 and free ports, in a temporary
# directory: installed from Debian if missing, never the machine's own services.
#   source scripts/services.sh; services_start   exports KANBAN_TEST_POSTGRES_SERVER and KANBAN_TEST_REDIS
#   services_stop                                 stops both and deletes the directory
# test.sh calls services_stop from a trap, so a failed run leaves nothing behind.

services_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

services_install() {
  local missing=()
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
  # Debian may start the packages' own servers on install: the tests use throwaway ones, so stop those.
  for service in postgresql redis-server; do $sudo service "$service" stop >/dev/null 2>&1 || true; done
}

services_start() {
  services_install || { echo "services: could not install PostgreSQL and Redis" >&2; return 1; }
  local pgbin; pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  SERVICES_ROOT=$(mktemp -d -t kanban-svc.XXXXXX); chmod 755 "$SERVICES_ROOT"
  SERVICES_PG_PORT=$(services_free_port)
  SERVICES_REDIS_PORT=$(services_free_port)
  SERVICES_PGBIN=$pgbin
  local as_postgres=(); [ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --)
  if [ "$(id -u)" -eq 0 ]; then install -d -o postgres -g postgres "$SERVICES_ROOT/pg"; else mkdir -p "$SERVICES_ROOT/pg"; fi
  "${as_postgres[@]}" "$pgbin/initdb" -D "$SERVICES_ROOT/pg/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null \
    || { echo "services: initdb failed" >&2; return 1; }
  "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$SERVICES_ROOT/pg/data" -l "$SERVICES_ROOT/pg/log" -w -t 30 \
    -o "-p $SERVICES_PG_PORT -k $SERVICES_ROOT/pg -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { echo "services: PostgreSQL did not start (log: $SERVICES_ROOT/pg/log)" >&2; return 1; }
  redis-server --bind 127.0.0.1 --port "$SERVICES_REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --dir "$SERVICES_ROOT" --pidfile "$SERVICES_ROOT/redis.pid" --logfile "$SERVICES_ROOT/redis.log" \
    || { echo "services: Redis did not start" >&2; return 1; }
  export KANBAN_TEST_POSTGRES_SERVER="Host=127.0.0.1;Port=$SERVICES_PG_PORT;Username=postgres;Pooling=true;Maximum Pool Size=50"
  export KANBAN_TEST_REDIS="127.0.0.1:$SERVICES_REDIS_PORT"
  echo "services: PostgreSQL on 127.0.0.1:$SERVICES_PG_PORT, Redis on 127.0.0.1:$SERVICES_REDIS_PORT"
}

services_stop() {
  [ -n "${SERVICES_ROOT:-}" ] || return 0
  local as_postgres=(); [ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --)
  "${as_postgres[@]}" "$SERVICES_PGBIN/pg_ctl" -D "$SERVICES_ROOT/pg/data" -m immediate -w -t 20 stop >/dev/null 2>&1
  redis-cli -p "$SERVICES_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || { [ -f "$SERVICES_ROOT/redis.pid" ] && kill "$(cat "$SERVICES_ROOT/redis.pid")" 2>/dev/null; }
  rm -rf "$SERVICES_ROOT"
  SERVICES_ROOT=""
}
