#!/usr/bin/env bash
# Fuzz voc's parsers with libFuzzer and AddressSanitizer.
#   scripts/fuzz.sh [SECONDS] [TARGET…]     default: 60 seconds each, every target (csv mime rfc2047 xml sentiment query)
# Seeds and every input that ever failed live in corpora/fuzz/<target>/ (replayed by `swift test`); the corpus a run
# grows goes to .build/fuzz-corpus/<target>/, and a failing input to fuzz-findings/<target>-crash-… (copy it into
# corpora/fuzz/<target>/ once fixed). Exits non-zero when any target finds a crash, leak, sanitizer report or hang.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv mime rfc2047 xml sentiment query)

# The instrumented build's output (the linker warns about every __asan_ symbol it resolves late) goes to a log,
# shown only when the build fails.
echo "== building voc-fuzz with libFuzzer and AddressSanitizer (log: .build/fuzz-build.log)"
mkdir -p .build
if ! swift build --build-path .build/fuzz --product voc-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING > .build/fuzz-build.log 2>&1; then
    cat .build/fuzz-build.log
    exit 1
fi
binary=.build/fuzz/debug/voc-fuzz
echo "== fuzzing ${#targets[@]} targets for ${seconds}s each: about $(( (${#targets[@]} * seconds + 59) / 60 )) minutes"
mkdir -p fuzz-findings
status=0
for target in "${targets[@]}"; do
    mkdir -p ".build/fuzz-corpus/$target"
    echo "== fuzzing $target for ${seconds}s"
    VOC_FUZZ_TARGET="$target" "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="fuzz-findings/$target-" \
        ".build/fuzz-corpus/$target" "corpora/fuzz/$target" 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|Test unit written|.*ERROR)" || true
    if ls fuzz-findings/"$target"-* >/dev/null 2>&1; then status=1; fi
done
exit $status
