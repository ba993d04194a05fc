#!/usr/bin/env bash
# The workspace (issue 31, docs/workspace.md): a register page of AGREEMENTS agreements rendered over
# HTTP (first time, when the version is decided; then the median of ROUNDS), and an edit saved and
# decided again (median of ROUNDS). Budgets: a page under 300 ms, an edit under 50 ms on this machine.
# Usage: bench/workspace.sh [AGREEMENTS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
agreements=${1:-100}
rounds=${2:-30}
jar=dsa-rules-examples/target/dsa-audit.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
# -am: the sibling modules from this build, never an older copy installed in ~/.m2
mvn -B -q -pl dsa-rules-examples -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="dsa-rules-examples/target/test-classes:dsa-rules-examples/target/classes:$(cat dsa-rules-examples/target/bench.classpath)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" generate --count "$agreements" --seed 7 --programmes --out "$work/register.json"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"
java -cp "$cp" org.dsarules.bench.WorkspaceBench "$work/register.json" "$work/data" "$rounds"
