# Sourced by scripts/ringtrade, scripts/test and scripts/soak: prints a JDK home of version 25 or newer.
# Order: $JAVA_HOME if it is 25+, else the usual JVM folders, else a message that a JDK 25 is needed.

ringtrade_java_major() {
  local version
  version="$("$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')" || return 1
  version="${version%%.*}"
  [[ "$version" =~ ^[0-9]+$ ]] && echo "$version"
}

ringtrade_java_home() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(ringtrade_java_major "$JAVA_HOME" || true)"
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(ringtrade_java_major "$candidate" || true)"
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then echo "$candidate"; return 0; fi
  done
  echo "ringtrade: a JDK 25 or newer is needed (JAVA_HOME=${JAVA_HOME:-unset} is not one, and none was found in /usr/lib/jvm)" >&2
  return 1
}
