#!/usr/bin/env bash
# Writes a POSIX sh launcher for an app image's launcher, from the .cfg file jpackage made for it:
#   packaging/linux/write-launcher.sh IMAGE/lib/app/NAME.cfg IMAGE/bin/NAME
# (run by packaging/build.sh on Linux, replacing jpackage's native launchers).
#
# Why: jpackage 17's Linux launcher runs `rpm -qf` and `dpkg -S` on its own path, twice, before it
# starts the JVM (LinuxPackage.c, to find whether a package owns it; no switch turns that off):
# about 0.45 s of every start on a machine with a few hundred packages, more on a desktop.
# The script starts the image's own runtime (lib/runtime/bin/java) with what the native launcher
# passes the JVM: the .cfg's java-options, in order, then -Djpackage.app-path (the launcher's real
# path), the class path and the main class, then the user's arguments untouched; `exec` keeps the
# process, its exit status, stdin and stdout. $APPDIR, $BINDIR and $ROOTDIR in the .cfg are
# resolved at run time from the script's real location (readlink -f: /usr/bin/mtls-lab is a link
# into /opt/mtls-lab/bin), so the image can move and its path may hold spaces. JDK_JAVA_OPTIONS is
# dropped, as the native launcher (which never read it) did; JAVA_TOOL_OPTIONS works as before.
# Unlike the native launcher the script does not append lib/app to LD_LIBRARY_PATH: lib/app holds
# no native library, and an unset LD_LIBRARY_PATH became ":lib/app", whose empty entry is the
# current folder.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 CFG-FILE LAUNCHER" >&2; exit 2; }
cfg=$1
out=$2

# One sh word for a .cfg value: single-quoted, with $APPDIR/$BINDIR/$ROOTDIR left to the shell.
word() {
    local value=${1//\'/\'\\\'\'}
    value=${value//\$APPDIR/\'\"\$APPDIR\"\'}
    value=${value//\$BINDIR/\'\"\$BINDIR\"\'}
    value=${value//\$ROOTDIR/\'\"\$ROOTDIR\"\'}
    printf "'%s'" "$value"
}

main_class= class_path= options=() section=
while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    case "$line" in
        '['*']') section=$line ;;
        app.mainclass=*) [ "$section" = '[Application]' ] && main_class=${line#*=} ;;
        app.classpath=*) [ "$section" = '[Application]' ] && class_path+=${class_path:+:}${line#*=} ;;
        java-options=*) [ "$section" = '[JavaOptions]' ] && options+=("${line#*=}") ;;
        app.mainmodule=*|arguments=*)
            echo "write-launcher.sh: $cfg has '${line%%=*}', which this launcher does not support" >&2; exit 1 ;;
    esac
done <"$cfg"
[ -n "$main_class" ] && [ -n "$class_path" ] \
    || { echo "write-launcher.sh: $cfg names no app.mainclass or app.classpath" >&2; exit 1; }

{
    cat <<EOF
#!/bin/sh
# Launcher of "$(basename "$out")", written by packaging/linux/write-launcher.sh from lib/app/$(basename "$cfg")
# at build time (edit that, not this). It starts the bundled Java runtime directly: jpackage's
# native launcher asked dpkg and rpm who owns it before every start, about half a second.
self=\$(readlink -f -- "\$0" 2>/dev/null) && [ -n "\$self" ] || self=\$0
case \$self in */*) ;; *) self=./\$self ;; esac
BINDIR=\${self%/*}
ROOTDIR=\${BINDIR%/*}
APPDIR=\$ROOTDIR/lib/app
unset JDK_JAVA_OPTIONS
EOF
    # A class-data archive is mapped only where it exists: the JVM skips a missing one anyway, but a
    # training run (-XX:ArchiveClassesAtExit, the .deb's postinst) fails when it names a missing one.
    for option in "${options[@]}"; do
        case "$option" in
            -XX:SharedArchiveFile=*)
                printf 'archive=%s\n' "$(word "$option")"
                printf '[ -f %s ] || archive=\n' "$(word "${option#*=}")" ;;
        esac
    done
    printf 'exec "$ROOTDIR/lib/runtime/bin/java" \\\n'
    for option in "${options[@]}"; do
        case "$option" in
            -XX:SharedArchiveFile=*) printf '    ${archive:+"$archive"} \\\n' ;;
            *) printf '    %s \\\n' "$(word "$option")" ;;
        esac
    done
    printf '    %s \\\n' "'-Djpackage.app-path='\"\$self\""
    printf '    -cp %s \\\n' "$(word "$class_path")"
    printf '    %s "$@"\n' "$(word "$main_class")"
} >"$out.tmp"
chmod 755 "$out.tmp"
mv -f "$out.tmp" "$out"
