#!/usr/bin/env bash
# Where a decision's time and allocation go: DecideLoop (one thread, the realistic register, every
# trace step touched) under Java Flight Recorder, then the hottest frames by JFR's own tool.
# Not part of `mvn verify`. Usage: bench/profile.sh [SECONDS] (the recording is left in target/decide.jfr)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}
mvn -B -q install -DskipTests
mvn -B -q -pl dsa-rules-examples test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="dsa-rules-examples/target/test-classes:dsa-rules-examples/target/classes:$(cat dsa-rules-examples/target/bench.classpath)"
java -XX:StartFlightRecording=filename=target/decide.jfr,settings=profile -cp "$cp" \
    org.dsarules.bench.DecideLoop "$seconds"
jfr print --events jdk.ExecutionSample --stack-depth 1 target/decide.jfr \
    | grep -A1 'stackTrace = \[' | grep -v -e 'stackTrace' -e '^--' | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -25
