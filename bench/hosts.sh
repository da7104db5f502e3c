#!/usr/bin/env bash
# Several hosts on one PostgreSQL archive: 10,000 deliveries (5 announcements × 2,000 webhook channels) drained by
# SQLite with one `loa run`, PostgreSQL with one, and PostgreSQL with three started together (LOA_HOST=h1|h2|h3),
# against a local bridge answering after 0 ms and after 50 ms.
# Usage: bash bench/hosts.sh [DELAYS_MS...]      (from the repository's folder; default: 0 50)
# Reports wall time until the last process exits, deliveries per second, CPU seconds of the loa processes, of
# PostgreSQL (the server and its backends) and of the bridge, and the duplicates in the bridge's log (must be 0).
# See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then delays=("$@"); else delays=(0 50); fi
C="${BENCH_CONCURRENCY:-64}"
PORT="${BENCH_PORT:-18481}"

[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
LOA="${BENCH_LOA:-$PWD/.build/release/loa}"
if [ -z "${BENCH_LOA:-}" ]; then
    # The machine's builds take turns on one lock (see the helper briefs); a build already made is reused.
    flock /tmp/loa-build.lock swift build -c release --product loa 2>&1 | tail -1
fi
WORK=$(mktemp -d /tmp/loa-hosts.XXXXXX)
chmod 755 "$WORK"
cleanup() {
    [ -n "${BRIDGE:-}" ] && kill "$BRIDGE" 2>/dev/null || true
    bash scripts/test-postgres stop "$WORK/pg" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

URL=$(bash scripts/test-postgres start "$WORK/pg")
export PGPASSWORD=$(sed -E 's|postgres://[^:]+:([^@]+)@.*|\1|' <<<"$URL")
PGPORT=$(sed -E 's|.*:([0-9]+)/.*|\1|' <<<"$URL")
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U loa -qAtX)
# The cluster is the tests' (scripts/test-postgres): fsync off, as SQLite's WAL at synchronous=NORMAL does not
# sync each commit either; the line below prints it.
POSTMASTER=$(head -n 1 "$WORK/pg/data/postmaster.pid")
# CPU seconds of a process and its reaped children (PostgreSQL's backends end with their connection).
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15 + $16 + $17) / hz }' "/proc/$1/stat"; }

python3 bench/generate.py fanout --out "$WORK/ws" --url "http://127.0.0.1:$PORT" \
    --announcements 5 --channels 2000 --concurrency "$C" > "$WORK/generate.log"
rm -rf "$WORK/ws/curl-bodies" "$WORK/ws/curl.config"
# Lease long enough that one host drains all 10,000 in one run (a run stops claiming at half the lease).
sed -i "s/^channels:/lease: 300s\nchannels:/" "$WORK/ws/loa.yml"

