#!/usr/bin/env bash
# Builds the JDK's ahead-of-time cache for the Vigil app (JEP 483 class loading and linking,
# JEP 514 one-step creation, JEP 515 method profiles; JDK 25+): one training run of
# `vigil track` on a scenario that `vigil simulate` writes, recorded with -XX:AOTCacheOutput.
# Later JVMs started with -XX:AOTCache=FILE find the app's classes already parsed, linked and
# profiled, which removes most of a cold `vigil track` run's class-loading and warm-up time.
#
# usage: scripts/aot-cache.sh JAR OUT   (JAVA_HOME set; run by ./vigil after each build)
# Does nothing on a JDK older than 25. The cache is tied to this JDK, the jar and its lib/
# (the JVM checks their times and sizes and silently ignores a stale cache), so ./vigil
# rebuilds it whenever the jar is newer. VIGIL_AOT=0 turns it off.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/jdk.sh"
jar=$1
out=$2
java="$JAVA_HOME/bin/java"
major=$(vigil_java_major "$java")
if [ "${major:-0}" -lt 25 ]; then
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The same JVM options as ./vigil's own start, or the JVM would refuse the cache.
opts=(--enable-native-access=ALL-UNNAMED ${VIGIL_JAVA_OPTS:-})
echo "vigil: training the JVM's ahead-of-time cache (once per build, about 10 s)..." >&2
"$java" "${opts[@]}" -jar "$jar" simulate --targets 100 --duration-s 300 --seed 1 --clutter 20 \
  --out "$tmp/train.csv" >"$tmp/train.log" 2>&1 || { echo "vigil: AOT cache training could not simulate; running without it" >&2; exit 0; }
"$java" "${opts[@]}" -XX:AOTCacheOutput="$tmp/vigil.aot" -jar "$jar" track --scenario "$tmp/train.csv" \
  --out "$tmp/train-tracks.csv" >>"$tmp/train.log" 2>&1 || { echo "vigil: AOT cache training failed (see below); running without it" >&2; tail -5 "$tmp/train.log" >&2; exit 0; }
mv -f "$tmp/vigil.aot" "$out"
