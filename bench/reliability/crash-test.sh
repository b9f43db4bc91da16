#!/usr/bin/env bash
# Crash test (issue 7, docs/RELIABILITY.md): nothing acknowledged is lost, nothing is stored twice.
# Starts the server (benchmark endpoints on, fresh database), drives check-ins with ack_client.py, kills
# the server with SIGKILL mid-load, restarts it on the same database, and repeats --rounds times. At the
# end it compares every acknowledged check-in with the table: each must be stored exactly once.
#
#   bench/reliability/crash-test.sh [--db sqlite|postgresql] [--rounds 5] [--threads 16] [--port 18081]
#                                   [--no-build]
#
# Not run in CI (.ci/run): it needs a quiet machine for a few minutes. Exit code 0 only for 0 lost and
# 0 duplicated. PostgreSQL: PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres, trust auth); it
# creates and drops its own database jiaxing_crash, never touching others or the server itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/city-lib.sh

db=sqlite; rounds=5; threads=16; port=18081; build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-build) build=false; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
java_bin=$(find_java)
app_jar=$(app_jar)

work=$(mktemp -d /tmp/jiaxing-crash.XXXXXX)
acks="$work/acks.txt"; : >"$acks"
db_args=()
pg_host=${PGHOST:-127.0.0.1}; pg_port=${PGPORT:-5432}; pg_user=${PGUSER:-postgres}
if [ "$db" = postgresql ]; then
  psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS jiaxing_crash" \
    -c "CREATE DATABASE jiaxing_crash"
  db_args=(--spring.datasource.url="jdbc:postgresql://$pg_host:$pg_port/jiaxing_crash"
           --spring.datasource.username="$pg_user" --spring.datasource.hikari.maximum-pool-size=16)
fi

server_pid=
start_server() {
  "$java_bin" -Xmx512m --enable-native-access=ALL-UNNAMED -jar "$app_jar" --server.port="$port" \
    --jiaxing.bench.enabled=true --jiaxing.demo.enabled=false --jiaxing.data-dir="$work/data" \
    --logging.level.root=WARN ${db_args[@]+"${db_args[@]}"} >>"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { tail -40 "$work/server.log"; exit 1; }
    sleep 1
  done
  echo "the server did not start" >&2; exit 1
}
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  if [ "$db" = postgresql ]; then
    psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS jiaxing_crash" || true
  fi
  echo "work directory (acks, server log): $work"
}
trap cleanup EXIT

for round in $(seq 1 "$rounds"); do
  start_server
  python3 bench/reliability/ack_client.py --url "http://127.0.0.1:$port" --acks "$acks" --threads "$threads" \
    --duration 120 --base $((round * 1000000000)) >"$work/client-$round.json" &
  client=$!
  sleep $((4 + RANDOM % 6))
  kill -KILL "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  wait "$client" || true
  echo "round $round: killed mid-load; client $(cat "$work/client-$round.json"), acknowledged so far $(wc -l <"$acks")"
done

start_server  # recovery on the same database
if [ "$db" = postgresql ]; then
  psql -At -F' ' -h "$pg_host" -p "$pg_port" -U "$pg_user" -d jiaxing_crash \
    -c "SELECT id, person_id, venue_id FROM checkin" >"$work/stored.txt"
else
  sqlite3 -separator ' ' "$work/data/jiaxing.db" "SELECT id, person_id, venue_id FROM checkin" >"$work/stored.txt"
fi

python3 - "$acks" "$work/stored.txt" "$db" "$rounds" <<'PY'
import sys, collections
acks = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
stored = [tuple(map(int, l.split())) for l in open(sys.argv[2]) if l.strip()]
by_id = {row[0]: row for row in stored}
lost = [a for a in acks if by_id.get(a[0]) != a]
pairs = collections.Counter((r[1], r[2]) for r in stored)
duplicated = sum(n - 1 for n in pairs.values() if n > 1)
print(f"crash test ({sys.argv[3]}, {sys.argv[4]} SIGKILLs): {len(acks)} acknowledged, {len(stored)} stored, "
      f"{len(lost)} lost, {duplicated} duplicated")
sys.exit(1 if lost or duplicated else 0)
PY
