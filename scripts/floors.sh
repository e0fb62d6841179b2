#!/usr/bin/env bash
# Measures the floors under the two speed bars of issues #3 and #7 beside voc's own figures, on one machine, in
# one run (BENCHMARKS.md, "The floors under the bars"):
#
#   - sentiment: vaderSentiment, voc's classifier, and the least a lexicon classifier can do in C
#     (scripts/floors/bag_of_words.c: one hash look-up per word, no rules), all on one core;
#   - ingest: `voc ingest` of a generated survey file against SQLite alone copying the same stored rows into an
#     empty store of the same schema (`INSERT … SELECT` in batches of 16,384 rows, as voc commits them), through
#     the write-ahead log and through the rollback journal.
#
#   scripts/floors.sh [ROWS]          default 600000 rows for the ingest floor; sentiment uses 100,000 comments
#
# Environment: BENCH_DIR (default /tmp/voc-floors), VOC (a voc binary; default: a fresh release build).
# Needs a C compiler, the sqlite3 shell and python3 with venv and pip
# (Debian: apt-get install -y gcc sqlite3 python3-venv); installs vaderSentiment into BENCH_DIR/venv.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD
rows=${1:-600000}
dir=${BENCH_DIR:-/tmp/voc-floors}
mkdir -p "$dir"
if [ -z "${VOC:-}" ]; then
    swift build -c release --product voc >&2
    VOC=$dir/voc
    cp .build/release/voc "$VOC"
fi
export VOC_LEXICONS=$repo/lexicons
one_core=(taskset -c 0)
command -v taskset >/dev/null || one_core=()
if [ ! -x "$dir/venv/bin/python" ]; then
    python3 -m venv "$dir/venv" >&2
    "$dir/venv/bin/pip" install -q vaderSentiment >&2
fi

echo "## sentiment, one core"
"$VOC" generate --rows 100000 --seed 3 -o "$dir/s100k.csv" >&2
python3 -c 'import csv, sys
rows = csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))
next(rows)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in rows: out.write(row[9].replace("\n", " ") + "\n")' "$dir/s100k.csv" "$dir/comments.txt"
head -n 20000 "$dir/comments.txt" > "$dir/comments20k.txt"
"${one_core[@]}" "$dir/venv/bin/python" -c 'import sys, time
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
analyzer = SentimentIntensityAnalyzer()
texts = open(sys.argv[1], encoding="utf-8").read().splitlines()
start = time.perf_counter()
for text in texts: analyzer.polarity_scores(text)
seconds = time.perf_counter() - start
print(f"{len(texts)} texts in {seconds:.3f} s: {len(texts) / seconds:.0f} texts/s (vaderSentiment)")' "$dir/comments20k.txt"
for _ in 1 2 3; do "${one_core[@]}" "$VOC" bench sentiment --summary "$dir/comments.txt" | tail -n 1; done
cc -O2 -o "$dir/bag_of_words" scripts/floors/bag_of_words.c -lm
cat lexicons/*/sentiment.tsv > "$dir/lexicon.tsv"
for _ in 1 2 3; do "${one_core[@]}" "$dir/bag_of_words" "$dir/lexicon.tsv" "$dir/comments.txt"; done

echo "## ingest of $rows rows"
"$VOC" generate --rows "$rows" --seed 42 --broken 0.001 -o "$dir/surveys.csv" >&2
for _ in 1 2 3; do
    rm -f "$dir/store.sqlite"*
    /usr/bin/time -f "voc ingest: %e s (%U s user, %S s system)" "$VOC" ingest "$dir/surveys.csv" --store "$dir/store.sqlite" > /dev/null \
        || [ $? -eq 1 ]  # 1: the generated broken rows were quarantined
done
stored=$(sqlite3 "$dir/store.sqlite" "SELECT COUNT(*) FROM feedback")
sqlite3 "$dir/store.sqlite" .schema | grep -v sqlite_sequence > "$dir/schema.sql"
for _ in 1 2 3; do
    for mode in WAL DELETE; do
        rm -f "$dir/copy.sqlite"*
        {
            echo "PRAGMA journal_mode = $mode; PRAGMA synchronous = $([ $mode = WAL ] && echo NORMAL || echo FULL);"
            echo ".read $dir/schema.sql"
            echo "DROP INDEX feedback_account;"  # voc builds it after a bulk load too
            echo "ATTACH '$dir/store.sqlite' AS stored;"
            for ((first = 0; first < stored; first += 16384)); do
                echo "BEGIN; INSERT INTO feedback SELECT * FROM stored.feedback WHERE id > $first AND id <= $((first + 16384)); COMMIT;"
            done
        } > "$dir/copy.sql"
        /usr/bin/time -f "sqlite3, $stored rows, $mode journal: %e s (%U s user, %S s system)" sqlite3 "$dir/copy.sqlite" < "$dir/copy.sql" > /dev/null
    done
done
