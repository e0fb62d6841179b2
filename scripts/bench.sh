#!/usr/bin/env bash
# Reproduces the side-by-side table in BENCHMARKS.md: voc against the tools a CX analyst would use instead, on
# the same generated files, in one run.
#
#   scripts/bench.sh [ROWS...]        default: 100000 1000000 10000000
#
# Environment: BENCH_DIR (work directory, default /tmp/voc-bench), PYTHON_MAX_ROWS (largest size the slow
# pandas + vaderSentiment pipeline runs at, default 1000000), VOC (a voc binary; default: a fresh release build).
# Needs python3 with venv and pip (installs pandas and vaderSentiment into BENCH_DIR/venv) and xmllint
# (Debian: apt-get install -y python3-venv libxml2-utils). Every row checks its record count; a wrong count stops
# the run. Prints a Markdown table on standard output; progress goes to standard error.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000 10000000)
dir=${BENCH_DIR:-/tmp/voc-bench}
python_max=${PYTHON_MAX_ROWS:-1000000}
mkdir -p "$dir"

if [ -z "${VOC:-}" ]; then
    swift build -c release --product voc >&2
    VOC=$dir/voc
    cp .build/release/voc "$VOC"   # a copy, so rebuilding the package during the run cannot change the binary
fi
export VOC_LEXICONS=$repo/lexicons

if [ ! -x "$dir/venv/bin/python" ]; then
    python3 -m venv "$dir/venv" >&2
    "$dir/venv/bin/pip" install -q pandas vaderSentiment >&2
fi
py=$dir/venv/bin/python
# Reads `voc inspect --format json` on standard input and prints its record count.
read_count="'$py' -c 'import json, sys; print(json.load(sys.stdin)[\"counts\"][\"read\"])'"

# measure NAME FILE ROWS EXPECTED -- COMMAND...: runs COMMAND under /usr/bin/time; its last output line must be
# the record count, which has to equal EXPECTED. Prints one table row.
measure() {
    local name=$1 file=$2 rows=$3 expected=$4
    shift 5
    echo "… $name ($rows)" >&2
    local out
    out=$(/usr/bin/time -f "%e %M" -o "$dir/time" "$@" | tail -n 1)
    if [ "$out" != "$expected" ]; then
        echo "$name on $file counted '$out', expected $expected" >&2
        exit 1
    fi
    read -r seconds kilobytes < <(tail -n 1 "$dir/time")
    local bytes
    bytes=$(stat -c %s "$file")
    awk -v n="$name" -v r="$rows" -v s="$seconds" -v k="$kilobytes" -v b="$bytes" -v c="$out" 'BEGIN {
        printf "| %s | %d | %.1f MB | %.2f s | %.1f MB/s | %.0f | %.0f MB | %s |\n",
               n, r, b / 1e6, s, (s > 0 ? b / 1e6 / s : 0), (s > 0 ? r / s : 0), k / 1024, c }'
}

echo "| what | records | input | time | throughput | records/s | peak memory | records counted |"
echo "|---|---|---|---|---|---|---|---|"
for rows in "${sizes[@]}"; do
    csv=$dir/surveys$rows.csv
    [ -s "$csv" ] || "$VOC" generate --rows "$rows" --accounts 10000 --seed 42 -o "$csv"
    lines=$((rows + 1))

    measure "wc -l (floor)" "$csv" "$rows" "$lines" -- sh -c "wc -l < '$csv'"
    measure "Python csv.reader" "$csv" "$rows" "$lines" -- python3 -c "
import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline='', encoding='utf-8'))))" "$csv"
    measure "voc bench csv (split and decode every field)" "$csv" "$rows" "$lines" -- sh -c "'$VOC' bench csv --repeats 1 '$csv' | sed -n 's/^\\([0-9]*\\) records.*/\\1/p'"
    measure "pandas read_csv" "$csv" "$rows" "$rows" -- "$py" -c "
