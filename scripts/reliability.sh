#!/bin/sh
# The long runs behind README's "Reliability" figures: 1,000 saves with writers
# killed at random moments, and 4 writers making 10,000 edits at once. Release build.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product etjanst >/dev/null
scripts/crash-test.py 1000 .build/release/etjanst
scripts/crash-test.py --writers 4 --edits 10000 .build/release/etjanst