# Wall time of each setup of the current bridge delay, by name, for the ratios against the targets.
declare -A WALL
# measure NAME HOSTS ARCHIVE: one round, from a fresh archive; prints the figures' row.
measure() {
    local name=$1 hosts=$2 archive=$3
    rm -rf "$WORK/ws/archive" "$WORK/ws"/.loa-run-*.lock
    sed -i '/^archive:/d' "$WORK/ws/loa.yml"
    if [ "$archive" = postgres ]; then
        local db="bench_$RANDOM$RANDOM"
        "${PSQL[@]}" -d loa -c "CREATE DATABASE $db" >/dev/null
        sed -i "s|^channels:|archive: postgres://loa@127.0.0.1:$PGPORT/$db?sslmode=disable\nchannels:|" "$WORK/ws/loa.yml"
        # The clock includes making the tables (once, under an advisory lock), as SQLite's includes its file.
    fi
    : > "$WORK/bridge.log"
    local bridge_before=$(cpu_of "$BRIDGE") pg_before=$(cpu_of "$POSTMASTER")
    local start=$(date +%s.%N) pids=()
    for host in $(seq "$hosts"); do
        (cd "$WORK/ws" && LOA_HOST="h$host" /usr/bin/time -f "%U %S" -o "$WORK/time-$host" "$LOA" run \
            > "$WORK/run-$host.log" 2>&1) &
        pids+=($!)
    done
    local failed=0
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    local end=$(date +%s.%N)
    sleep 0.2
    local bridge_after=$(cpu_of "$BRIDGE") pg_after=$(cpu_of "$POSTMASTER")
    [ "$failed" -eq 0 ] || { echo "$name: a loa run failed:"; tail -n 5 "$WORK"/run-*.log; exit 1; }
    local loa_cpu=$(cat "$WORK"/time-* | awk '{ s += $1 + $2 } END { printf "%.2f", s }')
    rm -f "$WORK"/time-*
    local requests=$(wc -l < "$WORK/bridge.log") unique=$(awk '{ print $2 }' "$WORK/bridge.log" | sort -u | wc -l)
    local sent
    if [ "$archive" = postgres ]; then
        sent=$("${PSQL[@]}" -d "$db" -c "SELECT count(*) FROM deliveries WHERE status = 'sent'")
        local per_host=$("${PSQL[@]}" -d "$db" -c \
            "SELECT string_agg(host || ' ' || n, ', ' ORDER BY host) FROM (SELECT host, count(*) n FROM attempts GROUP BY host) h")
    else
        sent=$(sqlite3 "$WORK/ws/archive/loa.sqlite" "SELECT count(*) FROM deliveries WHERE status = 'sent'")
        local per_host="-"
    fi
    [ "$unique" -eq 10000 ] && [ "$sent" -eq 10000 ] || {
        echo "$name: $unique distinct deliveries reached the bridge and $sent are sent, not 10000: not counted"
        exit 1
    }
    WALL["$name"]=$(python3 -c "print(f'{$end - $start:.3f}')")
    python3 - "$name" "$start" "$end" "$loa_cpu" "$pg_before" "$pg_after" "$bridge_before" "$bridge_after" \
        "$requests" "$unique" "$per_host" <<'PY'
import sys
name, start, end, loa, pg0, pg1, br0, br1, requests, unique, hosts = sys.argv[1:]
wall = float(end) - float(start)
print(f"{name:<22} {wall:>8.2f} {10000 / wall:>8.0f} {float(loa):>8.2f} {float(pg1) - float(pg0):>8.2f} "
      f"{float(br1) - float(br0):>8.2f} {int(requests) - int(unique):>5}  {hosts}")
PY
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "postgres: $("${PSQL[@]}" -d loa -c 'SHOW server_version'), fsync $("${PSQL[@]}" -d loa -c 'SHOW fsync'); loa concurrency $C; $(cat "$WORK/generate.log")"
for delay in "${delays[@]}"; do
    python3 bench/bridge.py "$PORT" "$delay" "$WORK/bridge.log" &
    BRIDGE=$!
    sleep 0.5
    echo
    echo "bridge answering after $delay ms"
    printf '%-22s %8s %8s %8s %8s %8s %5s  %s\n' "" "wall s" "per s" "loa CPU" "pg CPU" "bridge" "dups" "attempts by host"
    measure "SQLite, 1 process" 1 sqlite
    measure "PostgreSQL, 1 process" 1 postgres
    measure "PostgreSQL, 3 processes" 3 postgres
    python3 -c "
sqlite, one, three = ${WALL[SQLite, 1 process]}, ${WALL[PostgreSQL, 1 process]}, ${WALL[PostgreSQL, 3 processes]}
print(f'three hosts drain {one / three:.2f}x as fast as one (target 2); one PostgreSQL host {sqlite / one:.2f}x SQLite (target 0.5)')"
    kill "$BRIDGE"; wait "$BRIDGE" 2>/dev/null || true; BRIDGE=
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
