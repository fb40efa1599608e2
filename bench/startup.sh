#!/usr/bin/env bash
# Cold start to first shown window of `java -jar target/mtls-lab.jar`, under a virtual display.
#
# The app logs "startup-probe: first window shown after N ms" (milliseconds since the JVM started,
# taken when the Stage is first shown), then "first screen (welcome) laid out after M ms" (its first
# screen follows the window) and exits when run with -Dmtlslab.startupProbe=true.
# Each run uses a fresh workspace and settings file, so nothing of the user's is read or written.
#
#   bench/startup.sh            # 5 runs, plain and with an application class-data-sharing archive
#   RUNS=10 bench/startup.sh
#   bench/startup.sh image      # the packaged app (target/jpackage, packaging/build.sh app-image):
#                               # `mtls-lab --version`, `mtls-lab ca create --key ec-p256` (wall time
#                               # of the launcher) and the GUI launcher's first window, each with
#                               # no CDS at all (-Xshare:off: the image as it was before it shipped
#                               # archives), with jlink's JDK archive only, and as shipped (JDK archive
#                               # + the launcher's trained archive); the variants take turns.
#                               # Where build.sh kept jpackage's native launcher (target/native-launcher),
#                               # a "native" variant too: as shipped, but started by that launcher,
#                               # which runs rpm and dpkg first (the Linux image's launchers are sh).
#   GUI=0 bench/startup.sh image  # the console launcher only
#   bench/startup.sh splash     # the packaged GUI on a virtual display: from the launcher's start to
#                               # the first window on the screen (the splash the java launcher draws
#                               # before the JVM), polling the display every 20 ms (so up to 20 ms
#                               # late), and the app's own probe of its main window and of the
#                               # first pulse that lays out a screen in it
set -euo pipefail
cd "$(dirname "$0")/.."

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

if [ "${1:-}" = splash-inner ]; then # one run, inside xvfb-run: "splash-ms main-window-ms"
    gui="$PWD/target/jpackage/mTLS Lab/bin/mTLS Lab"
    dir=$(mktemp -d)
    start=$(date +%s%N)
    JAVA_TOOL_OPTIONS="-Duser.home=$dir -Dmtlslab.workspace=$dir/workspace -Dmtlslab.settings=$dir/gui.properties -Dmtlslab.startupProbe=true" \
        "$gui" >"$dir/log" 2>&1 &
    app=$!
    first=""
    # Polling costs CPU the app needs: it stops at the first window.
    while kill -0 "$app" 2>/dev/null && [ -z "$first" ]; do
        if xwininfo -root -children 2>/dev/null | grep -qE '^ +0x'; then
            first=$(( ($(date +%s%N) - start) / 1000000 ))
        fi
        sleep 0.02
    done
    wait "$app" || true
    probe=$(sed -n 's/.*first window shown after \([0-9]*\) ms.*/\1/p' "$dir/log")
    screen=$(sed -n 's/.*first screen .* laid out after \([0-9]*\) ms.*/\1/p' "$dir/log")
    rm -rf "$dir"
    echo "${first:-none} ${probe:-none} ${screen:-none}"
    exit 0
fi
if [ "${1:-}" = splash ]; then
    RUNS=${RUNS:-5}
    [ -x "target/jpackage/mTLS Lab/bin/mTLS Lab" ] || { echo "no app image: run packaging/build.sh app-image" >&2; exit 1; }
    command -v xwininfo >/dev/null || { echo "xwininfo is needed (apt-get install x11-utils)" >&2; exit 1; }
    splash=() probe=() screen=()
    for _ in $(seq "$RUNS"); do
        read -r a b c < <(xvfb-run -a -s "-screen 0 1280x1024x24" "$0" splash-inner)
        splash+=("$a"); probe+=("$b"); screen+=("$c")
    done
    echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); ms from the launcher's start, seen on the display"
    printf 'first window (the splash)  runs: %s  median: %s ms\n' "${splash[*]}" "$(median "${splash[@]}")"
    printf 'main window (the app probe) runs: %s  median: %s ms (from the JVM start, as in "image")\n' \
        "${probe[*]}" "$(median "${probe[@]}")"
    printf 'its first screen laid out   runs: %s  median: %s ms (the window shows first, its screen after)\n' \
        "${screen[*]}" "$(median "${screen[@]}")"
    exit 0
