#!/usr/bin/env bash
# Prints an md5 per output of voc on the bundled corpora and on a generated store, so that a refactor that must not
# change a byte can be checked: run it with the binary from before and after the change and diff the two listings.
#
#   scripts/output-digests.sh VOC [ROWS]        ROWS: generated records (default 100000)
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

# digest NAME COMMAND...: the md5 of COMMAND's standard output (its status is part of the line).
digest() {
    local name=$1 status=0
    shift
    "$@" > "$dir/out" 2> /dev/null || status=$?
    sed -E 's/"emitted_at":"[^"]*"/"emitted_at":""/g; s/· generated [0-9TZ:-]+/· generated/' "$dir/out" | md5sum | awk -v n="$name" -v s="$status" '{ print $1, "exit " s, n }'
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
    digest "$set: export records" "$voc" export records --format ndjson --store "$store"
    digest "$set: accounts" "$voc" accounts --format json --store "$store"
    digest "$set: health" "$voc" health --format json --store "$store"
    digest "$set: alerts" "$voc" alerts --store "$store"
    digest "$set: alerts --all" "$voc" alerts --all --store "$store"
    digest "$set: report" "$voc" report --html - --store "$store"
    digest "$set: quarantine" "$voc" quarantine --format json --store "$store"
done
