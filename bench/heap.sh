#!/usr/bin/env bash
# Heap measurements (docs/performance.md). Not part of `mvn verify`.
#  1. heap retained by a shared DsaRules instance after 20,000 decisions;
#  2. heap after 1,000 DsaRules instances were built, used and closed (the embedding issue's cycle),
#     and after 20 with a run-time compiled overlay each.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -q -pl dsa-rules-examples test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="dsa-rules-examples/target/test-classes:dsa-rules-examples/target/classes:$(cat dsa-rules-examples/target/bench.classpath)"
java -Xmx256m -cp "$cp" org.dsarules.bench.RetainedHeap
java -Xmx256m -cp "$cp" org.dsarules.bench.BuildCloseHeap 1000
java -Xmx512m -cp "$cp" org.dsarules.bench.BuildCloseHeap 20 --overlay
