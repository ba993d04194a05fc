#!/usr/bin/env bash
# An LMC's system (docs/performance.md, issue 13): PRACTICES generated registers of AGREEMENTS
# agreements each, and every document for them (per practice: decision JSON, HTML report, letter,
# BMA referrals, PPG page, questionnaire; for the system: report as text, HTML and JSON, one
# questionnaire, the LMC's letter) in ONE process with one DsaRules: whole-process wall time, median
# of RUNS. With --with-loop also the old way, one process per register and command (audit + letter).
# Usage: bench/system.sh [RUNS] [PRACTICES] [AGREEMENTS] [--with-loop]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
practices=${2:-20}
agreements=${3:-40}
loop=${4:-}
jar=dsa-rules-examples/target/dsa-audit.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
# -am: the sibling modules from this build, never an older copy installed in ~/.m2
mvn -B -q -pl dsa-rules-examples -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="dsa-rules-examples/target/test-classes:dsa-rules-examples/target/classes:$(cat dsa-rules-examples/target/bench.classpath)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/registers"
for i in $(seq "$practices"); do
  java -jar "$jar" generate --count "$agreements" --seed "$i" --programmes --out "$work/registers/practice-$(printf %02d "$i").json"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
timeit() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: compare CPU time under load)"
/usr/bin/time -f "one process, every document: %e s wall, %U s user + %S s system CPU, %M KB peak" \
    java -cp "$cp" org.dsarules.bench.SystemDocuments "$work/registers" "$work/out" 2026-06-15
one=$(for _ in $(seq "$runs"); do timeit java -cp "$cp" org.dsarules.bench.SystemDocuments "$work/registers" "$work/out" 2026-06-15; done | median)
echo "one process, every document: ${one} ms (median of $runs, whole process)"
cli=$(for _ in $(seq "$runs"); do timeit java -jar "$jar" audit "$work/registers" --format html --out "$work/system.html" --as-of 2026-06-15; done | median)
echo "dsa-audit audit DIR --format html (the system report alone): ${cli} ms"
if [ "$loop" = "--with-loop" ]; then
  s=$(date +%s%N)
  for f in "$work"/registers/*.json; do
    java -jar "$jar" audit "$f" --as-of 2026-06-15 >/dev/null
    java -jar "$jar" letter "$f" --as-of 2026-06-15 >/dev/null
  done
  e=$(date +%s%N)
  echo "the old way, a process per register and command (audit + letter): $(( (e - s) / 1000000 )) ms"
fi
