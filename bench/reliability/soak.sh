#!/usr/bin/env bash
# Soak (issue 7, docs/RELIABILITY.md): check-ins at half the measured capacity for 10 minutes through the
# real POST /api/v1/checkins, with staff working beside them on the same server: a city admin's dashboard
# refreshed every second (the page and its scans, compliance and flags queries, over a login session) and a
# tracing investigation of a bench person every 10 s. Prints one row per minute: check-ins (requests, p50,
# p99, max, errors), dashboard and tracing queries (count, p99, errors), and the heap: after the minute's
# last GC (server GC log), and Micrometer's jvm.memory.used of the old generation and the whole heap
# (sampled at each minute's end, as the city admin over HTTP Basic). Then every full GC (the live heap it
# left) and a class histogram of the live heap at the end of the warm-up and after the last minute.
# Exits 1 on any error. Expected: 0 errors, a flat p99 and a flat heap.
#
#   bench/reliability/soak.sh --rate N [--minutes 10] [--db sqlite|postgresql] [--warmup 180] [--ramp 60]
#                             [--connections 64] [--persons 100000] [--venues 4421] [--dashboard-every 1]
#                             [--tracing-every 10] [--progress 5] [--no-histograms] [--jfr]
#                             [--pg-database jiaxing_soak] [--port 18083] [--no-build] [--from DIR]
#
# --rate: check-ins per second in total, on a fixed open-loop schedule (latency counts from when a check-in
# was due, so waiting for the server is included): half the real-API figure of bench/run-checkin-bench.sh
# on the same machine (docs/PERFORMANCE.md). --warmup: seconds of load before the measured minutes; --ramp: over
# its first seconds the rate rises from a tenth to N (slow start: a cold server compiles its hot paths and fills
# its caches first). The soak measures the steady state, which a fresh server only reaches once the JIT has
# compiled and the caches hold the bench venues' verified codes and the persons (every one of --persons is a
# miss once: ~3 x persons / rate seconds until 95 % of scans hit): on a slow 2-core machine 60 s at full rate
# left a 40 s backlog into the measured minutes (docs/RELIABILITY.md). The script says whether the load was on
# its schedule when the measured period began.
# --progress: every N s from the first check-in, warm-up included: answers, p50, p99, how far behind its
# schedule the load is, and the server's CPU by thread group (JIT compilers, GC, request threads, writer, tracing).
# --no-histograms: no jcmd GC.class_histogram (each is a full GC: one 15 s before the warm-up ends, one after
# the last minute). --jfr: a JFR recording (profile settings) of the whole run into the work directory.
# The server runs like the benchmark's (bench endpoints on for the setup, visitor rate limit off, demo off,
# SERVER_JAVA_OPTS default -Xms2g -Xmx2g -XX:+UseParallelGC -XX:ThreadPriorityPolicy=1) plus a GC log;
# on PostgreSQL with a pool of 32 (as the benchmark) in a fresh database --pg-database.
# --from DIR (SQLite): start on a copy of an earlier soak's database (DIR is the work directory it printed; its
# admin-password file is used), so that the soak begins with millions of check-ins kept, as a city's database does,
# instead of empty; the setup finds its venues and persons there.
# Not run in CI; needs a quiet machine for the whole run. Keeps the work directory (gc.log, server.log,
# loadgen.log, thread-cpu.tsv, histograms) and prints its path. PGHOST/PGPORT/PGUSER as for the benchmark.
set -euo pipefail
{ # the whole script is read before it runs: editing it during a run (which takes half an hour) cannot break the run
cd "$(dirname "$0")/../.."
. bench/city-lib.sh
rate=; minutes=10; db=sqlite; port=18083; warmup=180; ramp=60; connections=64; persons=100000; venues=4421
dashboard_every=1; tracing_every=10; build=true; progress=5; histograms=true; jfr=false; pg_db=jiaxing_soak; from_dir=
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --minutes) minutes="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --ramp) ramp="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --persons) persons="$2"; shift 2 ;;
    --venues) venues="$2"; shift 2 ;;
    --dashboard-every) dashboard_every="$2"; shift 2 ;;
    --tracing-every) tracing_every="$2"; shift 2 ;;
    --progress) progress="$2"; shift 2 ;;
    --no-histograms) histograms=false; shift ;;
    --jfr) jfr=true; shift ;;
    --pg-database) pg_db="$2"; shift 2 ;;
    --no-build) build=false; shift ;;
    --from) from_dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,34p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$rate" ] || { echo "--rate is required (half the measured capacity, see --help)" >&2; exit 2; }
