#!/usr/bin/env bash
# Smoke test of the packaged Linux app (run by .ci/run after the tests; needs xvfb, xdotool, curl,
# openssl and GTK 3). Builds the application image, then checks that
#   1. the console launcher works (packaging/smoke-cli.sh): --version, a CA + server + client set
#      issued into a --dir workspace, the echo server of the jlinked runtime answering an mTLS call
#      from the launcher and from curl (EC keys: proves jdk.crypto.ec and Netty's jdk.unsupported
#      made it into the runtime);
#   2. without --dir the workspace goes to the per-user data folder ($HOME/.local/share/mtls-lab),
#      and nothing is ever written into the app image (the install folder);
#   3. the GUI launcher, handed a certificate file as a desktop "open with" does, shows its main
#      window on a virtual display and exits cleanly (status 0) when closed;
#   4. both launchers load classes from their class-data archives (packaging/build.sh trains them),
#      and the console launcher still starts when its archive is gone;
#   5. no launcher ran dpkg or rpm (a fake of each on the PATH notes any call): they are the sh
#      launchers packaging/linux/write-launcher.sh wrote, not jpackage's native ones.
# Usage: packaging/smoke-test.sh [--no-build]   (--no-build: reuse target/jpackage)
# The installed .deb is tested by packaging/smoke-test-deb.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
image="$PWD/target/jpackage/mTLS Lab"

if [ "${1:-}" = gui-under-xvfb ]; then
    # Second half of step 3, run inside xvfb-run.
    # -Xlog:class+load names where each class came from: step 4 counts those from the trained archive.
    JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xlog:class+load=info:file=$3.classes" \
        MTLSLAB_SMOKE_EXIT=3 "$image/bin/mTLS Lab" "$2" >"$3" 2>&1 &
    app=$!
    for _ in $(seq 90); do
        if window=$(xdotool search --onlyvisible --name '^mTLS Lab$' 2>/dev/null); then
            echo "  main window shown (X window $window)"
            break
        fi
        kill -0 "$app" 2>/dev/null || break
        sleep 1
    done
    [ -n "${window:-}" ] || { echo "FAIL: no window titled 'mTLS Lab' within 90 s" >&2; kill "$app" 2>/dev/null; exit 1; }
    # The desktop entry's StartupWMClass must name this window's class, or docks show it apart.
    wm_class=$(sed -n 's/^StartupWMClass=//p' packaging/linux/io.mtlslab.MtlsLab.desktop)
    if ! xdotool search --onlyvisible --class "^${wm_class//./\\.}\$" 2>/dev/null | grep -qx "$window"; then
        echo "FAIL: the main window's class is not the desktop entry's StartupWMClass $wm_class" >&2
        kill "$app" 2>/dev/null; exit 1
    fi
    echo "  its class is the desktop entry's StartupWMClass ($wm_class)"
    for _ in $(seq 60); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
    if kill -0 "$app" 2>/dev/null; then
        echo "FAIL: the GUI did not exit within 60 s of closing" >&2; kill -9 "$app"; exit 1
    fi
    wait "$app" || { echo "FAIL: the GUI exited with status $?" >&2; exit 1; }
    exit 0
fi

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

if [ "${1:-}" != --no-build ]; then
    [ -f target/mtls-lab.jar ] && [ -d target/lib ] || mvn -B -q -DskipTests package
    packaging/build.sh app-image
fi
[ -x "$image/bin/mtls-lab" ] || fail "no app image at $image"

work=$(mktemp -d)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
# A throw-away home: Java reads user.home from the password database, not $HOME, so hand it over.
export HOME="$work/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
cli="$image/bin/mtls-lab"
# jpackage 17's native launchers ran `rpm -qf` and `dpkg -S` on themselves before every start
# (~0.45 s); the image's sh launchers must not: from here on, dpkg and rpm on the PATH note any call
# and fail, and the last step checks that nothing called them.
package_queries=$work/package-queries
mkdir -p "$work/fake-bin"
for tool in dpkg dpkg-query rpm; do
    printf '#!/bin/sh\necho "%s $*" >>"%s"\necho "FAIL: the launcher ran %s $*" >&2\nexit 1\n' \
        "$tool" "$package_queries" "$tool" >"$work/fake-bin/$tool"
    chmod +x "$work/fake-bin/$tool"
done
export PATH="$work/fake-bin:$PATH"
(cd "$image" && find . -type f -exec md5sum {} + | sort -k2) >"$work/image-before"

