#!/usr/bin/env bash
# The tracing benchmark of issue 4 (docs/PERFORMANCE.md) on a city made by bench/generate-city.sh: runs
# TracingSqliteBenchmark or TracingPostgresBenchmark (src/test/java/org/jiaxing/tracing/bench) in reuse mode,
# i.e. through the application's own beans on the pre-built database, and prints a table:
# --cases random single cases first degree (p50/p95), the same with SECONDARY, one cluster of --cluster
# cases with SECONDARY, and on PostgreSQL the hand-written SQL baseline on the first --baseline-cases cases
# (asserted to find the same persons at the same levels). Window: 3 days ending a day before now; cases are
# persons with at least one check-in in it.
#
#   bench/run-tracing-bench.sh --db sqlite|postgresql [--data-dir DIR] [--cases 100] [--cluster 500]
#                              [--baseline-cases 10] [--heap 4g] [--no-pretouch] [--as-of EPOCH_SECONDS] [--jfr FILE]
# The test JVM gets --heap (default 4g): the presence index holds every check-in in memory (about 38 bytes each).
# As a tracing node runs in production (docs/ARCHITECTURE.md, "Running a city"), the heap is fixed and touched at
# start (-Xms = -Xmx, -XX:+AlwaysPreTouch); --no-pretouch measures without (first touches of fresh memory were
# two thirds of a cluster's time on these machines).
# --as-of fixes the reference time (default now), so that two runs (before/after a change) ask the same questions;
# --jfr records a Java Flight Recorder profile (settings=profile) of the whole run into FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/city-lib.sh

db=
data_dir=
cases=100
cluster=500
baseline_cases=10
heap=4g
pretouch=true
as_of=
jfr=
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --cases) cases="$2"; shift 2 ;;
    --cluster) cluster="$2"; shift 2 ;;
    --baseline-cases) baseline_cases="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --no-pretouch) pretouch=false; shift ;;
    --as-of) as_of="$2"; shift 2 ;;
    --jfr) jfr="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$db" in sqlite|postgresql) ;; *) echo "--db must be sqlite or postgresql" >&2; exit 2 ;; esac
load_city "${data_dir:-$(default_data_dir "$db")}"
url=$CITY_URL
[ "$CITY_DB" = sqlite ] && url="$CITY_URL$SQLITE_PARAMS"
test_class=TracingSqliteBenchmark
[ "$CITY_DB" = postgresql ] && test_class=TracingPostgresBenchmark

echo "Tracing benchmark on $CITY_DB: $CITY_PERSONS persons × $CITY_DAYS days (generated $CITY_GENERATED_AT), \
$cases cases, cluster of $cluster"
echo "Heap: -Xmx$heap$([ "$pretouch" = true ] && echo ", fixed and pre-touched")"
echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory; load average $(cut -d' ' -f1-3 /proc/loadavg)"
log=$(mktemp /tmp/tracing-bench.XXXXXX.log)
set +e
./mvnw -o -B test -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.reuse=true -Dbench.url="$url" -Dbench.user="$CITY_USER" -Dbench.data-dir="$CITY_DATA_DIR" \
  -Dbench.jvm.args="-Xmx$heap$([ "$pretouch" = true ] && echo " -Xms${heap%% *} -XX:+AlwaysPreTouch")${jfr:+ -XX:StartFlightRecording=filename=$jfr,settings=profile}" \
  ${as_of:+-Dbench.as-of="$as_of"} \
  -Dbench.cases="$cases" -Dbench.cluster="$cluster" -Dbench.baseline-cases="$baseline_cases" >"$log" 2>&1
status=$?
set -e
grep -E '^\[tracing-bench|^\|' "$log" || true
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); full log: $log"
if [ $status -ne 0 ]; then
  echo "the benchmark failed:" >&2; grep -E 'ERROR|FAIL|Exception|expected' "$log" | head -30 >&2; exit $status
fi
