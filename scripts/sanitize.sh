#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its own build directory.
# A separate job from .ci/run because it rebuilds every dependency instrumented (SwiftNIO, BoringSSL, Hummingbird):
# about 25 minutes on 2 cores before the tests start. Any sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
swift test --build-path .build/sanitize --sanitize=address --sanitize=undefined "$@"
