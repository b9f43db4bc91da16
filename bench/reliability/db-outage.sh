#!/usr/bin/env bash
# Database outage (issue 7, docs/RELIABILITY.md): PostgreSQL stopped for 30 s under load, then started.
# Expected: during the outage every request answers quickly (503 + Retry-After, no hang, no thread pile-up),
# /actuator/health answers 503 DOWN, nothing is acknowledged that was not committed (checked like the crash
# test), and the service recovers by itself once PostgreSQL is back.
#
#   bench/reliability/db-outage.sh --pg-stop "CMD" --pg-start "CMD" [--outage 30] [--threads 16] [--port 18082]
#
# e.g. --pg-stop "pg_ctlcluster 16 main stop -m fast" --pg-start "pg_ctlcluster 16 main start"
#
# WARNING: this stops a PostgreSQL server. Run it only on a machine (or a dedicated PostgreSQL instance)
# that nobody else is using: other test runs against the same server will fail while it is down. Never
# run it in CI or on a shared development machine. It is deliberately not run by .ci/run.
# PGHOST/PGPORT/PGUSER as for crash-test.sh; it uses its own database jiaxing_outage.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/city-lib.sh

outage=30; threads=16; port=18082; pg_stop=; pg_start=
while [ $# -gt 0 ]; do
  case "$1" in
    --outage) outage="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --pg-stop) pg_stop="$2"; shift 2 ;;
    --pg-start) pg_start="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$pg_stop" ] && [ -n "$pg_start" ] || { echo "--pg-stop and --pg-start are required (see --help)" >&2; exit 2; }
java_bin=$(find_java)
app_jar=$(app_jar)
pg_host=${PGHOST:-127.0.0.1}; pg_port=${PGPORT:-5432}; pg_user=${PGUSER:-postgres}
work=$(mktemp -d /tmp/jiaxing-outage.XXXXXX); acks="$work/acks.txt"; : >"$acks"
psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS jiaxing_outage" \
  -c "CREATE DATABASE jiaxing_outage"

"$java_bin" -Xmx512m -jar "$app_jar" --server.port="$port" --jiaxing.bench.enabled=true --jiaxing.demo.enabled=false \
  --jiaxing.data-dir="$work/data" --logging.level.root=WARN \
  --spring.datasource.url="jdbc:postgresql://$pg_host:$pg_port/jiaxing_outage?connectTimeout=2&socketTimeout=10" \
  --spring.datasource.username="$pg_user" --spring.datasource.hikari.connection-timeout=2000 \
  >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; echo "work directory: $work"' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done

total=$((outage + 60))
python3 bench/reliability/ack_client.py --url "http://127.0.0.1:$port" --acks "$acks" --threads "$threads" \
  --duration "$total" >"$work/client.json" &
client=$!

# health and latency probe, once a second: status code and seconds per request
( for _ in $(seq 1 "$total"); do
    printf '%s %s\n' "$(date +%s)" "$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port/actuator/health")"
    sleep 1
  done ) >"$work/health.txt" &
probe=$!

sleep 20
echo "stopping PostgreSQL for $outage s"; stopped=$(date +%s); $pg_stop
sleep "$outage"
$pg_start; started=$(date +%s); echo "PostgreSQL started again"
wait "$client" || true; wait "$probe" || true

echo "client: $(cat "$work/client.json")"
awk -v s="$stopped" -v e="$started" '$1>=s && $1<e {n++; if ($2==503) down++; if ($3>m) m=$3}
  END {printf "during the outage: %d health probes, %d answered 503, slowest %.2f s\n", n, down, m}' "$work/health.txt"
awk -v e="$started" '$1>e && $2==200 {print "healthy again " $1-e " s after the restart"; exit}' "$work/health.txt"
psql -At -F' ' -h "$pg_host" -p "$pg_port" -U "$pg_user" -d jiaxing_outage \
  -c "SELECT id, person_id, venue_id FROM checkin" >"$work/stored.txt"
python3 - "$acks" "$work/stored.txt" <<'PY'
import sys
acks = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
stored = {int(l.split()[0]): tuple(map(int, l.split())) for l in open(sys.argv[2]) if l.strip()}
lost = [a for a in acks if stored.get(a[0]) != a]
print(f"{len(acks)} acknowledged, {len(lost)} acknowledged but not stored")
sys.exit(1 if lost else 0)
PY