case "$db" in sqlite|postgresql) ;; *) echo "--db must be sqlite or postgresql" >&2; exit 2 ;; esac
[ "$ramp" -le "$warmup" ] || ramp=$warmup
[[ "$pg_db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--pg-database: lower-case letters, digits, _" >&2; exit 2; }
if [ -n "$from_dir" ]; then
  [ "$db" = sqlite ] || { echo "--from works with --db sqlite only" >&2; exit 2; }
  [ -f "$from_dir/data/jiaxing.db" ] && [ -f "$from_dir/admin-password" ] \
    || { echo "--from $from_dir: not a soak's work directory (needs data/jiaxing.db and admin-password)" >&2; exit 2; }
fi

java_bin=$(find_java)
jcmd_bin="$(dirname "$java_bin")/jcmd"
if $histograms && [ ! -x "$jcmd_bin" ]; then echo "no jcmd beside $java_bin: use --no-histograms" >&2; exit 2; fi

app_jar=$(app_jar)
bench_jar=$(bench_jar)

work=$(mktemp -d /tmp/jiaxing-soak.XXXXXX)
db_args=()
if [ "$db" = postgresql ]; then
  pg_host=${PGHOST:-127.0.0.1}; pg_port=${PGPORT:-5432}; pg_user=${PGUSER:-postgres}
  psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $pg_db" \
    -c "CREATE DATABASE $pg_db"
  # the benchmark's pool for PostgreSQL (bench/run-checkin-bench.sh): capacity was measured with it
  db_args=(--spring.datasource.url="jdbc:postgresql://$pg_host:$pg_port/$pg_db" --spring.datasource.username="$pg_user"
           --spring.datasource.hikari.maximum-pool-size=32)
fi
# the first CITY_ADMIN of the fresh database (demo off): dashboard, tracing, metrics; kept for a later --from
admin_password="soak-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
if [ -n "$from_dir" ]; then
  admin_password=$(cat "$from_dir/admin-password")
  cp -a "$from_dir/data" "$work/data"
  echo "Starting on a copy of $from_dir/data ($(du -sh "$work/data" | cut -f1))"
fi
(umask 077; printf '%s' "$admin_password" >"$work/admin-password")
server_opts=${SERVER_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC -XX:ThreadPriorityPolicy=1}
jfr_opts=()
if $jfr; then jfr_opts=("-XX:StartFlightRecording=filename=$work/soak.jfr,settings=profile,dumponexit=true"); fi

server_pid=
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  echo "work directory (gc.log, server.log, loadgen.log, thread-cpu.tsv): $work"
}
trap stop_server EXIT

# shellcheck disable=SC2086
JIAXING_ADMIN_PASSWORD="$admin_password" "$java_bin" $server_opts "-Xlog:gc:file=$work/gc.log:uptime,tags" \
  ${jfr_opts[@]+"${jfr_opts[@]}"} \
  --enable-native-access=ALL-UNNAMED -jar "$app_jar" --server.port="$port" \
  --jiaxing.bench.enabled=true --jiaxing.demo.enabled=false --jiaxing.checkin.visitor.rate-limit-enabled=false \
  --jiaxing.data-dir="$work/data" --server.tomcat.max-keep-alive-requests=-1 --logging.level.root=WARN \
  ${db_args[@]+"${db_args[@]}"} >"$work/server.log" 2>&1 &
