# Shared by bin/bloomfit and bin/bloomfit-server (sourced): picks the java to run, setting $java and $version.
# Order: $BLOOMFIT_JAVA, an installed JDK 25, $JAVA_HOME, java on PATH; the first of version 17 or newer wins.

# The feature version of a java executable (17, 21, 25, ...), or 0 when it does not run. Reads the JDK's release
# file when there is one (starting a JVM just to ask costs ~0.1 s).
java_version() {
  local line home
  home="$(dirname "$(dirname "$(readlink -f "$1")")")"
  if [[ -f "$home/release" ]]; then
    line="$(grep -m1 '^JAVA_VERSION=' "$home/release" || true)"
    line="${line#*=\"}"
    line="${line%%[.\"]*}"
    if [[ "$line" =~ ^[0-9]+$ ]]; then
      echo "$line"
      return
    fi
  fi
  line="$("$1" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version' || true)"
  line="${line##*= }"
  line="${line%%.*}"
  [[ "$line" =~ ^[0-9]+$ ]] && echo "$line" || echo 0
}

candidates=()
[[ -n "${BLOOMFIT_JAVA:-}" ]] && candidates+=("$BLOOMFIT_JAVA")
for dir in /usr/lib/jvm/*25* /usr/lib/jvm/*-25-* /opt/java/*25* "$HOME"/.sdkman/candidates/java/25*; do
  [[ -x "$dir/bin/java" ]] && candidates+=("$dir/bin/java")
done
[[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]] && candidates+=("$JAVA_HOME/bin/java")
command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")

java="" version=0
for candidate in "${candidates[@]}"; do
  v="$(java_version "$candidate")"
  if (( v >= 17 )); then
    java="$candidate" version="$v"
    break
  fi
done
if [[ -z "$java" ]]; then
  echo "bloomfit: no Java 17 or newer found; install a JDK (e.g. apt-get install openjdk-17-jdk) or set BLOOMFIT_JAVA" >&2
  exit 2
fi

