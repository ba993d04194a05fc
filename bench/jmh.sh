#!/usr/bin/env bash
# JMH: decisions per second with a full trace, with the decisive step only, and for the plain-Java
# reference reading of the policy. Not part of `mvn verify`. Extra arguments go to JMH, e.g.
#   bench/jmh.sh -f 1 -wi 3 -i 5
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -q -pl dsa-rules-examples test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="dsa-rules-examples/target/test-classes:dsa-rules-examples/target/classes:$(cat dsa-rules-examples/target/bench.classpath)"
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-f 1 -wi 3 -w 5s -i 5 -r 5s)
exec java -cp "$cp" org.openjdk.jmh.Main DecisionBenchmark -t 1 "${args[@]}"
