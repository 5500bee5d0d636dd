# Sourced by ./vecl, ./run-tests and the benchmark scripts: finds a JDK 25 and exports JAVA_HOME.
# The machine's default java is 17, so PATH is never trusted: JAVA_HOME first, then /usr/lib/jvm.
vecl_find_jdk25() {
    local cand v
    for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
        [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
        v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        if [ "$v" = "25" ]; then
            export JAVA_HOME="$cand"
            return 0
        fi
    done
    echo "vecl: no JDK 25 found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
    echo "vecl: install Temurin 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64) or set JAVA_HOME to a JDK 25." >&2
    return 1
}

vecl_require_mvn() {
    if ! command -v mvn >/dev/null 2>&1; then
        echo "vecl: Maven (mvn) is needed to build VecL and was not found on PATH." >&2
        return 1
    fi
}