step "console launcher: --version, an issued set, serve + call (packaging/smoke-cli.sh)"
ws="$work/ws"
packaging/smoke-cli.sh "$cli" "$ws"

step "console launcher: the default workspace is the per-user data folder"
"$cli" ca create --key ec-p256
[ -s "$HOME/.local/share/mtls-lab/workspace/ca.pem" ] \
    || fail "ca create without --dir wrote no $HOME/.local/share/mtls-lab/workspace/ca.pem"

step "GUI launcher: opens a double-clicked certificate, shows its window, exits cleanly"
xvfb-run -a -s "-screen 0 1280x1024x24" "$0" gui-under-xvfb "$ws/client.pem" "$work/gui.log" \
    || { sed 's/^/  gui: /' "$work/gui.log" >&2; fail "GUI smoke test"; }

step "GUI launcher: its splash is on screen before the JVM starts; the console launcher has none"
grep -q -- '-splash:' "$image/lib/app/mTLS Lab.cfg" || fail "the GUI launcher's .cfg names no splash"
if grep -q -- '-splash:' "$image/lib/app/mtls-lab.cfg"; then fail "the console launcher would show a splash"; fi
JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Dmtlslab.startupProbe=true -Dmtlslab.workspace=$work/ws-probe -Dmtlslab.settings=$work/probe.properties" \
    xvfb-run -a -s "-screen 0 1280x1024x24" "$image/bin/mTLS Lab" >"$work/probe.log" 2>&1 \
    || { cat "$work/probe.log" >&2; fail "the GUI's start-up probe"; }
grep 'startup-probe:' "$work/probe.log" | sed 's/.*startup-probe: /  /'
grep -q 'splash on screen before the JVM started' "$work/probe.log" \
    || { cat "$work/probe.log" >&2; fail "no splash was on screen when the main window showed"; }

step "both launchers map their class-data archives (start-up)"
# A class "source: shared objects file (top)" came from the launcher's own archive, layered on the
# runtime's JDK archive: proof that the .cfg maps it and that this JVM accepts it.
from_archive() { grep -c 'source: shared objects file (top)' "$1" || true; }
for name in mtls-lab-cli.jsa mtls-lab-gui.jsa; do
    [ -s "$image/lib/app/$name" ] || fail "the app image has no class-data archive lib/app/$name"
done
JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xlog:class+load=info:file=$work/cli.classes" "$cli" ca create \
    --dir "$work/ws-cds" --key ec-p256 >/dev/null 2>&1 || fail "ca create with class loading logged"
cli_classes=$(from_archive "$work/cli.classes")
gui_classes=$(from_archive "$work/gui.log.classes")
echo "  classes from the trained archive: console launcher $cli_classes, GUI launcher $gui_classes"
[ "$cli_classes" -gt 100 ] || fail "the console launcher does not use its class-data archive"
[ "$gui_classes" -gt 100 ] || fail "the GUI launcher does not use its class-data archive"
# -Xshare:on turns "could not map the archive" from a silent fallback into an error.
JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xshare:on" "$cli" --version >/dev/null 2>"$work/share-on.log" \
    || { cat "$work/share-on.log" >&2; fail "the console launcher's archive cannot be mapped (-Xshare:on)"; }
# Without the archive (deleted, or from another build) the launcher starts all the same.
cp -a "$image" "$work/no-archive"
rm "$work/no-archive/lib/app/mtls-lab-cli.jsa"
[ "$("$work/no-archive/bin/mtls-lab" --version 2>&1)" = "$("$cli" --version 2>&1)" ] \
    || fail "the console launcher does not start without its class-data archive"
rm -rf "$work/no-archive"

step "neither launcher asked dpkg or rpm anything"
[ ! -e "$package_queries" ] || { cat "$package_queries" >&2; fail "a launcher ran dpkg or rpm (jpackage's native launcher?)"; }
for launcher in "$cli" "$image/bin/mTLS Lab"; do
    grep -q '^exec "$ROOTDIR/lib/runtime/bin/java"' "$launcher" \
        || fail "$launcher is not a sh launcher of packaging/linux/write-launcher.sh"
done

step "nothing was written into the app image"
(cd "$image" && find . -type f -exec md5sum {} + | sort -k2) >"$work/image-after"
diff "$work/image-before" "$work/image-after" || fail "files in the app image changed"

echo "smoke test passed: $(du -sh "$image" | cut -f1) app image"
