#!/usr/bin/env bash
# Loa's benchmark: fan-out against curl --parallel, idle tick, and CSV export against sqlite3 -csv.
# Usage: bash bench/run.sh [fanout|idle|export|all]      (from the repository's folder; takes a few minutes)
#        bash bench/run.sh compare OTHER_LOA [RUNS]      (fan-out: another loa binary, this build and curl, alternating)
# Every figure is measured in this one run on this machine; see bench/README.md for what it shows.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
C="${BENCH_CONCURRENCY:-16}"
PORT="${BENCH_PORT:-18480}"

need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v curl >/dev/null || need+=(curl)
[ -x /usr/bin/time ] || need+=(time)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v hyperfine >/dev/null || need+=(hyperfine)
if [ "${#need[@]}" -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

swift build -c release --product loa 2>&1 | tail -1
LOA="$PWD/.build/release/loa"
WORK=$(mktemp -d /tmp/loa-bench.XXXXXX)
trap '[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; rm -rf "$WORK"' EXIT

# A loopback sink: nginx answering every POST with 200 {"id":"1_2"}, logging each request.
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log $WORK/nginx/access.log;
    client_body_temp_path $WORK/nginx/body;
    client_max_body_size 1m;
    client_body_buffer_size 64k;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$PORT;
        location / { default_type application/json; return 200 '{"id":"1_2"}'; }
    }
}
CONF
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
sleep 0.3
requests() { wc -l < "$WORK/nginx/access.log"; }

