#!/usr/bin/env bash
# Whole-process measurements (docs/performance.md):
#  1. time to the first decision of `dsa-audit audit` on the sample register, against a bare
#     hello-world run from the same jar (the JVM's floor), median of RUNS runs;
#  2. a 1,000,000-agreement audit (generated, JSON in, JSON out with decisive traces) with -Xmx512m:
#     wall time and peak memory (resident set size).
# Usage: bench/process.sh [RUNS] [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
count=${2:-1000000}
jar=dsa-rules-examples/target/dsa-audit.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
timeit() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
hello=$(for _ in $(seq "$runs"); do timeit java -cp "$jar" org.dsarules.examples.HelloWorld; done | median)
first=$(for _ in $(seq "$runs"); do timeit java -jar "$jar" audit dsa-rules-examples/samples/millbrook-register.json --format json --as-of 2026-06-15 --trace none; done | median)
rm -f dsa-rules-examples/target/dsa-audit.jsa
dsa-rules-examples/dsa-audit --version >/dev/null   # the first run writes the class-data-sharing archive
fast=$(for _ in $(seq "$runs"); do timeit dsa-rules-examples/dsa-audit audit dsa-rules-examples/samples/millbrook-register.json --format json --as-of 2026-06-15 --trace none; done | median)
echo "hello-world (java -cp, same jar): ${hello} ms"
echo "first decision, java -jar:        ${first} ms  (ratio $(awk -v a="$first" -v b="$hello" 'BEGIN{printf "%.1f", a/b}')x)"
echo "first decision, dsa-audit script: ${fast} ms  (ratio $(awk -v a="$fast" -v b="$hello" 'BEGIN{printf "%.1f", a/b}')x; CDS archive + C1)"

java -jar "$jar" generate --count "$count" --seed 1 --out "$work/register.json"
echo "generated $count agreements: $(du -h "$work/register.json" | cut -f1)"
/usr/bin/time -v java -Xmx512m -jar "$jar" audit "$work/register.json" --format json --trace decisive \
    --as-of 2026-06-15 --out "$work/decisions.json" 2> "$work/time.txt" || true
grep -E "Elapsed \(wall clock\)|Maximum resident set size|Exit status" "$work/time.txt"
decided=$(grep -c '"dsaId"' "$work/decisions.json" || true)
errors=$(grep -o '"ERROR" *: *[0-9]*' "$work/decisions.json" | grep -o '[0-9]*$')
echo "decisions written: $decided, errors: $errors, input: $count"