server_pid=$!
echo "Starting the server on port $port ($db)…"
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "the server stopped:"; tail -40 "$work/server.log"; exit 1; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { echo "the server did not start:"; tail -40 "$work/server.log"; exit 1; }
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); database: $db; server JVM: $server_opts"
echo "Soak: $minutes min at $rate check-ins/s after ${warmup} s warm-up (the first ${ramp} s ramping up); dashboard every ${dashboard_every} s, tracing every ${tracing_every} s"

loadgen=("$java_bin" ${LOADGEN_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC} -jar "$bench_jar"
  --url "http://127.0.0.1:$port" --targets group --rate "$rate" --duration $((minutes * 60)) --warmup "$warmup" --ramp "$ramp"
  --jit-warmup 0 --runs 1 --connections "$connections" --persons "$persons" --venues "$venues" --report-every 60
  --progress "$progress" --admin "admin:$admin_password" --server-pid "$server_pid")

python3 - "$port" "$minutes" "$work" "$admin_password" "$persons" "$dashboard_every" "$tracing_every" \
  "$server_pid" "$warmup" "$histograms" "$jcmd_bin" "$ramp" "$rate" "${loadgen[@]}" <<'PY'
import base64, datetime, http.cookiejar, json, math, os, random, re, subprocess, sys, threading, time, urllib.error
import urllib.parse, urllib.request