# /usr/bin/time -v → "seconds cpu_seconds peak_kib"
measure() {
    local log="$1"; shift
    /usr/bin/time -v "$@" > /dev/null 2> "$log"
    python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def grab(label):
    return re.search(re.escape(label) + r":\s*(.+)", text).group(1).strip()
wall = grab("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall)))
cpu = float(grab("User time (seconds)")) + float(grab("System time (seconds)"))
print(f"{seconds:.3f} {cpu:.3f} {grab('Maximum resident set size (kbytes)')}")
PY
}

report() { printf '%-34s %10s %10s %10s %12s\n' "$@"; }

fanout() {
    local runs="${BENCH_RUNS:-5}"
    python3 bench/generate.py fanout --out "$WORK/fanout" --url "http://127.0.0.1:$PORT" \
        --announcements 100 --channels 100 --concurrency "$C" > "$WORK/generate.log"
    echo "fan-out: $(cat "$WORK/generate.log"), concurrency $C, median of $runs runs"
    report "" "seconds" "per second" "CPU s" "peak RSS MiB"
    local loa_rows=() curl_rows=()
    for run in $(seq $runs); do
        rm -rf "$WORK/fanout/archive"
        local before=$(requests)
        read -r s cpu rss < <(cd "$WORK/fanout" && measure "$WORK/time-loa.log" "$LOA" run)
        local got=$(( $(requests) - before ))
        [ "$got" -eq 10000 ] || { echo "loa run delivered $got requests, not 10000: not counted"; exit 1; }
        local sent=$(sqlite3 "$WORK/fanout/archive/loa.sqlite" "SELECT count(*) FROM deliveries WHERE status='sent'")
        [ "$sent" -eq 10000 ] || { echo "the archive records $sent sent, not 10000: not counted"; exit 1; }
        loa_rows+=("$s $cpu $rss")
        before=$(requests)
        read -r s cpu rss < <(measure "$WORK/time-curl.log" curl --silent --parallel --parallel-immediate \
            --parallel-max "$C" --config "$WORK/fanout/curl.config")
        got=$(( $(requests) - before ))
        [ "$got" -eq 10000 ] || { echo "curl sent $got requests, not 10000: not counted"; exit 1; }
        curl_rows+=("$s $cpu $rss")
    done
    python3 - "${loa_rows[@]}" -- "${curl_rows[@]}" <<'PY'
import statistics, sys
args = sys.argv[1:]
split = args.index("--")
def median(rows):
    rows = [tuple(map(float, r.split())) for r in rows]
    return tuple(statistics.median(col) for col in zip(*rows))
loa, curl = median(args[:split]), median(args[split + 1:])
for name, (s, cpu, rss) in (("loa run (release)", loa), ("curl --parallel", curl)):
    print(f"{name:<34} {s:>10.3f} {10000 / s:>10.0f} {cpu:>10.3f} {rss / 1024:>12.1f}")
print(f"{'ratio (loa / curl throughput)':<34} {curl[0] / loa[0]:>10.2f}")
# Each run's pair was measured back to back, so its ratio is the least touched by the machine's drift.
pairs = [float(c.split()[0]) / float(l.split()[0]) for l, c in zip(args[:split], args[split + 1:])]
print(f"{'ratio of each run':<34} {' '.join(f'{r:.2f}' for r in pairs)} (median {statistics.median(pairs):.2f})")
PY
}

idle() {
    python3 bench/generate.py idle --out "$WORK/idle" --url "http://127.0.0.1:$PORT" --announcements 10000 > /dev/null
    (cd "$WORK/idle" && "$LOA" run)
    local sent=$(sqlite3 "$WORK/idle/archive/loa.sqlite" "SELECT count(*) FROM deliveries WHERE status='sent'")
    [ "$sent" -eq 10000 ] || { echo "the idle workspace has $sent sent, not 10000"; exit 1; }
    (cd "$WORK/idle-empty" && "$LOA" run)
    echo "idle tick: loa run with nothing due (hyperfine, median)"
    hyperfine --warmup 3 --runs 21 --style none --export-json "$WORK/idle.json" \
        -n "10,000 delivered files" "cd $WORK/idle && $LOA run" \
        -n "empty queue" "cd $WORK/idle-empty && $LOA run" > /dev/null
    python3 - "$WORK/idle.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
full, empty = results["10,000 delivered files"], results["empty queue"]
print(f"{'10,000 delivered files':<34} {full * 1000:>8.1f} ms")
print(f"{'empty queue':<34} {empty * 1000:>8.1f} ms")
print(f"{'ratio':<34} {full / empty:>8.2f}")
PY
}

export_csv() {
    mkdir -p "$WORK/export"
    printf 'channels:\n  z:\n    platform: zalo\n    transport: outbox\n' > "$WORK/export/loa.yml"
    mkdir -p "$WORK/export/queue"
    (cd "$WORK/export" && "$LOA" run)
    python3 bench/archive.py "$WORK/export/archive/loa.sqlite" 100000
    echo "export: 100,000 deliveries with one attempt each, to CSV (hyperfine, median)"
    hyperfine --warmup 1 --runs 7 --style none --export-json "$WORK/export.json" \
        -n "loa export --format csv" "cd $WORK/export && $LOA export --format csv --output $WORK/export/loa.csv --force" \
        -n "sqlite3 -csv" "sqlite3 -csv -header $WORK/export/archive/loa.sqlite 'SELECT * FROM deliveries' > $WORK/export/sqlite.csv" > /dev/null
    local rows=$(( $(wc -l < "$WORK/export/loa.csv") - 1 ))
    [ "$rows" -eq 100000 ] || { echo "loa export wrote $rows rows, not 100000"; exit 1; }
    python3 - "$WORK/export.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
loa, sqlite = results["loa export --format csv"], results["sqlite3 -csv"]
print(f"{'loa export --format csv':<34} {loa * 1000:>8.1f} ms")
print(f"{'sqlite3 -csv':<34} {sqlite * 1000:>8.1f} ms")
print(f"{'ratio':<34} {loa / sqlite:>8.2f}")
PY
}

# Fan-out with another build of loa (say, main's, copied aside), this build and curl taking turns, RUNS times
# each: on a shared machine whose speed drifts, only runs interleaved like this compare two builds fairly.
compare() {
    local other="$1" runs="${2:-7}"
    [ -x "$other" ] || { echo "usage: bash bench/run.sh compare OTHER_LOA [RUNS]"; exit 2; }
    python3 bench/generate.py fanout --out "$WORK/fanout" --url "http://127.0.0.1:$PORT" \
        --announcements 100 --channels 100 --concurrency "$C" > /dev/null
    echo "fan-out, alternating $runs runs each: $other, this build, curl"
    for run in $(seq "$runs"); do
        for binary in "$other" "$LOA"; do
            rm -rf "$WORK/fanout/archive"
            local before=$(requests)
            read -r s cpu rss < <(cd "$WORK/fanout" && measure "$WORK/time.log" "$binary" run)
            [ $(( $(requests) - before )) -eq 10000 ] || { echo "$binary did not deliver 10000: not counted"; exit 1; }
            echo "$binary $s $rss"
        done
        read -r s cpu rss < <(measure "$WORK/time.log" curl --silent --parallel --parallel-immediate \
            --parallel-max "$C" --config "$WORK/fanout/curl.config")
        echo "curl $s $rss"
    done | python3 -c '
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in sys.stdin:
    name, seconds, rss = line.rsplit(None, 2)
    runs[name].append((float(seconds), int(rss)))
for name, values in runs.items():
    seconds = statistics.median(v[0] for v in values)
    print(f"{name[-40:]:<42} median {seconds:.3f} s, peak RSS {max(v[1] for v in values) / 1024:.1f} MiB")
'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(swift --version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%d)"
case "$what" in
    fanout) fanout ;;
    idle) idle ;;
    export) export_csv ;;
    all) fanout; echo; idle; echo; export_csv ;;
    compare) compare "${2:-}" "${3:-7}" ;;
    *) echo "usage: bash bench/run.sh [fanout|idle|export|all] | compare OTHER_LOA [RUNS]"; exit 2 ;;
esac
