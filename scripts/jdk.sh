# Sourced by ./vigil, ./mvnw and .ci/run: selects a JDK >= 21.
# Order: JAVA_HOME if it is new enough, else the newest JDK in /usr/lib/jvm
# (or $VIGIL_JVM_DIR), else a clear error naming what to install.
vigil_java_major() {
  # Prints the feature version of the java binary given, e.g. 25.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//' | cut -d. -f1
}

vigil_select_jdk() {
  local min=21 best="" best_major=0 dir major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(vigil_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge "$min" ]; then return 0; fi
  fi
  for dir in "${VIGIL_JVM_DIR:-/usr/lib/jvm}"/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    [ -L "$dir" ] && continue
    major=$(vigil_java_major "$dir/bin/java")
    if [ "${major:-0}" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best=$dir; best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "vigil: no JDK ${min} or newer found (JAVA_HOME=${JAVA_HOME:-unset}, searched ${VIGIL_JVM_DIR:-/usr/lib/jvm})." >&2
    echo "vigil: install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
