#!/usr/bin/env bash
# Memory does not grow with the records in error (issue 15, docs/errors.md section 7):
#  1. COUNT agreements (default 5,000,000), each with a distinct id and an unknown field, audited to
#     JSON and to text at -Xmx64m: wall time, peak resident set, exit status, and the errors counted
#     in the output (all COUNT of them must be there);
#  2. 1,000,000 rows of one duplicated id (a 2 MB CSV) audited to JSON at -Xmx64m.
# Needs about 2.5 GB in the temporary folder for the 5,000,000-record outputs. Not part of `mvn verify`
# (BoundedMemoryTest runs the same at small scale).
# Usage: bench/errors-heap.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5000000}
jar=dsa-rules-examples/target/dsa-audit.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/bad.json" "$count" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write('{"agreements": [\n')
    for i in range(n):
        f.write('{"id": "B%d", "colour": 1}%s\n' % (i, "," if i < n - 1 else ""))
    f.write("]}\n")
PY
python3 -c "print('id'); print('A\\n' * 999999 + 'A')" > "$work/duplicates.csv"

run() {
    local label=$1; shift
    local out=$1; shift
    local status=0
    /usr/bin/time -f "%e %M" -o "$work/time" java -Xmx64m -jar "$jar" "$@" --as-of 2026-06-15 --out "$out" \
        2> "$work/err" || status=$?
    read -r secs kb < <(tail -1 "$work/time")
    local errors
    if [[ $out == *.json ]]; then
        errors=$(grep -c '"index"' "$out" || true)
    else
        errors=$(grep -c '^  record ' "$out" || true)
    fi
    printf '%-34s exit %s  %8s s  peak RSS %6d MB  errors in output %s  stderr: %s\n' \
        "$label" "$status" "$secs" $((kb / 1024)) "$errors" "$(head -c 120 "$work/err")"
    rm -f "$out"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
run "$count bad records, json" "$work/out.json" audit "$work/bad.json" --format json
run "$count bad records, text" "$work/out.txt" audit "$work/bad.json" --format text
run "1000000 duplicate-id rows, json" "$work/dup.json" audit "$work/duplicates.csv" --format json
