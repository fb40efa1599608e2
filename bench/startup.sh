#!/usr/bin/env bash
# Cold start to first shown window of `java -jar target/mtls-lab.jar`, under a virtual display.
#
# The app logs "startup-probe: first window shown after N ms" (milliseconds since the JVM started,
# taken when the Stage is first shown) and exits when run with -Dmtlslab.startupProbe=true.
# Each run uses a fresh workspace and settings file, so nothing of the user's is read or written.
#
#   bench/startup.sh            # 5 runs, plain and with an application class-data-sharing archive
#   RUNS=10 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/mtls-lab.jar
RUNS=${RUNS:-5}
if [ ! -f "$JAR" ]; then
    mvn -q -B package -DskipTests
fi
command -v xvfb-run >/dev/null || { echo "xvfb-run is needed (apt-get install xvfb)" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

probe() { # extra JVM options...
    local dir
    dir=$(mktemp -d -p "$scratch")
    xvfb-run -a java "$@" -Dmtlslab.startupProbe=true -Dmtlslab.workspace="$dir/workspace" \
        -Dmtlslab.settings="$dir/gui.properties" -jar "$JAR" 2>&1 \
        | sed -n 's/.*first window shown after \([0-9]*\) ms.*/\1/p'
}

report() { # label values...
    local label=$1; shift
    printf '%-28s runs: %s  median: %s ms\n' "$label" "$*" \
        "$(printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

probe >/dev/null # warm the OS file cache: we measure the JVM's cold start, not the disk's
plain=()
for _ in $(seq "$RUNS"); do plain+=("$(probe)"); done
report "plain" "${plain[@]}"

# Application CDS (JDK 17: archive written by a training run, then mapped at start).
archive="$scratch/mtls-lab.jsa"
probe -XX:ArchiveClassesAtExit="$archive" >/dev/null
cds=()
for _ in $(seq "$RUNS"); do cds+=("$(probe -XX:SharedArchiveFile="$archive")"); done
report "with AppCDS archive" "${cds[@]}"
