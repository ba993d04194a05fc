#!/usr/bin/env bash
# Before and after in one run (docs/performance.md, issue 14): builds REV (default: the commit before
# the performance round) in a temporary worktree beside this tree, then measures both, alternating, on
# the same machine in the same minutes:
#   1. first decision of `audit` on the sample register through plain `java -jar` and through the
#      `dsa-audit` launcher, against a hello-world JVM from the same jar: medians of RUNS runs, ratios;
#   2. COUNT generated agreements end to end (JSON in, JSON out with decisive traces) at -Xmx512m;
#   3. JMH (DecisionBenchmark, with -prof gc) unless JMH=0.
# Not part of `mvn verify`. Usage: bench/before-after.sh [REV] [RUNS] [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-0cf59d1}
runs=${2:-9}
count=${3:-1000000}
here=$(pwd)
work=$(mktemp -d)
trap 'git worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

mvn -B -q install -DskipTests
mvn -B -q -pl dsa-rules-examples test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
git worktree add -f "$work/before" "$rev" >/dev/null 2>&1
# The new bench classes (the loop harnesses) are not needed by the old tree: JMH's benchmark is the same.
(cd "$work/before" && mvn -B -q package -DskipTests && mvn -B -q -pl dsa-rules-examples test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath)

# A tree's own classes first, then the third-party jars of its bench class path (not the installed
# dsa-rules jars, which are this tree's).
classpath() {
  local root=$1
  local third
  third=$(tr ':' '\n' < "$root/dsa-rules-examples/target/bench.classpath" | grep -v '/org/dsarules/' | paste -sd:)
  echo "$root/dsa-rules-examples/target/test-classes:$root/dsa-rules-examples/target/classes:$root/dsa-rules-core/target/classes:$root/dsa-rules-kb/target/classes:$root/dsa-rules-kb/target/test-classes:$third"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
sample="$here/dsa-rules-examples/samples/millbrook-register.json"
audit=(audit "$sample" --format json --as-of 2026-06-15 --trace none)

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "before: $rev ($(git log -1 --format=%s "$rev" | cut -c1-60)); after: $(git rev-parse --short HEAD)"
for tree in "$work/before" "$here"; do   # each launcher writes its archive on first use if missing
  [ -f "$tree/dsa-rules-examples/target/dsa-audit.jsa" ] || "$tree/dsa-rules-examples/dsa-audit" --version >/dev/null
done
: > "$work/times"
for _ in $(seq "$runs"); do
  for side in before after; do
    tree=$here; [ "$side" = before ] && tree="$work/before"
    jar="$tree/dsa-rules-examples/target/dsa-audit.jar"
    echo "$side hello $(ms java -cp "$jar" org.dsarules.examples.HelloWorld)" >> "$work/times"
    echo "$side jar $(ms java -jar "$jar" "${audit[@]}")" >> "$work/times"
    echo "$side launcher $(ms "$tree/dsa-rules-examples/dsa-audit" "${audit[@]}")" >> "$work/times"
  done
done
for side in before after; do
  h=$(awk -v s=$side '$1==s && $2=="hello" {print $3}' "$work/times" | median)
  j=$(awk -v s=$side '$1==s && $2=="jar" {print $3}' "$work/times" | median)
  l=$(awk -v s=$side '$1==s && $2=="launcher" {print $3}' "$work/times" | median)
  printf '%-6s hello-world %4d ms | java -jar audit %5d ms (%.1fx) | launcher %4d ms (%.1fx)   medians of %d\n' \
      "$side" "$h" "$j" "$(awk -v a="$j" -v b="$h" 'BEGIN{print a/b}')" "$l" "$(awk -v a="$l" -v b="$h" 'BEGIN{print a/b}')" "$runs"
done

java -jar "$here/dsa-rules-examples/target/dsa-audit.jar" generate --count "$count" --seed 1 --out "$work/register.json"
echo "generated $count agreements: $(du -h "$work/register.json" | cut -f1)"
for side in before after; do
  tree=$here; [ "$side" = before ] && tree="$work/before"
  /usr/bin/time -v java -Xmx512m -jar "$tree/dsa-rules-examples/target/dsa-audit.jar" audit "$work/register.json" \
      --format json --trace decisive --as-of 2026-06-15 --out "$work/decisions-$side.json" 2> "$work/time-$side.txt" || true
  wall=$(grep "Elapsed (wall clock)" "$work/time-$side.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$work/time-$side.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$work/time-$side.txt")
  decided=$(grep -c '"dsaId"' "$work/decisions-$side.json" || true)
  echo "$side $count agreements: wall $wall, CPU ${cpu} s, peak RSS $((rss / 1024)) MB, decisions written $decided"
  rm -f "$work/decisions-$side.json"
done

if [ "${JMH:-1}" != 0 ]; then
  for side in before after; do
    tree=$here; [ "$side" = before ] && tree="$work/before"
    echo "JMH, $side:"
    (cd "$work" && java -cp "$(classpath "$tree")" org.openjdk.jmh.Main DecisionBenchmark -t 1 -f 1 -wi 3 -w 4s -i 5 -r 4s -prof gc \
        | grep -E '^DecisionBenchmark\.[A-Za-z]+(:gc\.alloc\.rate\.norm)? ')
  done
fi
