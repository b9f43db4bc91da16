#!/usr/bin/env bash
# The benchmark city of issues 4 and 5 (docs/PERFORMANCE.md): a 28-day Pinghu with 700,000 persons on the demo's
# 4,421 venues, ~1.8M check-ins a day (~50M rows), for the tracing and dashboard benchmarks.
#
#   bench/generate-city.sh --db sqlite|postgresql [--persons 700000] [--days 28] [--seed 1]
#                          [--data-dir DIR] [--pg-database NAME] [--port 18090] [--build]
#
# 1. Starts the real application once on a fresh database, so that Flyway creates the schema (and, on
#    PostgreSQL, the day partitions) and the person keys are generated into DIR/keys; then stops it.
#    SQLite: with the demo on, which seeds the 4,421 Pinghu venues, ~3,300 check-ins of the last days,
#    150 visitors, the demo projects and the demo logins (DIR/demo-logins.txt); all of it stays.
#    PostgreSQL: the demo refuses PostgreSQL, so the demo is first seeded into a throw-away SQLite database
#    (data directory DIR/demo-source), and the generator copies its venues (same ids) and staff accounts
#    (same usernames and passwords: DIR/demo-logins.txt is copied too) into PostgreSQL. Persons and their keys
#    are PostgreSQL's own (DIR/keys).
# 2. Runs org.jiaxing.bench.city.GenerateCity (bench module): persons with encrypted identities and blind
#    indexes in the application's format, then the check-ins of their day routines for the last --days days
#    up to now, bulk-loaded (PostgreSQL: COPY FREEZE per day partition; SQLite: one prepared statement, no
#    journal), indexes dropped before and built after, ANALYZE. Progress and rows/s are printed.
# 3. Writes DIR/city.env, read by run-tracing-bench.sh and run-dashboard-bench.sh.
#
# Defaults: DIR = data/city-sqlite or data/city-postgresql (git-ignored); PostgreSQL database jiaxing_city
# (DROPPED and re-created). The SQLite set lives in DIR/jiaxing.db: start the application on it with
# --jiaxing.data-dir=DIR. Environment: JAVA, SERVER_JAVA_OPTS, GENERATOR_JAVA_OPTS, PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/city-lib.sh

db=
persons=700000
days=28
seed=1
data_dir=
pg_database=jiaxing_city
port=18090
build=false
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --persons) persons="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --pg-database) pg_database="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --build) build=true; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$db" in sqlite|postgresql) ;; *) echo "--db must be sqlite or postgresql" >&2; exit 2 ;; esac
case "$pg_database" in *[!a-z0-9_]*|'') echo "--pg-database: lower-case letters, digits and _ only" >&2; exit 2 ;; esac
data_dir=${data_dir:-$(default_data_dir "$db")}

java_bin=$(find_java)
app_jar=$(app_jar)
bench_jar=$(bench_jar)

if [ -e "$data_dir" ] && [ -n "$(ls -A "$data_dir" 2>/dev/null)" ]; then
  echo "$data_dir is not empty: delete it (rm -rf $data_dir) or pass another --data-dir" >&2; exit 1
fi
mkdir -p "$data_dir"
data_dir=$(cd "$data_dir" && pwd)
trap stop_server EXIT

started=$(date +%s)
pg_host=${PGHOST:-127.0.0.1}; pg_port=${PGPORT:-5432}; pg_user=${PGUSER:-postgres}
if [ "$db" = sqlite ]; then
  url="jdbc:sqlite:$data_dir/jiaxing.db"
  echo "Creating the schema and the demo venues (SQLite, $data_dir)…"
  start_server "$data_dir/schema-start.log" --server.port="$port" --jiaxing.data-dir="$data_dir" \
    --jiaxing.demo.enabled=true
  stop_server
  generator_args=(--url "$url")
else
  url="jdbc:postgresql://$pg_host:$pg_port/$pg_database"
  echo "Seeding the demo venues and logins into a throw-away SQLite database ($data_dir/demo-source)…"
  mkdir -p "$data_dir/demo-source"
  start_server "$data_dir/demo-source.log" --server.port="$port" --jiaxing.data-dir="$data_dir/demo-source" \
    --jiaxing.demo.enabled=true
  stop_server
  # the accounts are copied with their password hashes: the demo logins hold on PostgreSQL too
  cp -p "$data_dir/demo-source/demo-logins.txt" "$data_dir/demo-logins.txt"
  echo "Creating the PostgreSQL database $pg_database and its schema…"
  psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $pg_database" \
    -c "CREATE DATABASE $pg_database"
  start_server "$data_dir/schema-start.log" --server.port="$port" --jiaxing.data-dir="$data_dir" \
    --jiaxing.demo.enabled=false --spring.datasource.url="$url" --spring.datasource.username="$pg_user"
  stop_server
  generator_args=(--url "$url" --user "$pg_user" --venue-source "jdbc:sqlite:$data_dir/demo-source/jiaxing.db")
fi
echo "Schema ready after $(( $(date +%s) - started )) s; generating the city…"

# shellcheck disable=SC2086
"$java_bin" ${GENERATOR_JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseParallelGC} --enable-native-access=ALL-UNNAMED \
  -cp "$bench_jar" org.jiaxing.bench.city.GenerateCity "${generator_args[@]}" --data-dir "$data_dir" \
  --persons "$persons" --days "$days" --seed "$seed" | tee "$data_dir/generate.log"

cat >"$data_dir/city.env" <<ENV
# written by bench/generate-city.sh; read by run-tracing-bench.sh and run-dashboard-bench.sh
CITY_DB=$db
CITY_URL='$url'
CITY_USER='$pg_user'
CITY_DATA_DIR='$data_dir'
CITY_PERSONS=$persons
CITY_DAYS=$days
CITY_SEED=$seed
CITY_GENERATED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
ENV
echo "City ready in $(( $(date +%s) - started )) s: $data_dir/city.env"
