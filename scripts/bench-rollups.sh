#!/usr/bin/env bash
# Before and after for the per-account rollups (issue #30) and emerging themes (issue #33), in one run on one machine:
# the same generated export ingested by two voc binaries, then each account-level command and `voc themes` timed on
# each binary's store, alternating (the first `voc themes` of each, which may count a phrase index, apart).
#
#   scripts/bench-rollups.sh BEFORE_VOC AFTER_VOC [ROWS] [ACCOUNTS]      default: 1000000 records, 2000 accounts
#
# Environment: BENCH_DIR (work directory, default /tmp/voc-bench-rollups), REPEATS (runs per command and binary,
# default 5; the first `voc alerts` over the whole store, which changes it, runs once per binary on a fresh copy).
# Needs curl (the dashboard's first page). Prints a Markdown table: median wall time with the fastest and slowest
# run, and the largest peak resident memory; progress goes to standard error.
set -euo pipefail

before=$(realpath "$1")
after=$(realpath "$2")
rows=${3:-1000000}
accounts=${4:-2000}
repeats=${REPEATS:-5}
cd "$(dirname "$0")/.."
export VOC_LEXICONS=$PWD/lexicons
dir=${BENCH_DIR:-/tmp/voc-bench-rollups}
mkdir -p "$dir"
csv=$dir/surveys-$rows-$accounts.csv
[ -s "$csv" ] || "$after" generate --rows "$rows" --accounts "$accounts" --seed 42 -o "$csv"

# timed NAME -- COMMAND...: appends "NAME seconds kilobytes" to $dir/times.
timed() {
    local name=$1
    shift 2
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > /dev/null 2>&1 || true
    echo "$name $(tail -n 1 "$dir/time")" >> "$dir/times"
}

# A copy of a store (with its write-ahead log, if any) for a command that changes it.
copy_store() { rm -f "$2"*; for suffix in "" -wal -shm; do [ -e "$1$suffix" ] && cp "$1$suffix" "$2$suffix"; done; true; }

# The dashboard's first page: the server is started, and the time to answer its first request measured.
first_page() {
    local voc=$1 store=$2 port=$((20000 + RANDOM % 20000))
    "$voc" serve --store "$store" --port "$port" 2> /dev/null &
    local server=$!
    until curl -s -o /dev/null "http://127.0.0.1:$port/healthz" 2> /dev/null || curl -s -o /dev/null "http://127.0.0.1:$port/api/quarantine?limit=1"; do sleep 0.2; done
    curl -s -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$port/"
    kill "$server"
    wait "$server" 2> /dev/null || true
}

: > "$dir/times"
for side in before after; do
    voc=${!side}
    echo "… $side: ingest of $rows records" >&2
    rm -f "$dir/$side.sqlite"*
    timed "$side ingest" -- "$voc" ingest "$csv" --store "$dir/$side.sqlite"
done
account=$("$after" accounts --store "$dir/after.sqlite" --format csv | sed -n '2p' | cut -d, -f1)
for side in before after; do
    echo "… $side: the first voc themes" >&2
    timed "$side themes-first" -- "${!side}" themes --as-of 2024-12-20 --store "$dir/$side.sqlite"
done
for run in $(seq "$repeats"); do
    echo "… run $run of $repeats" >&2
    for side in before after; do
        voc=${!side}
        store=$dir/$side.sqlite
        timed "$side accounts" -- "$voc" accounts --store "$store"
        timed "$side account" -- "$voc" account "$account" --store "$store"
        timed "$side health" -- "$voc" health --store "$store"
        timed "$side health-json" -- "$voc" health --store "$store" --format json
        echo "$side dashboard $(first_page "$voc" "$store") 0" >> "$dir/times"
        timed "$side themes" -- "$voc" themes --as-of 2024-12-20 --store "$store"
    done
done
for side in before after; do
    voc=${!side}
    echo "… $side: the first voc alerts over the whole store, then one with nothing new" >&2
    copy_store "$dir/$side.sqlite" "$dir/$side-alerts.sqlite"
    timed "$side alerts-first" -- "$voc" alerts --store "$dir/$side-alerts.sqlite"
    for run in $(seq "$repeats"); do timed "$side alerts-nothing-new" -- "$voc" alerts --store "$dir/$side-alerts.sqlite"; done
done

echo "| command ($rows records, $accounts accounts) | before: median (min–max) | peak memory | after: median (min–max) | peak memory | ratio |"
echo "|---|---|---|---|---|---|"
for name in ingest accounts account health health-json dashboard themes-first themes alerts-first alerts-nothing-new; do
    awk -v n="$name" '
        function stats(side,   count, i, j, t, v) {
            count = 0
            for (i = 1; i <= lines; i++) if (label[i] == side " " n) { v[++count] = secs[i]; if (kb[i] > peak[side]) peak[side] = kb[i] }
            for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
            median[side] = count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
            return sprintf("%.2f s (%.2f–%.2f)", median[side], v[1], v[count])
        }
        { label[++lines] = $1 " " $2; secs[lines] = $3; kb[lines] = $4 }
        END {
            b = stats("before"); a = stats("after")
            printf "| %s | %s | %.0f MB | %s | %.0f MB | %.1f× |\n", n, b, peak["before"] / 1024, a, peak["after"] / 1024,
                   (median["after"] > 0 ? median["before"] / median["after"] : 0)
        }' "$dir/times"
done
