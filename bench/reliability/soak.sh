#!/usr/bin/env bash
# Soak (issue 7, docs/RELIABILITY.md): 10 minutes of check-ins at half the measured capacity, with staff
# queries running alongside, on one server. Reports errors, p50/p99 latency per minute, and the heap after
# each minute's GC (from the server's GC log): expected 0 errors, a flat p99 and a flat heap.
#
#   bench/reliability/soak.sh --rate 500 [--minutes 10] [--db sqlite|postgresql] [--port 18083]
#
# --rate: check-ins per second, i.e. half the group-commit figure of bench/run-checkin-bench.sh on the
# same machine (docs/PERFORMANCE.md). Not run in CI; needs a quiet machine for the whole run.
# The dashboard and tracing queries of issues 4/5 are added to the concurrent load once they exist:
# set EXTRA_GET_PATHS="/path1 /path2" (fetched as the city admin, admin password from the log).
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=; minutes=10; db=sqlite; port=18083
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --minutes) minutes="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$rate" ] || { echo "--rate is required (half the measured capacity, see --help)" >&2; exit 2; }
java_bin=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null | head -1 || true)}
app_jar=$(ls target/jiaxing-*.jar | grep -v original | head -1)
work=$(mktemp -d /tmp/jiaxing-soak.XXXXXX)
db_args=()
if [ "$db" = postgresql ]; then
  pg_host=${PGHOST:-127.0.0.1}; pg_port=${PGPORT:-5432}; pg_user=${PGUSER:-postgres}
  psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS jiaxing_soak" \
    -c "CREATE DATABASE jiaxing_soak"
  db_args=(--spring.datasource.url="jdbc:postgresql://$pg_host:$pg_port/jiaxing_soak" --spring.datasource.username="$pg_user")
fi
admin_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
"$java_bin" -Xms1g -Xmx1g "-Xlog:gc:file=$work/gc.log:uptime,tags" -jar "$app_jar" --server.port="$port" \
  --jiaxing.bench.enabled=true --jiaxing.demo.enabled=false --jiaxing.account.initial-admin-password="$admin_password" \
  --jiaxing.data-dir="$work/data" --logging.level.root=WARN \
  ${db_args[@]+"${db_args[@]}"} >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; echo "work directory (gc.log, latencies): $work"' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done

python3 - "$port" "$rate" "$minutes" "$work" "${EXTRA_GET_PATHS:-}" "$admin_password" <<'PY'
import sys, time, json, threading, http.client, base64, statistics
port, rate, minutes, work, extra = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5].split()
sys.path.insert(0, "bench/reliability")
from ack_client import id_number
lat = {}; errors = {}; lock = threading.Lock(); end = time.time() + minutes * 60; start = time.time()
def record(kind, ms, ok):
    minute = int((time.time() - start) // 60)
    with lock:
        lat.setdefault((kind, minute), []).append(ms)
        if not ok: errors[kind] = errors.get(kind, 0) + 1
def writer(t, per_thread):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30); seq = 0; nxt = time.time()
    while time.time() < end:
        seq += 1; person = t * 100_000_000 + seq
        body = json.dumps({"venueToken": "AQEBAQ" + "A" * 85, "idNumber": id_number(person), "phone": "13800000000",
                           "name": "张三", "personId": person, "venueId": 1 + person % 4421})
        t0 = time.time()
        try:
            conn.request("POST", "/api/v1/bench/checkins", body, {"Content-Type": "application/json"})
            r = conn.getresponse(); r.read(); ok = r.status in (200, 201)
        except Exception:
            ok = False; conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        record("checkin", (time.time() - t0) * 1000, ok)
        nxt += 1.0 / per_thread; time.sleep(max(0, nxt - time.time()))
def reader():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    paths = ["/api/v1/venues?q=%E5%B8%82&size=50", "/api/v1/venues/export"] + extra
    i = 0
    while time.time() < end:
        i += 1; t0 = time.time()
        try:
            conn.request("GET", paths[i % len(paths)], headers={"Authorization": "Basic " + base64.b64encode(
                ("admin:" + ADMIN).encode()).decode()})
            r = conn.getresponse(); r.read(); ok = r.status == 200
        except Exception:
            ok = False; conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        record("query", (time.time() - t0) * 1000, ok); time.sleep(0.2)
ADMIN = sys.argv[6]
threads = [threading.Thread(target=writer, args=(t, rate / 16)) for t in range(16)] + [threading.Thread(target=reader)]
for th in threads: th.start()
for th in threads: th.join()
print("minute  kind     requests  p50 ms  p99 ms")
for (kind, minute) in sorted(lat, key=lambda k: (k[1], k[0])):
    v = sorted(lat[(kind, minute)])
    print(f"{minute:6d}  {kind:8s} {len(v):8d} {v[len(v)//2]:7.1f} {v[int(len(v)*0.99)-1]:7.1f}")
print("errors:", errors or 0)
PY
echo "heap after GC (first and last 5 collections):"
grep -E "Pause (Young|Full)" "$work/gc.log" | sed -n '1,5p;$p' || true
