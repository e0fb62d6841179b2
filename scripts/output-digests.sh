#!/usr/bin/env bash
# Prints an md5 per output of voc on the bundled corpora and on a generated store, so that a refactor that must not
# change a byte can be checked: run it with the binary from before and after the change and diff the two listings.
#
#   scripts/output-digests.sh VOC [ROWS]        ROWS: generated records (default 100000)
#
# Each read-only command runs twice: a line marked NOT REPRODUCIBLE means the same store gave two different outputs.
#
# Environment: DIGEST_DIR (work directory, default /tmp/voc-digests; emptied first, so paths in the outputs match
# between runs). Alert lines carry the time they were emitted and the report the time it was written: both are
# blanked before digesting.
set -euo pipefail

voc=$(realpath "$1")
rows=${2:-100000}
cd "$(dirname "$0")/.."
export VOC_LEXICONS=$PWD/lexicons
dir=${DIGEST_DIR:-/tmp/voc-digests}
rm -rf "$dir"
mkdir -p "$dir"

# run COMMAND...: the md5 of COMMAND's standard output, with its exit status.
run() {
    local status=0
    "$@" > "$dir/out" 2> /dev/null || status=$?
    sed -E 's/"emitted_at":"[^"]*"/"emitted_at":""/g; s/· generated [0-9TZ:-]+/· generated/' "$dir/out" | md5sum | awk -v s="$status" '{ print $1, "exit " s }'
}

# digest NAME COMMAND...: one line with the md5 and exit status of COMMAND.
digest() {
    local name=$1
    shift
    echo "$(run "$@") $name"
}

# again NAME COMMAND...: as digest, for a command that changes nothing, run twice to check that it is reproducible.
again() {
    local name=$1 first second
    shift
    first=$(run "$@")
    second=$(run "$@")
    echo "$first $name$([ "$first" = "$second" ] || echo " NOT REPRODUCIBLE")"
}

"$voc" generate --rows "$rows" --seed 7 --output "$dir/generated.csv"
for set in bundled generated; do
    store=$dir/$set.sqlite
    if [ "$set" = bundled ]; then
        digest "$set: ingest" "$voc" ingest corpora/surveys corpora/xml corpora/email --format json --store "$store"
        digest "$set: accounts import" "$voc" accounts import corpora/crm/accounts.csv --store "$store"
    else
        digest "$set: ingest" "$voc" ingest "$dir/generated.csv" --format json --store "$store"
    fi
    again "$set: export records" "$voc" export records --format ndjson --store "$store"
    again "$set: accounts" "$voc" accounts --format json --store "$store"
    again "$set: health" "$voc" health --format json --store "$store"
    digest "$set: alerts" "$voc" alerts --store "$store"
    again "$set: alerts --all" "$voc" alerts --all --store "$store"
    again "$set: report" "$voc" report --html - --store "$store"
    again "$set: quarantine" "$voc" quarantine --format json --store "$store"
done