import pandas, sys; print(len(pandas.read_csv(sys.argv[1])))" "$csv"
    if [ "$rows" -le "$python_max" ]; then
        measure "pandas + vaderSentiment: NPS/CSAT/CES and mean sentiment per account" "$csv" "$rows" "$rows" -- "$py" "$repo/scripts/pandas_vader.py" "$csv"
    fi
    measure "voc inspect (parse, decode, map, validate)" "$csv" "$rows" "$rows" -- sh -c "'$VOC' inspect --format json '$csv' | $read_count"
    rm -f "$dir/b.sqlite"*
    measure "voc ingest → SQLite (parse, score every comment, store)" "$csv" "$rows" "$rows" -- sh -c "'$VOC' ingest '$csv' --store '$dir/b.sqlite' | sed -n 's/^read \([0-9]*\) = .*/\1/p'"
    measure "voc health (10,000 accounts)" "$dir/b.sqlite" "$rows" 10000 -- sh -c "'$VOC' health --store '$dir/b.sqlite' --format json | '$py' -c 'import json, sys; print(len(json.load(sys.stdin)[\"accounts\"]))'"
done

# Comments alone, one per line, for the classifier (one core).
comments=$dir/comments.txt
[ -s "$comments" ] || "$py" -c "
import csv, sys
rows = csv.reader(open(sys.argv[1], newline='', encoding='utf-8')); next(rows)
open(sys.argv[2], 'w', encoding='utf-8').write(''.join(r[9] + '\n' for r in rows))" "$dir/surveys${sizes[0]}.csv" "$comments"
texts=$(wc -l < "$comments")
measure "vaderSentiment polarity_scores, one core" "$comments" "$texts" "$texts" -- "$py" -c "
import sys; from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as S
a = S(); t = open(sys.argv[1], encoding='utf-8').read().splitlines(); [a.polarity_scores(x) for x in t]; print(len(t))" "$comments"
measure "voc tokenize, one core" "$comments" "$texts" "$texts" -- sh -c "'$VOC' bench tokenize --repeats 1 '$comments' | sed -n 's/^\([0-9]*\) texts.*/\1/p'"
measure "voc sentiment, one core" "$comments" "$texts" "$texts" -- sh -c "'$VOC' bench sentiment --repeats 1 '$comments' | sed -n 's/^\([0-9]*\) texts.*/\1/p'"

# E-mail and XML exports at the sizes issue #4 asks for (≥ 50 MB, ≥ 100 MB).
mbox=$dir/m.mbox
xml=$dir/x.xml
[ -s "$mbox" ] || "$VOC" generate --format mbox --rows 150000 --seed 42 -o "$mbox"
[ -s "$xml" ] || "$VOC" generate --format xml --rows 450000 --seed 42 -o "$xml"
measure "Python mailbox + email (body of every message)" "$mbox" 150000 150000 -- python3 -c "
import mailbox, email.policy, sys
n = 0
for m in mailbox.mbox(sys.argv[1], factory=lambda f: email.message_from_binary_file(f, policy=email.policy.default)):
    b = m.get_body(preferencelist=('plain', 'html')); b.get_content() if b else ''; n += 1
print(n)" "$mbox"
measure "Python mailbox, compat32 (raw bytes of the first text/plain part, no charset or HTML decoding)" "$mbox" 150000 150000 -- python3 -c "
import mailbox, sys
n = 0
for m in mailbox.mbox(sys.argv[1]):
    for part in m.walk():
        if part.get_content_type() == 'text/plain': part.get_payload(decode=True); break
    n += 1
print(n)" "$mbox"
measure "voc inspect mbox (split, MIME, charsets, reply stripping)" "$mbox" 150000 150000 -- sh -c "'$VOC' inspect --format json '$mbox' | $read_count"
measure "xmllint --stream --noout" "$xml" 450000 0 -- sh -c "xmllint --stream --noout '$xml'; echo \$?"
measure "voc inspect XML (libxml2 reader, mapping, validation)" "$xml" 450000 450000 -- sh -c "'$VOC' inspect --format json '$xml' | $read_count"
