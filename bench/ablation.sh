#!/usr/bin/env bash
# Where the time goes (docs/performance.md): a bare Drools loop over the default knowledge base in each
# session strategy (reuse, reset, fresh, pool, stateless), and throughput with each rule file removed in turn. Not part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -q -pl dsa-rules-examples test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="dsa-rules-examples/target/test-classes:dsa-rules-examples/target/classes:$(cat dsa-rules-examples/target/bench.classpath)"
java -cp "$cp" org.dsarules.bench.BareDrools 3 reuse reset fresh pool stateless
java -cp "$cp" org.dsarules.bench.RuleFileAblation
