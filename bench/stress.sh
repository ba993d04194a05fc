#!/usr/bin/env bash
# Determinism under load (issue 15): the byte-for-byte tests (the example documents, the precompiled
# against the run-time compiled rules) run ROUNDS times while BURNERS busy loops compete for the CPU,
# each round in a fresh JVM so that every round loads the rules again. Not part of `mvn verify`.
# Usage: bench/stress.sh [ROUNDS] [BURNERS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
burners=${2:-$(nproc)}
mvn -B -q install -DskipTests
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for _ in $(seq "$burners"); do
  ( while :; do :; done ) &
  pids+=($!)
done
failed=0
for r in $(seq "$rounds"); do
  if mvn -B -q -o -pl dsa-rules-kb,dsa-rules-examples surefire:test \
      -Dtest='SampleDocumentsTest,DeterminismTest' \
      -Dsurefire.failIfNoSpecifiedTests=false > "target/stress-$r.log" 2>&1; then
    echo "round $r: same bytes"
  else
    echo "round $r: FAILED (target/stress-$r.log)"
    failed=$((failed + 1))
  fi
done
echo "$rounds rounds under $burners busy loops: $failed failed"
[ "$failed" -eq 0 ]