port, minutes, work, password, persons = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
dashboard_every, tracing_every = float(sys.argv[6]), float(sys.argv[7])
server_pid, warmup, histograms, jcmd = int(sys.argv[8]), int(sys.argv[9]), sys.argv[10] == "true", sys.argv[11]
ramp, rate = int(sys.argv[12]), float(sys.argv[13])
loadgen = sys.argv[14:]
base = f"http://127.0.0.1:{port}"
basic = {"Authorization": "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()}
lock = threading.Lock()
samples = {}   # (kind, minute) -> [latency ms]
failures = {}  # (kind, minute) -> count
problems = []  # first few error descriptions
stop = threading.Event()
t0 = None

def minute_now():
    """The measured minute (1…), or 0 in the warm-up."""
    if t0 is None or time.monotonic() < t0: return 0
    return min(minutes, int((time.monotonic() - t0) // 60) + 1)

def timed(kind, opener, request, expect):
    started = time.monotonic()
    body = None
    try:
        with opener.open(request, timeout=60) as response:
            body = response.read(); ok = response.status in expect; why = f"HTTP {response.status}"
    except urllib.error.HTTPError as e:
        ok = False; why = f"HTTP {e.code} {e.read()[:200]!r}"
    except Exception as e:
        ok = False; why = repr(e)
    ms = (time.monotonic() - started) * 1000
    with lock:
        key = (kind, minute_now())
        samples.setdefault(key, []).append(ms)
        if not ok:
            failures[key] = failures.get(key, 0) + 1
            if len(problems) < 10: problems.append(f"{kind} {request.full_url}: {why}")
    return body if ok else None

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args): return None

def session():
    """A staff browser: form login (CSRF token from the login page), then the session cookie."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + "/login", timeout=30).read().decode()
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', page)
    form = urllib.parse.urlencode({"username": "admin", "password": password, "_csrf": csrf.group(1)}).encode()
    try:
        opener.open(urllib.request.Request(base + "/login", form), timeout=30)
    except urllib.error.HTTPError as e:
        if e.code != 302 or "error" in e.headers.get("Location", ""): raise SystemExit(f"login failed: {e.code} {e.headers}")
    return opener

def dashboard():
    opener = session()
    paths = ["/dashboard", "/api/v1/dashboard/scans?period=today", "/api/v1/dashboard/compliance",
             "/api/v1/dashboard/flags?period=7d"]
    next_at = time.monotonic()
    while not stop.is_set():
        for path in paths:  # what a browser loads on one refresh
            timed("dashboard", opener, urllib.request.Request(base + path), (200,))
        next_at += dashboard_every
        stop.wait(max(0, next_at - time.monotonic()))

def phone(person):  # BenchIdentities.phone: the bench persons 1..N made by POST /api/v1/bench/setup
    return "13" + str(5 + person % 5) + "%08d" % (person % 100_000_000)

contacts = []  # contacts found per investigation (CLOSE + SECONDARY + EXPOSED)
def tracing():
    opener = urllib.request.build_opener()
    rng = random.Random(7)
    next_at = time.monotonic()
    while not stop.is_set():
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        body = {"reason": "soak test", "cases": [{"person": phone(rng.randint(1, persons)),
                "from": (now - datetime.timedelta(minutes=10)).isoformat(), "to": now.isoformat()}]}
        request = urllib.request.Request(base + "/api/v1/tracing/investigations", json.dumps(body).encode(),
                                         {**basic, "Content-Type": "application/json"})
        answer = timed("tracing", opener, request, (201,))
        if answer:
            contacts.append(sum(json.loads(answer)["counts"].values()))
        next_at += tracing_every
        stop.wait(max(0, next_at - time.monotonic()))

def metrics(name, tag=None):
    url = base + "/actuator/metrics/" + name + (f"?tag={urllib.parse.quote(tag)}" if tag else "")
    with urllib.request.urlopen(urllib.request.Request(url, headers=basic), timeout=30) as response:
        return json.load(response)

def metric(name, tag=None):
    return metrics(name, tag)["measurements"][0]["value"]

heap = {}  # minute -> (Micrometer jvm.memory.used: whole heap MB, old generation MB)
writer = {}  # minute -> (committed write transactions, writer busy seconds), both counted since start-up
def heap_sampler():
    # the old generation only grows by promotion between full GCs: flat means nothing piles up
    pools = [v for t in metrics("jvm.memory.used")["availableTags"] if t["tag"] == "id" for v in t["values"]]
    old = next((p for p in pools if "Old Gen" in p or "Tenured" in p), None)
    old_tag = "id:" + old if old else "area:heap"  # a collector without generations: the heap twice
    for minute in range(0, minutes + 1):
        if stop.wait(max(0, t0 + minute * 60 - time.monotonic())) and minute < minutes: return
        try:
            heap[minute] = (metric("jvm.memory.used", "area:heap") / 2**20, metric("jvm.memory.used", old_tag) / 2**20)
            # the check-in writer's own cost per commit: if p99 rises while this stays flat, the wait is elsewhere
            writer[minute] = (metric("jiaxing.checkin.transactions"), metric("jiaxing.checkin.writer.busy"))
        except Exception as e:
            problems.append(f"metrics: {e!r}")

# ---- the server's CPU by thread group, from /proc (Linux): where the time goes while a backlog builds
tick = os.sysconf("SC_CLK_TCK")
groups = [("jit", re.compile(r"^C[12] Compiler")), ("gc", re.compile(r"^(GC Thread|VM Thread|PSYoung|PSOld)")),
          ("http", re.compile(r"^http-nio")), ("writer", re.compile(r"^checkin-writer")),
          ("events", re.compile(r"^checkin-events")), ("jfr", re.compile(r"^JFR")),
          ("tracing", re.compile(r"^(tracing-|ForkJoinPool)"))]  # the trace's threads (before: its 2nd hand only)
def thread_ticks():
    """Total CPU ticks per thread group of the server since each thread started (threads that ended are lost)."""
    totals = {}
    try:
        tasks = os.listdir(f"/proc/{server_pid}/task")
    except OSError:
        return None
    for task in tasks:
        try:
            with open(f"/proc/{server_pid}/task/{task}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        group = next((g for g, pattern in groups if pattern.match(name)), "other")
        totals[(task, group)] = ticks
    return totals
cpu_last = [thread_ticks(), time.monotonic()]
def cpu_since_last():
    """Per group: share of one core since the previous call, e.g. {'jit': 93, 'http': 71, …} (percent)."""
    now, at = thread_ticks(), time.monotonic()
    before, was = cpu_last
    cpu_last[:] = [now, at]
    if not now or not before: return {}
    shares = {}
    for (task, group), ticks in now.items():
        shares[group] = shares.get(group, 0) + ticks - before.get((task, group), 0)
    seconds = at - was
    return {g: 100.0 * t / tick / seconds for g, t in shares.items()}
group_names = [g for g, _ in groups] + ["other"]
cpu_log = open(work + "/thread-cpu.tsv", "w")
cpu_log.write("seconds since load start\tphase\t" + "\t".join(f"{g} % of a core" for g in group_names) + "\n")

def histogram(name):
    """jcmd GC.class_histogram (a full GC first: only live objects) into the work directory; total bytes."""
    path = f"{work}/histogram-{name}.txt"
    with open(path, "w") as out:
        subprocess.run([jcmd, str(server_pid), "GC.class_histogram"], stdout=out, stderr=subprocess.STDOUT, timeout=300)
    text = open(path).read()
    total = re.search(r"^Total\s+(\d+)\s+(\d+)", text, re.M)
    # filler arrays are the collector's padding of unused space (PLAB ends), not objects anyone holds
    filler = re.search(r"^\s*\d+:\s+\d+\s+(\d+)\s+\[Ljdk\.internal\.vm\.FillerElement;", text, re.M)
    return int(total.group(2)) - (int(filler.group(1)) if filler else 0) if total else None

def read_histogram(name):
    rows = {}
    for line in open(f"{work}/histogram-{name}.txt"):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m: rows[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return rows

interval = re.compile(r"interval (\d+) \(.*\): \S+ (\d+) ok (\d+) errors (\S+) req/s p50 (\S+) ms p99 (\S+) ms max (\S+) ms")
progress = re.compile(r"progress (\d+) s \((\S+)\): \S+ (\S+) ok/s (\d+) errors p50 (\S+) ms p99 (\S+) ms max (\S+) ms(?: behind (\S+) s)?")
checkins = {}
behind = []  # (seconds since the first check-in, phase, seconds behind the schedule)
generator = subprocess.Popen(loadgen, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
threads = []
uptime0 = None
start_histogram = []
with open(work + "/loadgen.log", "w") as log:
    for line in generator.stdout:
        log.write(line); log.flush()
        p = progress.match(line)
        if line.startswith("Load:"):  # the setup is done: the first check-in is due now
            cpu_since_last()
            # staff work from the warm-up on: their pages and queries are compiled and their caches warm before
            # the measured minutes (started with them, their JIT took a third of a core in the first minute)
            threads = [threading.Thread(target=f, daemon=True) for f in (dashboard, tracing)]
            for thread in threads: thread.start()
            if histograms:
                def start_histo():
                    if stop.wait(max(0, warmup - 15)): return
                    start_histogram.append(histogram("warmup-end"))
                    start_histogram.append(metric("jiaxing.checkin.presence.index.checkins"))
                threading.Thread(target=start_histo, daemon=True).start()
        if p:
            shares = cpu_since_last()
            cpu_log.write(f"{p.group(1)}\t{p.group(2)}\t" + "\t".join(f"{shares.get(g, 0):.0f}" for g in group_names) + "\n")
            cpu_log.flush()
            behind.append((int(p.group(1)), p.group(2), float(p.group(8) or 0)))
            line = line.rstrip("\n") + "  server CPU %: " + " ".join(
                f"{g} {shares.get(g, 0):.0f}" for g in group_names if shares.get(g, 0) >= 0.5) + "\n"
        print("  loadgen: " + line, end="", flush=True)
        if line.startswith("measuring") and t0 is None:
            t0 = time.monotonic()
            uptime0 = metric("process.uptime")
            threads.append(threading.Thread(target=heap_sampler, daemon=True))
            threads[-1].start()
        m = interval.match(line)
        if m:
            checkins[int(m.group(1))] = (int(m.group(2)) + int(m.group(3)), int(m.group(3)), float(m.group(5)),
                                         float(m.group(6)), float(m.group(7)))
            if int(m.group(1)) == minutes: stop.set()
generator.wait()
stop.set()
for thread in threads: thread.join(timeout=120)
end_histogram = histogram("end") if histograms and uptime0 is not None else None
end_checkins = metric("jiaxing.checkin.presence.index.checkins") if end_histogram else None

gcs = {}  # minute -> (collections, heap after the last one MB, longest pause ms)
fulls = []  # every full GC: (seconds since the measured period began, cause, before MB, after MB, pause ms)
pause = re.compile(r"\[([\d.]+)s\]\[gc\s*\] GC\(\d+\) Pause (Young|Full) \(([^)]*)\) (\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms")
for line in open(work + "/gc.log"):
    m = pause.search(line)
    if not m or uptime0 is None: continue
    at = float(m.group(1)) - uptime0
    if m.group(2) == "Full":
        fulls.append((at, m.group(3), int(m.group(4)), int(m.group(5)), float(m.group(7))))
    if at < 0: continue
    minute = min(minutes, int(at // 60) + 1)
    count, _, longest = gcs.get(minute, (0, 0, 0.0))
    gcs[minute] = (count + 1, int(m.group(5)), max(longest, float(m.group(7))))

def p99(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.99))] if values else float("nan")

print()
print("| min | check-ins | p50 ms | p99 ms | max ms | errors | dashboard req | p99 ms | errors | tracing req | p99 ms "
      "| errors | GCs | heap after last GC MB | longest pause ms | old gen MB | heap used MB | commits "
      "| writer ms per commit | writer busy % |")
print("|" + "---:|" * 20)
total_errors = 0
for minute in range(1, minutes + 1):
    c = checkins.get(minute)
    d, t = samples.get(("dashboard", minute), []), samples.get(("tracing", minute), [])
    de, te = failures.get(("dashboard", minute), 0), failures.get(("tracing", minute), 0)
    g = gcs.get(minute, (0, float("nan"), float("nan")))
    h = heap.get(minute, (float("nan"), float("nan")))
    w0, w1 = writer.get(minute - 1), writer.get(minute)
    commits, busy = (w1[0] - w0[0], w1[1] - w0[1]) if w0 and w1 else (float("nan"), float("nan"))
    total_errors += (c[1] if c else 1) + de + te
    cells = [f"{c[0]:,}", f"{c[2]:.1f}", f"{c[3]:.1f}", f"{c[4]:.0f}", str(c[1])] if c else ["–"] * 4 + ["missing"]
    print(f"| {minute} | " + " | ".join(cells + [str(len(d)), f"{p99(d):.0f}", str(de), str(len(t)), f"{p99(t):.0f}",
          str(te), str(g[0]), f"{g[1]}", f"{g[2]:.1f}", f"{h[1]:.0f}", f"{h[0]:.0f}", f"{commits:,.0f}",
          f"{1000 * busy / commits if commits else float('nan'):.2f}", f"{100 * busy / 60:.0f}"]) + " |")
warm_errors = failures.get(("dashboard", 0), 0) + failures.get(("tracing", 0), 0)
total_errors += warm_errors
print(f"\nWarm-up (not in the table): dashboard {len(samples.get(('dashboard', 0), []))} requests, p99 "
      f"{p99(samples.get(('dashboard', 0), [])):.0f} ms; tracing {len(samples.get(('tracing', 0), []))} investigations, "
      f"p99 {p99(samples.get(('tracing', 0), [])):.0f} ms; {warm_errors} errors.")
if 0 in heap:
    print(f"At the start of the measured period: heap used {heap[0][0]:.0f} MB, old gen {heap[0][1]:.0f} MB.")
print("Heap: GC log (heap after each minute's last GC) and Micrometer jvm.memory.used sampled at each minute's end "
      "(old gen: grows only by promotion between full GCs).")
late = [b for b in behind if b[2] >= 1]
warm = [b for b in behind if b[1] == "warm-up"]
if warm:
    jit = [float(row.split("\t")[2]) for row in open(work + "/thread-cpu.tsv").read().splitlines()[1:]
           if row.split("\t")[1] == "warm-up"][-12:]  # the warm-up's last minute at --progress 5
    print(f"Steady state when the measured period began: the load was {warm[-1][2]:.1f} s behind its schedule "
          f"({'on schedule' if warm[-1][2] < 1 else 'NOT on schedule: a start-up backlog runs into the first minutes; use a longer --warmup'}); "
          f"JIT compiler threads used {sum(jit) / max(1, len(jit)):.0f} % of a core in the warm-up's last minute.")
# scans in the warm-up (the ramp averages 55 % of the rate), 95 % of them with a random person: the share of the
# bench persons already seen, i.e. in the person cache and the other per-person maps, when measuring began
warm_scans = rate * (ramp * 0.55 + warmup - ramp)
seen = 1 - math.exp(-0.95 * warm_scans / persons)
print(f"Persons seen in the warm-up: ~{seen:.0%} of {persons:,}" + (
      "." if seen >= 0.99 else f" (the per-person caches still fill during the measured minutes and the live heap grows "
      f"with them; all but 1 % are seen with --warmup {math.ceil((persons * math.log(100) / 0.95 / rate) + ramp * 0.45)})."))
if behind:
    worst = max(behind, key=lambda b: b[2])
    print(f"Schedule: at most {worst[2]:.1f} s behind (at {worst[0]} s, {worst[1]}); " +
          (f"behind ≥ 1 s at {len(late)} of {len(behind)} progress points, the last at {late[-1][0]} s ({late[-1][1]})."
           if late else "never 1 s or more behind."))
print(f"Full GCs (the heap after one is the live set; time from the start of the measured period): {len(fulls)}")
for at, cause, before, after, ms in fulls:
    print(f"  {'-' if at < 0 else '+'}{abs(at) // 60:02.0f}:{abs(at) % 60:04.1f}  {cause}: {before} -> {after} MB, {ms:.0f} ms")
if start_histogram and start_histogram[0] and end_histogram:
    first, last = read_histogram("warmup-end"), read_histogram("end")
    print(f"Live heap (jcmd GC.class_histogram, each after a full GC; without the collector's filler arrays): "
          f"{start_histogram[0] / 2**20:.0f} MB 15 s before "
          f"the warm-up ended, {end_histogram / 2**20:.0f} MB after the last minute. Most grown classes:")
    growth = sorted(((last.get(k, (0, 0))[1] - first.get(k, (0, 0))[1], k) for k in set(first) | set(last)
                     if "FillerElement" not in k), reverse=True)
    for grown, name in growth[:8]:
        a, b = first.get(name, (0, 0)), last.get(name, (0, 0))
        print(f"  {name}: {a[1] / 2**20:.1f} -> {b[1] / 2**20:.1f} MB ({a[0]:,} -> {b[0]:,} instances)")
    added = end_checkins - start_histogram[1]
    if added > 0:
        # the presence index holds every accepted check-in of the retention period (~34 B each, docs/PERFORMANCE.md):
        # growth by that much is the data, not a leak; the rest should stay flat once the caches are full
        print(f"  The presence index gained {added:,.0f} check-ins meanwhile: the live heap grew "
              f"{(end_histogram - start_histogram[0]) / added:.0f} B per check-in kept.")
if contacts:
    contacts.sort()
    print(f"Tracing: {len(contacts)} investigations, contacts found per investigation: median "
          f"{contacts[len(contacts) // 2]:,}, max {contacts[-1]:,}.")
if problems:
    print("Problems (first ones):"); [print("  " + p) for p in problems]
if generator.returncode != 0:
    print(f"The load generator exited with {generator.returncode}"); total_errors += 1
print(f"Errors in total: {total_errors}")
sys.exit(1 if total_errors or problems else 0)
PY
exit
}
