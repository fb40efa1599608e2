#!/usr/bin/env bash
# Install/remove test of the .deb on this machine, the way a user sets up a headless Debian VM,
# CI runner or workshop server (run by .ci/run as root; needs apt-get). Checks that
#   1. the maintainer scripts succeed with no desktop tools at all on the PATH;
#   2. `apt-get install ./mtls-lab_*.deb` leaves the package fully configured, with `mtls-lab` on
#      the PATH (/usr/bin/mtls-lab -> /opt/mtls-lab/bin/mtls-lab), the desktop entry, MIME types,
#      icons and AppStream metainfo in their standard places (validated where the tools exist);
#   3. `mtls-lab` from the PATH: --version, issuing a set, serve + call (packaging/smoke-cli.sh),
#      into the user's default workspace (~/.local/share/mtls-lab), and it maps the class-data
#      archive postinst trained under /opt/mtls-lab (the app's own classes come from it);
#   4. where xdg-utils is installed, `xdg-mime query default application/x-x509-ca-cert` names the app;
#   5. `apt-get remove mtls-lab` leaves nothing of what `dpkg -L` listed, nothing in the desktop
#      caches, and the user's workspace byte for byte as it was; so does `apt-get purge` after it.
# The user is a throw-away HOME, also handed to apt so that a maintainer script that wrongly
# touched ~/.local/share/mtls-lab would touch this one. Leaves the package purged.
# Usage: packaging/smoke-test-deb.sh [path/to/mtls-lab_*.deb]   (default: target/installer/)
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=mtls-lab
app=/opt/mtls-lab
id=io.mtlslab.MtlsLab
deb=${1:-$(ls target/installer/${pkg}_*.deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "FAIL: no .deb (build one: mvn -Pinstaller package)" >&2; exit 1; }
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")

# shellcheck source=packaging/package-test-lib.sh
. packaging/package-test-lib.sh
status() { dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || echo not-installed; }

[ "$(id -u)" = 0 ] || fail "run as root (it installs and removes the package with apt-get)"
[ "$(status)" = not-installed ] || fail "$pkg is already installed here: remove it first, this test will not replace it"

work=$(mktemp -d)
installed=
cleanup() {
    if [ -n "$installed" ] && [ "$(status)" != not-installed ]; then
        echo "cleanup: removing $pkg after a failed check" >&2
        apt-get purge -y -qq "$pkg" </dev/null >&2 || dpkg --purge "$pkg" >&2 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
use_throwaway_home "$work"
export DEBIAN_FRONTEND=noninteractive

step "maintainer scripts succeed with no desktop tools on the PATH"
dpkg-deb -e "$deb" "$work/control"
for script in postinst prerm postrm; do
    [ -f "$work/control/$script" ] || continue
    if grep -n 'xdg-' "$work/control/$script"; then fail "$script calls xdg-utils, which fail where there is no desktop"; fi
done
# Only shell builtins are left: every cache refresh must be skipped, and each script exit 0.
env -i PATH=/nonexistent /bin/sh "$work/control/postinst" configure || fail "postinst configure failed without desktop tools"
env -i PATH=/nonexistent /bin/sh "$work/control/prerm" remove || fail "prerm remove failed without desktop tools"
env -i PATH=/nonexistent /bin/sh "$work/control/postrm" remove || fail "postrm remove failed without desktop tools"

step "apt-get install $deb"
installed=yes
apt-get install -y -qq "$deb" </dev/null || fail "apt-get install failed"
[ "$(status)" = installed ] || fail "$pkg is '$(status)' after apt-get install, not installed"
[ -z "$(dpkg --audit "$pkg" 2>&1)" ] || { dpkg --audit "$pkg" >&2; fail "dpkg --audit complains about $pkg"; }
dpkg -L "$pkg" | sort >"$work/dpkg-L"

step "mtls-lab is on the PATH, the desktop files are in their standard places"
[ "$(command -v mtls-lab)" = /usr/bin/mtls-lab ] || fail "mtls-lab on the PATH is '$(command -v mtls-lab || true)', not /usr/bin/mtls-lab"
[ "$(readlink /usr/bin/mtls-lab)" = "$app/bin/mtls-lab" ] || fail "/usr/bin/mtls-lab does not link to $app/bin/mtls-lab"
for f in /usr/bin/mtls-lab "$app/bin/mtls-lab" "$app/bin/mTLS Lab" \
         /usr/share/applications/$id.desktop /usr/share/mime/packages/$id.xml \
         /usr/share/metainfo/$id.metainfo.xml /usr/share/icons/hicolor/256x256/apps/$id.png \
         /usr/share/icons/hicolor/scalable/apps/$id.svg; do
    grep -qxF "$f" "$work/dpkg-L" || fail "$f is not a file of the package (dpkg -L)"
    [ -e "$f" ] || fail "$f is missing"
done
exec_line=$(grep '^Exec=' /usr/share/applications/$id.desktop)
[ "$exec_line" = "Exec=\"$app/bin/mTLS Lab\" %f" ] || fail "the desktop entry starts '$exec_line'"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate /usr/share/applications/$id.desktop | grep -v ': hint: ' | grep . \
        && fail "desktop-file-validate finds problems" || true
else
    echo "  (desktop-file-validate not installed: desktop entry not validated)"
fi
if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net /usr/share/metainfo/$id.metainfo.xml || fail "appstreamcli validate"
else
    echo "  (appstreamcli not installed: metainfo not validated)"
fi

step "mtls-lab from the PATH, in the user's default workspace"
ws="$HOME/.local/share/mtls-lab/workspace"
packaging/smoke-cli.sh mtls-lab "$ws"
mtls-lab list >"$work/list.txt" 2>/dev/null || fail "mtls-lab list exited with status $?"
grep -qE '^client +' "$work/list.txt" \
    || { cat "$work/list.txt" >&2; fail "mtls-lab list (no --dir) does not show the default workspace's identities"; }
user_data_digest >"$work/workspace-before"

step "the console launcher uses the class-data archive postinst trained under $app"
archive=$app/lib/app/mtls-lab-cli.jsa
[ -s "$archive" ] || fail "postinst made no $archive"
! grep -qxF "$archive" "$work/dpkg-L" || fail "$archive is a file of the package: postinst makes it for $app"
# The app's own classes from the archive: JDK 17 maps them only for the class path trained with.
app_classes=$(classes_from_archive mtls-lab "$work/ws-cds" 'io\.mtlslab')
echo "  io.mtlslab classes from the installed archive: $app_classes"
[ "$app_classes" -gt 10 ] || fail "the console launcher does not use the archive postinst trained"
# BouncyCastle ships signed jars, whose classes the JVM never archives (and whose signature it checks
# at every start): the app's copies are unsigned (pom.xml), so they come from the archive too.
bc_classes=$(grep -c '^.*org\.bouncycastle\..* source: shared objects file (top)' "$work/ws-cds.classes" || true)
echo "  org.bouncycastle classes from the installed archive: $bc_classes"
[ "$bc_classes" -gt 50 ] || fail "BouncyCastle's classes are not in the installed archive: are its jars still signed?"

if command -v xdg-mime >/dev/null 2>&1; then
    step "xdg-mime: the app opens certificates"
    default=$(xdg-mime query default application/x-x509-ca-cert || true)
    handlers=$(sed -n 's:^application/x-x509-ca-cert=::p' /usr/share/applications/mimeinfo.cache 2>/dev/null || true)
    if [ "$default" = "$id.desktop" ]; then
        echo "  default for application/x-x509-ca-cert: $default"
    elif [ -n "$handlers" ] && [ "$handlers" != "$id.desktop;" ] && [[ ";$handlers" == *";$id.desktop;"* ]]; then
        # Another installed app came first; a package must not take the user's choice away from it.
        echo "  default is '$default' (installed before us); $id.desktop is registered: $handlers"
    else
        fail "xdg-mime query default application/x-x509-ca-cert says '$default' (mimeinfo.cache: '${handlers:-none}')"
    fi
else
    echo "== (xdg-utils not installed: xdg-mime not checked)"
fi

step "apt-get remove $pkg"
apt-get remove -y -qq "$pkg" </dev/null || fail "apt-get remove failed"
# 'config-files': dpkg keeps the postrm of a removed package until it is purged, nothing else.
case "$(status)" in config-files|not-installed) ;; *) fail "$pkg is '$(status)' after apt-get remove" ;; esac
left=()
while IFS= read -r path; do
    [ -e "$path" ] || [ -L "$path" ] || continue
    if [ -d "$path" ] && [ ! -L "$path" ] && [ "${path#"$app"}" = "$path" ]; then
        # A shared folder (/opt, /usr/share/applications, hicolor/48x48/apps...) stays if it holds
        # others' files or another package owns it too.
        [ -n "$(ls -A "$path")" ] && continue
        dpkg-query -S "$path" 2>/dev/null | sed 's/: .*//' | tr ',' '\n' | tr -d ' ' | grep -qvx "$pkg" && continue
    fi
    left+=("$path")