fi
if [ "${1:-}" = image ]; then
    RUNS=${RUNS:-5}
    image="$PWD/target/jpackage/mTLS Lab"
    [ -x "$image/bin/mtls-lab" ] || { echo "no app image: run packaging/build.sh app-image" >&2; exit 1; }
    command -v xvfb-run >/dev/null || { echo "xvfb-run is needed (apt-get install xvfb)" >&2; exit 1; }
    [ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)" >&2; exit 1; }
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    # The same image without the launchers' archives: the runtime's JDK archive is then the default one.
    cp -a "$image" "$scratch/jdk-only"
    sed -i '/SharedArchiveFile/d' "$scratch/jdk-only/lib/app/"*.cfg "$scratch/jdk-only/bin/"*
    export HOME=$scratch/home
    mkdir -p "$HOME"
    # "native": jpackage's own native launcher (kept by build.sh in target/native-launcher), which
    # asks dpkg and rpm who owns it before every start. It finds its .cfg by its own name, so it
    # runs from the image itself (same class path, same archives) under another name, removed at exit.
    variants=(off jdk-only shipped)
    native_names=()
    if [ -x target/native-launcher/mtls-lab ] && [ ! -e "$image/lib/libapplauncher.so" ]; then
        for name in mtls-lab "mTLS Lab"; do
            cp target/native-launcher/mtls-lab "$image/bin/$name native"
            cp "$image/lib/app/$name.cfg" "$image/lib/app/$name native.cfg"
            native_names+=("$image/bin/$name native" "$image/lib/app/$name native.cfg")
        done
        cp target/native-launcher/libapplauncher.so "$image/lib/"
        native_names+=("$image/lib/libapplauncher.so")
        trap 'rm -f "${native_names[@]}"; rm -rf "$scratch"' EXIT
        variants=(native off jdk-only shipped)
    fi
    variant_dir() { case $1 in jdk-only) echo "$scratch/jdk-only" ;; *) echo "$image" ;; esac; }
    cli_of() { case $1 in native) echo "$image/bin/mtls-lab native" ;; *) echo "$(variant_dir "$1")/bin/mtls-lab" ;; esac; }
    gui_of() { case $1 in native) echo "$image/bin/mTLS Lab native" ;; *) echo "$(variant_dir "$1")/bin/mTLS Lab" ;; esac; }
    variant_opts() { case $1 in off) echo "-Xshare:off" ;; *) echo "" ;; esac; }
    # Wall time swings with the machine's load; the CPU time the process used (user + system, from
    # GNU time) much less: both are reported, as "wall/cpu" milliseconds.
    ms_of() { # command...: "wall/cpu" milliseconds
        /usr/bin/time -f '%e %U %S' -o "$scratch/time" "$@" >/dev/null 2>&1
        awk '{ printf "%d/%d\n", $1 * 1000, ($2 + $3) * 1000 }' "$scratch/time"
    }
    gui_ms() { # variant: first window, ms since JVM start (the app's startup probe)
        local dir; dir=$(mktemp -d -p "$scratch")
        local options="$(variant_opts "$1") -Duser.home=$HOME -Dmtlslab.startupProbe=true"
        JAVA_TOOL_OPTIONS="$options -Dmtlslab.workspace=$dir/workspace -Dmtlslab.settings=$dir/gui.properties" \
            xvfb-run -a /usr/bin/time -f '%U %S' -o "$dir/time" "$(gui_of "$1")" >"$dir/log" 2>&1
        # the probe's milliseconds since the JVM started, then the CPU the app used until it exited
        printf '%s/%s\n' "$(sed -n 's/.*first window shown after \([0-9]*\) ms.*/\1/p' "$dir/log")" \
            "$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$dir/time")"
    }
    medians() { # "wall/cpu" values...: "median wall / median cpu"
        echo "$(median $(printf '%s\n' "$@" | cut -d/ -f1))/$(median $(printf '%s\n' "$@" | cut -d/ -f2))"
    }
    declare -A version create gui
    echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs per variant, taking turns"
    for v in "${variants[@]}"; do # warm the file cache
        JAVA_TOOL_OPTIONS="$(variant_opts "$v")" "$(cli_of "$v")" --version >/dev/null 2>&1
    done
    for i in $(seq "$RUNS"); do
        for v in "${variants[@]}"; do
            cli=$(cli_of "$v")
            export JAVA_TOOL_OPTIONS="$(variant_opts "$v") -Duser.home=$HOME"
            version[$v]+=" $(ms_of "$cli" --version)"
            create[$v]+=" $(ms_of "$cli" ca create --key ec-p256 --dir "$scratch/ws-$v-$i")"
            unset JAVA_TOOL_OPTIONS
            [ "${GUI:-1}" = 0 ] || gui[$v]+=" $(gui_ms "$v")"
            echo "round $i, $v: --version ${version[$v]##* }, ca create ${create[$v]##* }, first window ${gui[$v]:-}"
        done
    done
    echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
    for v in "${variants[@]}"; do
        # shellcheck disable=SC2086 # the lists are space-separated numbers
        printf '%-9s medians, wall/cpu ms: --version %s, ca create %s, first window %s\n' "$v" \
            "$(medians ${version[$v]})" "$(medians ${create[$v]})" "$(medians ${gui[$v]:-0/0})"
        printf '          runs: --version%s; ca create%s; first window%s\n' "${version[$v]}" "${create[$v]}" "${gui[$v]:-}"
    done
    exit 0
fi

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
    printf '%-28s runs: %s  median: %s ms\n' "$label" "$*" "$(median "$@")"
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
