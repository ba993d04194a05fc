#!/usr/bin/env bash
# Heap retained by a shared DsaRules instance (docs/performance.md). Not part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -q -pl dsa-rules-examples test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx256m -cp "dsa-rules-examples/target/test-classes:dsa-rules-examples/target/classes:$(cat dsa-rules-examples/target/bench.classpath)" \
    org.dsarules.bench.RetainedHeap
