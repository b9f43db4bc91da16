# Shared by generate-city.sh, run-tracing-bench.sh and run-dashboard-bench.sh (sourced, not run).
# Expects to be sourced from the repository root.

find_java() {
  local candidate version
  for candidate in "${JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    version=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ]; then echo "$candidate"; return; fi
  done
  echo "no JDK >= 21 found; set JAVA=/path/to/bin/java" >&2; exit 1
}

# The application jar, built when missing (or always with build=true).
app_jar() {
  if [ "${build:-false}" = true ] || ! ls target/jiaxing-*.jar 2>/dev/null | grep -qv original; then
    echo "Building the application…" >&2
    ./mvnw -B -q -Dmaven.test.skip=true package >&2
  fi
  ls target/jiaxing-*.jar | grep -v original | head -1
}

# The bench jar (load generator and city generator), built when missing (or always with build=true).
bench_jar() {
  if [ "${build:-false}" = true ] || [ ! -f bench/target/jiaxing-bench.jar ]; then
    echo "Building the bench module…" >&2
    ./mvnw -B -q -f bench/pom.xml package -DskipTests >&2
  fi
  echo bench/target/jiaxing-bench.jar
}

# The settings of a generated city (written by generate-city.sh into DIR/city.env).
load_city() {
  local dir=$1
  if [ ! -f "$dir/city.env" ]; then
    echo "no generated city in $dir (run bench/generate-city.sh first)" >&2; exit 1
  fi
  # shellcheck disable=SC1090,SC1091
  . "$dir/city.env"
}

# The application's own SQLite URL parameters (application.yaml): WAL, durable commits, busy timeout, IMMEDIATE.
SQLITE_PARAMS='?journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE'

# Defaults per database, overridden by --data-dir / --pg-database.
default_data_dir() { echo "data/city-$1"; }

server_pid=
# start_server LOG ARGS…: starts the application in the background; waits until it is ready (all start-up
# runners done: "Jiaxing is running" is logged on ApplicationReadyEvent).
start_server() {
  local log=$1; shift
  # shellcheck disable=SC2086
  "$java_bin" ${SERVER_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC} --enable-native-access=ALL-UNNAMED -jar "$app_jar" "$@" \
    >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 1800); do
    if grep -q "Jiaxing is running" "$log" 2>/dev/null; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "the server stopped:" >&2; tail -40 "$log" >&2; exit 1; fi
    sleep 1
  done
  echo "the server did not get ready in 30 min:" >&2; tail -40 "$log" >&2; exit 1
}

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
