# Sourced by ./vecl, ./run-tests and the benchmark scripts: finds a JDK 25 and exports JAVA_HOME.
# The machine's default java may be older (17), so PATH is never trusted: JAVA_HOME first, then
# /usr/lib/jvm. Versions come from each JDK's `release` file, which is cheaper than running java.

vecl_java_major() { # JDK dir → major version
    local line
    [ -x "$1/bin/java" ] && [ -r "$1/release" ] || return 1
    while IFS= read -r line; do
        case $line in
        JAVA_VERSION=*)
            line=${line#JAVA_VERSION=}
            line=${line//\"/}
            printf '%s\n' "${line%%.*}"
            return 0
            ;;
        esac
    done <"$1/release"
    return 1
}

vecl_find_jdk25() { # exports JAVA_HOME, or explains on stderr and returns 1
    local candidate found=
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [ -n "$candidate" ] || continue
        if [ "$(vecl_java_major "$candidate" 2>/dev/null)" = 25 ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    [ -n "${JAVA_HOME:-}" ] && found=" JAVA_HOME=$JAVA_HOME is Java $(vecl_java_major "$JAVA_HOME" 2>/dev/null || echo '?')."
    echo "vecl: VecL needs a JDK 25, and none was found in JAVA_HOME or /usr/lib/jvm.$found" >&2
    echo "vecl: Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    return 1
}

vecl_require_mvn() {
    if ! command -v mvn >/dev/null 2>&1; then
        echo "vecl: Maven (mvn) is needed to build VecL and was not found on PATH." >&2
        return 1
    fi
}
