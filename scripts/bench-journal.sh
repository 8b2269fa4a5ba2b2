#!/usr/bin/env bash
# Journal throughput benchmark (org.vigil.store.bench.JournalBench): SQLite always, PostgreSQL
# when VIGIL_TEST_PG_URL is set or --db is given. Builds the store module first.
#   scripts/bench-journal.sh [--reports N] [--threads K] [--append-size B] [--in-flight W] [--max-batch M]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
vigil_select_jdk
./mvnw -q -B -o -pl store install -DskipTests
./mvnw -q -B -o -pl store dependency:build-classpath -Dmdep.outputFile="$PWD/store/target/bench.classpath" -DincludeScope=runtime >/dev/null
args=("$@")
if [ -n "${VIGIL_TEST_PG_URL:-}" ] && [[ " $* " != *" --db "* ]]; then args+=(--db "$VIGIL_TEST_PG_URL"); fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${VIGIL_BENCH_JAVA_OPTS:-} -cp "store/target/classes:$(cat store/target/bench.classpath)" \
  org.vigil.store.bench.JournalBench "${args[@]}"
