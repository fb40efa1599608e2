#!/usr/bin/env bash
# Install/upgrade/erase test of the .rpm, run on this Debian machine with Debian's `rpm` (its own
# package database, dependencies not checked: they name Fedora/RHEL packages). Run by .ci/run as root.
# Checks that
#   1. the package does not carry the build's console class-data archive, and its scriptlets call
#      no xdg-utils and succeed with no desktop tools on the PATH;
#   2. `rpm -i` puts mtls-lab on the PATH (/usr/bin/mtls-lab -> /opt/mtls-lab/bin/mtls-lab), and
#      %posttrans trains the console archive under /opt/mtls-lab, which the launcher then maps (the app's
#      own classes come from it);
#   3. reinstalling over itself (an upgrade's order: new %post, old %preun, then %posttrans) trains a
#      new archive and keeps it;
#   4. `rpm -e` leaves nothing of what `rpm -ql` listed, nor the archive, and the user's workspace
#      byte for byte as it was.
# Leaves the package erased.
# Usage: packaging/smoke-test-rpm.sh [path/to/mtls-lab-*.rpm]   (default: target/installer/)
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=mtls-lab
app=/opt/mtls-lab
archive=$app/lib/app/mtls-lab-cli.jsa
rpm_file=${1:-$(ls target/installer/${pkg}-*.rpm 2>/dev/null | head -1)}
[ -n "$rpm_file" ] && [ -f "$rpm_file" ] || { echo "FAIL: no .rpm (build one where rpmbuild exists: mvn -Pinstaller package)" >&2; exit 1; }

# shellcheck source=packaging/package-test-lib.sh
. packaging/package-test-lib.sh
# Debian's rpm refuses to install unless told that this is on purpose.
rpm_install() { rpm --force-debian --nodeps "$@"; }

[ "$(id -u)" = 0 ] || fail "run as root (it installs and erases the package with rpm)"
! rpm -q "$pkg" >/dev/null 2>&1 || fail "$pkg is already installed with rpm here: erase it first"
[ ! -e "$app" ] || fail "$app exists (the .deb installed?): this test will not install over it"

work=$(mktemp -d)
installed=
cleanup() {
    if [ -n "$installed" ] && rpm -q "$pkg" >/dev/null 2>&1; then
        echo "cleanup: erasing $pkg after a failed check" >&2
        rpm -e --nodeps "$pkg" >&2 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
use_throwaway_home "$work"

step "the package's files and scriptlets"
rpm -qlp "$rpm_file" | sort >"$work/rpm-ql"
for f in /usr/bin/mtls-lab "$app/bin/mtls-lab" "$app/bin/mTLS Lab" /usr/share/applications/io.mtlslab.MtlsLab.desktop; do
    grep -qxF "$f" "$work/rpm-ql" || fail "$f is not a file of the package"
done
! grep -qxF "$archive" "$work/rpm-ql" || fail "the package carries the build's $archive, which JDK 17 skips at $app"
rpm -qp --scripts "$rpm_file" >"$work/scripts"
! grep -n 'xdg-' "$work/scripts" || fail "a scriptlet calls xdg-utils, which fail where there is no desktop"
grep -q 'train_console_archive$' "$work/scripts" || fail "%posttrans does not train the console archive"
# Each scriptlet alone, with only shell builtins: every tool is skipped and each exits 0.
awk '/^[a-z]+ scriptlet/ { name = $1; next } name { print > (dir "/" name ".sh") }' dir="$work" "$work/scripts"
for scriptlet in postinstall posttrans preuninstall postuninstall; do
    [ -f "$work/$scriptlet.sh" ] || fail "no $scriptlet scriptlet"
    env -i PATH=/nonexistent /bin/sh "$work/$scriptlet.sh" 0 || fail "$scriptlet failed without desktop tools"
done

step "rpm -i $rpm_file"
installed=yes
rpm_install -i "$rpm_file" || fail "rpm -i failed"
rpm -q "$pkg" >/dev/null || fail "$pkg is not installed after rpm -i"
[ "$(readlink /usr/bin/mtls-lab)" = "$app/bin/mtls-lab" ] || fail "/usr/bin/mtls-lab does not link to $app/bin/mtls-lab"

step "mtls-lab from the PATH, in the user's default workspace"
ws="$HOME/.local/share/mtls-lab/workspace"
packaging/smoke-cli.sh /usr/bin/mtls-lab "$ws"
user_data_digest >"$work/workspace-before"

step "the console launcher uses the class-data archive %posttrans trained under $app"
[ -s "$archive" ] || fail "%posttrans made no $archive"
uses_archive() {
    rm -rf "$work/ws-cds" "$work/ws-cds.classes"
    local app_classes
    app_classes=$(classes_from_archive /usr/bin/mtls-lab "$work/ws-cds" 'io\.mtlslab')
    echo "  io.mtlslab classes from the installed archive: $app_classes"
    [ "$app_classes" -gt 10 ] || fail "the console launcher does not use the archive %posttrans trained ($1)"
}
uses_archive "after rpm -i"

step "reinstalled over itself: %posttrans trains a new archive, and the old %preun keeps it"
touch -d '2000-01-01' "$archive"   # stands for an older version's archive
rpm_install -U --replacepkgs "$rpm_file" || fail "rpm -U --replacepkgs failed"
[ -s "$archive" ] || fail "the archive is gone after the reinstall"
[ "$archive" -nt "$work/rpm-ql" ] || fail "%posttrans kept the older archive instead of training a new one"
uses_archive "after reinstalling"

step "rpm -e $pkg"
rpm -ql "$pkg" | sort >"$work/rpm-ql-installed"
rpm -e --nodeps "$pkg" || fail "rpm -e failed"
! rpm -q "$pkg" >/dev/null 2>&1 || fail "$pkg is still installed after rpm -e"
left=()
while IFS= read -r path; do
    [ -e "$path" ] || [ -L "$path" ] || continue
    # Folders the package shares with the system (/usr/share/applications...) stay when not empty.
    if [ -d "$path" ] && [ ! -L "$path" ] && [ "${path#"$app"}" = "$path" ] && [ -n "$(ls -A "$path")" ]; then
        continue
    fi
    left+=("$path")
done <"$work/rpm-ql-installed"
[ "${#left[@]}" -eq 0 ] || fail "left behind after rpm -e: ${left[*]}"
[ ! -e "$archive" ] || fail "%preun left $archive"
[ ! -e "$app" ] || fail "$app is still there: $(find "$app" | head -5 | tr '\n' ' ')"
[ ! -e /usr/bin/mtls-lab ] && [ ! -L /usr/bin/mtls-lab ] || fail "/usr/bin/mtls-lab is still there"
installed=

step "the user's workspace is intact"
user_data_digest >"$work/workspace-after"
diff "$work/workspace-before" "$work/workspace-after" || fail "the workspace changed on rpm -e"
[ -s "$ws/ca.key" ] || fail "the workspace lost ca.key"

echo "rpm smoke test passed: installed, ran from the PATH, reinstalled, erased cleanly ($(wc -l <"$work/rpm-ql") paths)"