done <"$work/dpkg-L"
[ "${#left[@]}" -eq 0 ] || fail "left behind after removal: ${left[*]}"
[ ! -e "$app" ] || fail "$app is still there"
[ ! -e /usr/bin/mtls-lab ] && [ ! -L /usr/bin/mtls-lab ] || fail "/usr/bin/mtls-lab is still there"
hash -r
! command -v mtls-lab >/dev/null 2>&1 || fail "mtls-lab is still on the PATH: $(command -v mtls-lab)"
if [ -f /usr/share/applications/mimeinfo.cache ] && grep -q "$id" /usr/share/applications/mimeinfo.cache; then
    fail "/usr/share/applications/mimeinfo.cache still names $id"
fi

step "the user's workspace is intact after remove, and after purge"
workspace_intact() {
    user_data_digest >"$work/workspace-after"
    diff "$work/workspace-before" "$work/workspace-after" || fail "the workspace changed on $1"
    [ -s "$ws/ca.key" ] || fail "the workspace lost ca.key on $1"
}
workspace_intact "apt-get remove"
apt-get purge -y -qq "$pkg" </dev/null || fail "apt-get purge failed"
[ "$(status)" = not-installed ] || fail "$pkg is '$(status)' after apt-get purge"
workspace_intact "apt-get purge"
installed=

echo "deb smoke test passed: installed, ran from the PATH, removed cleanly ($(wc -l <"$work/dpkg-L") paths)"
