#!/usr/bin/env bash
# The check-in benchmark of issue 3 (docs/PERFORMANCE.md): builds the application and the load generator,
# and for each database starts the server with the benchmark endpoints on a fresh database (visitor rate
# limit off), creates bench venues and persons (signed codes, visitor passes), then runs in one run the
# JSON echo (HTTP ceiling), the real POST /api/v1/checkins (group commit) and the naive baseline (same
# work, one autocommitted insert per request), repeated --runs times, medians reported; stops the server.
# The defaults are the issue's measurement: both databases, 3 runs of 60 s per target.
#
#   bench/run-checkin-bench.sh [--db both|sqlite|postgresql] [--duration 60] [--warmup 10] [--jit-warmup 90]
#                              [--runs 3] [--connections 64] [--persons 100000] [--venues 4421]
#                              [--targets echo,group,naive]
#                              (also group-uncounted: the real API with dashboard live counting off;
#                               echo-park, echo-async: the echo after a fake 3 ms commit, parked or async)
#                              [--port 18080] [--no-build]
#                              [--server-arg ARG]...
#
# --jit-warmup: unmeasured seconds per target before the first run (the JIT compiles the whole stack first;
#   under the real API's load the server still compiled ~600 methods per 10 s at 30-50 s and settled after
#   ~70 s, docs/PERFORMANCE.md tenth session, hence 90);
# --warmup: unmeasured seconds before each measurement; --duration: measured seconds per target and run.
#
# -XX:ThreadPriorityPolicy=1 (server default) lets the check-in writer thread ask for a higher OS priority
# (nice -5, honoured when the server may raise priorities: root or CAP_SYS_NICE; ignored otherwise).
# Environment: SERVER_JAVA_OPTS, LOADGEN_JAVA_OPTS (JVM options), JAVA (a JDK >= 21; found otherwise),
# PGHOST/PGPORT/PGUSER (PostgreSQL for --db postgresql; default 127.0.0.1, 5432, postgres, trust auth),
# BENCH_PGDATABASE (the database it drops and re-creates; default jiaxing_bench).
set -euo pipefail
cd "$(dirname "$0")/.."

db=both
duration=60
warmup=10
jit_warmup=90
runs=3
connections=64
persons=100000
venues=4421
targets=echo,group,naive
port=18080
build=true
server_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --jit-warmup) jit_warmup="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --persons) persons="$2"; shift 2 ;;
    --venues) venues="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-build) build=false; shift ;;
    --server-arg) server_args+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$db" in both|sqlite|postgresql) ;; *) echo "--db must be both, sqlite or postgresql" >&2; exit 2 ;; esac
if [ "$db" = both ]; then
  same=(--duration "$duration" --warmup "$warmup" --jit-warmup "$jit_warmup" --runs "$runs"
        --connections "$connections" --persons "$persons" --venues "$venues" --targets "$targets" --port "$port")
  for arg in ${server_args[@]+"${server_args[@]}"}; do same+=(--server-arg "$arg"); done
  if $build; then "$0" --db sqlite "${same[@]}"; else "$0" --db sqlite --no-build "${same[@]}"; fi
  echo
  exec "$0" --db postgresql --no-build "${same[@]}"
fi

find_java() {
  local candidate version
  for candidate in "${JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    version=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ]; then echo "$candidate"; return; fi
  done
  echo "no JDK >= 21 found; set JAVA=/path/to/bin/java" >&2; exit 1
}
java_bin=$(find_java)

if $build; then
  echo "Building the application and the load generator…"
  ./mvnw -B -q -Dmaven.test.skip=true package
  ./mvnw -B -q -f bench/pom.xml package
fi
app_jar=$(ls target/jiaxing-*.jar | grep -v original | head -1)
bench_jar=bench/target/jiaxing-bench.jar

data_dir=$(mktemp -d /tmp/jiaxing-bench.XXXXXX)
server_log="$data_dir/server.log"
db_args=()
if [ "$db" = postgresql ]; then
  pg_host=${PGHOST:-127.0.0.1}; pg_port=${PGPORT:-5432}; pg_user=${PGUSER:-postgres}; pg_db=${BENCH_PGDATABASE:-jiaxing_bench}
  psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $pg_db" \
    -c "CREATE DATABASE $pg_db"
  # more connections than SQLite: the naive mode's concurrent commits share WAL flushes on PostgreSQL
  db_args=(--spring.datasource.url="jdbc:postgresql://$pg_host:$pg_port/$pg_db"
           --spring.datasource.username="$pg_user" --spring.datasource.hikari.maximum-pool-size=32)
fi

# the first CITY_ADMIN of the fresh database (demo off): the load generator switches live counting with it
admin_password="bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"

server_pid=
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$data_dir"
}
trap stop_server EXIT

# shellcheck disable=SC2086
JIAXING_ADMIN_PASSWORD="$admin_password" "$java_bin" ${SERVER_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC -XX:ThreadPriorityPolicy=1} --enable-native-access=ALL-UNNAMED -jar "$app_jar" \
  --server.port="$port" --jiaxing.bench.enabled=true --jiaxing.demo.enabled=false \
  --jiaxing.checkin.visitor.rate-limit-enabled=false \
  --jiaxing.data-dir="$data_dir" --server.tomcat.max-keep-alive-requests=-1 --logging.level.root=WARN \
  ${db_args[@]+"${db_args[@]}"} ${server_args[@]+"${server_args[@]}"} >"$server_log" 2>&1 &
server_pid=$!

echo "Starting the server on port $port ($db)…"
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "the server stopped:"; tail -40 "$server_log"; exit 1; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { echo "the server did not start:"; tail -40 "$server_log"; exit 1; }

echo
echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), \
$(free -h | awk '/^Mem:/ {print $2}') memory; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $("$java_bin" -version 2>&1 | head -1); database: $db; server JVM: ${SERVER_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC -XX:ThreadPriorityPolicy=1}"
echo

# shellcheck disable=SC2086
"$java_bin" ${LOADGEN_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC} -jar "$bench_jar" \
  --url "http://127.0.0.1:$port" --duration "$duration" --warmup "$warmup" --jit-warmup "$jit_warmup" --runs "$runs" --connections "$connections" \
  --persons "$persons" --venues "$venues" --targets "$targets" --admin "admin:$admin_password" --server-pid "$server_pid"

echo
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
