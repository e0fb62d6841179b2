#!/usr/bin/env bash
# The whole test suite under AddressSanitizer, in its own build directory.
# A separate job from .ci/run because it rebuilds every dependency instrumented (SwiftNIO, BoringSSL, Hummingbird):
# about 25 minutes on 2 cores before the tests start. Any sanitizer report fails the run.
# UndefinedBehaviorSanitizer: this toolchain refuses `-sanitize=undefined` for Swift on Linux ("unsupported option");
# Swift itself traps on what it would catch in Swift code (overflow, out-of-bounds, invalid unwrap) in every build.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:halt_on_error=1"
swift test --build-path .build/sanitize --sanitize=address "$@"
