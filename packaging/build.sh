#!/usr/bin/env bash
# Builds mTLS Lab's self-contained application image and, optionally, the installer for this OS:
#   packaging/build.sh app-image [VERSION]   ->  target/jpackage/<app image>
#   packaging/build.sh installer [VERSION]   ->  the app image + target/installer/*.deb|.rpm|.msi|.dmg
# Normally run by `mvn -Pinstaller package` (pom.xml's installer profile), after the jar and
# target/lib/ exist. Uses jlink/jdeps/jpackage of $JAVA_HOME (the JDK running Maven).
# On Windows run it from Git Bash with WiX 3 on the PATH; on Linux an .rpm needs rpmbuild.
set -euo pipefail
cd "$(dirname "$0")/.."
# Git Bash cannot run C:\...\bin/jlink: hand it the JDK's path in its own spelling.
if [ -n "${JAVA_HOME:-}" ] && command -v cygpath >/dev/null 2>&1; then JAVA_HOME=$(cygpath -u "$JAVA_HOME"); fi

what=${1:-installer}
version=${2:-$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)}
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
target=target

sep=:   # path separator of the JDK tools
case "$(uname -s)" in
    Linux) os=linux; native_dir=lib; types=(); command -v dpkg-deb >/dev/null && types+=(deb)
           command -v rpmbuild >/dev/null && types+=(rpm) ;;
    Darwin) os=mac; native_dir=lib; types=(dmg) ;;
    MINGW*|MSYS*|CYGWIN*) os=windows; native_dir=bin; types=(msi); sep=';' ;;
    *) echo "build.sh: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac
# macOS bundle versions must start at 1: a 0.x version is packaged as 1.x there.
[ "$os" = mac ] && [[ "$version" == 0.* ]] && version="1.${version#0.}"

[ -f "$target/mtls-lab.jar" ] && [ -d "$target/lib" ] \
    || { echo "build.sh: run 'mvn package' first (needs target/mtls-lab.jar and target/lib/)" >&2; exit 1; }

# JavaFX platform jars (javafx-controls-21-linux.jar ...) become modules of the runtime;
# everything else goes on the class path.
fx_jars=$(ls "$target"/lib/javafx-*.jar | grep -E -- '-[0-9][0-9.]*-[a-z0-9-]+\.jar$' | tr '\n' "$sep")
input=$target/jpackage-input
rm -rf "$input" "$target/runtime" "$target/jpackage" "$target/native-launcher"
mkdir -p "$input"
cp "$target/mtls-lab.jar" "$input/"
# BoringSSL's native library comes in one jar per OS and processor (netty-tcnative's classifiers):
# the image carries only its own, not the other four (about 8 MB and four class path entries).
tcnative_os=$os; [ "$os" = mac ] && tcnative_os=osx
tcnative_arch=$(uname -m); case "$tcnative_arch" in aarch64|arm64) tcnative_arch=aarch_64 ;; amd64) tcnative_arch=x86_64 ;; esac
for jar in "$target"/lib/*.jar; do
    case "$(basename "$jar")" in
        javafx-*) ;;
        netty-tcnative-boringssl-static-*-linux-*.jar | netty-tcnative-boringssl-static-*-osx-*.jar \
            | netty-tcnative-boringssl-static-*-windows-*.jar)
            case "$(basename "$jar")" in *-"$tcnative_os-$tcnative_arch".jar) cp "$jar" "$input/" ;; esac ;;
        *) cp "$jar" "$input/" ;;
    esac
done
ls "$input"/netty-tcnative-boringssl-static-*-"$tcnative_os-$tcnative_arch".jar >/dev/null \
    || { echo "build.sh: no BoringSSL jar for $tcnative_os-$tcnative_arch in $target/lib" >&2; exit 1; }

# --- runtime: the JDK modules the jars use (jdeps) + JavaFX + what only reflection/services reach.
# jdk.crypto.ec: the SunEC provider (EC keys and ECDHE in TLS fail without it);
# jdk.localedata: pt-BR dates and numbers (en only otherwise, trimmed by --include-locales).
used=$("${jdk_bin}jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path "$fx_jars" --class-path "$(ls "$input"/*.jar | tr '\n' "$sep")" "$input"/*.jar | tr -d '\r')
modules=$(tr ',' '\n' <<<"$used,javafx.controls,javafx.fxml,jdk.crypto.ec,jdk.localedata" | sort -u | paste -sd, -)
echo "runtime modules: $modules"
"${jdk_bin}jlink" --module-path "$fx_jars" --add-modules "$modules" --include-locales=en,pt \
    --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive --output "$target/runtime"
# The Maven JavaFX jars carry their native libraries as resources; JavaFX loads them from the
# runtime's own library folder first, so put them there (no extraction into the user's home).
natives=$target/javafx-natives
rm -rf "$natives"; mkdir -p "$natives"
IFS=$sep read -r -a fx_list <<<"$fx_jars"
for jar in "${fx_list[@]}"; do
    [ -n "$jar" ] && (cd "$natives" && "${jdk_bin}jar" xf "../../$jar")
done
find "$natives" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) \
    -exec cp {} "$target/runtime/$native_dir/" \;
rm -rf "$natives"

# --- application image
"${jdk_bin}jpackage" --type app-image --dest "$target/jpackage" --input "$input" \
    --runtime-image "$target/runtime" --app-version "$version" \
    @packaging/image.args @packaging/$os/image.args
image=$(ls -d "$target"/jpackage/*/ | head -1)
image=${image%/}

# --- class-data sharing (start-up). jlink's --generate-cds-archive above gave the runtime its JDK
# archive (lib/server/classes.jsa); here a training run of each launcher adds an application archive
# on top of it (JDK 17's dynamic archive, -XX:ArchiveClassesAtExit): the GUI shows its window and
# closes (app/SmokeExit), the console launcher creates a CA. Each launcher's .cfg then maps its own
# archive with -XX:SharedArchiveFile=$APPDIR/...; under -Xshare:auto (the JVM's default) a missing,
# damaged or stale archive (other jars, other runtime) is skipped silently and the app just starts
# slower. A failed training run leaves its launcher without an archive and says so.
case "$os" in
    linux) app_dir=$image/lib/app; gui_launcher="$image/bin/mTLS Lab"; cli_launcher=$image/bin/mtls-lab ;;
    mac) app_dir=$image/Contents/app; gui_launcher="$image/Contents/MacOS/mTLS Lab"; cli_launcher=$image/Contents/MacOS/mtls-lab ;;
    windows) app_dir=$image/app; gui_launcher="$image/mTLS Lab.exe"; cli_launcher=$image/mtls-lab.exe ;;
esac
# The GUI's splash (app/Splash.java): the java launcher shows it before it even creates the JVM, so
# a double-click is answered at once; the app closes it when its window is up. Only the GUI
# launcher's .cfg names it: the console launcher's commands must never flash a window. Linux only
# so far: it is checked there (smoke-test.sh); AWT's splash beside JavaFX on macOS and Windows is not.
if [ "$os" = linux ]; then
    cp icons/splash.png icons/splash@2x.png "$app_dir/"
    awk '{ print } /^\[JavaOptions\]/ { print "java-options=-splash:$APPDIR/splash.png"
        print "java-options=-Dmtlslab.splash=true" }' "$app_dir/mTLS Lab.cfg" >"$target/gui.cfg"
    cat "$target/gui.cfg" >"$app_dir/mTLS Lab.cfg" && rm "$target/gui.cfg"
fi
# Linux: jpackage's native launchers ask dpkg and rpm who owns them before every start (about
# 0.45 s); each is replaced by a sh launcher written from its .cfg, the one source of what the JVM
# gets (packaging/linux/write-launcher.sh). Written before the training runs, which must start the
# JVM exactly as users will (same class path), and again whenever a .cfg changes.
write_linux_launchers() {
    [ "$os" = linux ] || return 0
    local cfg
    if [ -f "$image/lib/libapplauncher.so" ]; then
        # Kept outside the image for bench/startup.sh's "native launcher" variant only.
        rm -rf "$target/native-launcher"; mkdir -p "$target/native-launcher"
        cp "$image/bin/mtls-lab" "$image/lib/libapplauncher.so" "$target/native-launcher/"
    fi
    for cfg in "$app_dir"/*.cfg; do
        packaging/linux/write-launcher.sh "$cfg" "$image/bin/$(basename "$cfg" .cfg)"
    done
    # Only the native launchers load it.
    rm -f "$image/lib/libapplauncher.so"
}
write_linux_launchers
cds_work=$(mktemp -d)
# JAVA_TOOL_OPTIONS splits at spaces: the training files live in a temporary folder without any.
native_path() { if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else printf '%s' "$1"; fi; }
train_cds() { # ARCHIVE-NAME CFG-NAME LAUNCHER [ARGS...]: one training run, then the .cfg maps the archive
    local name=$1 cfg=$app_dir/$2 launcher=$3; shift 3
    local archive=$cds_work/$name home=$cds_work/home-$name
    mkdir -p "$home"
    # A throw-away home, workspace and settings: the build machine's user is never read or written.
    local options="-XX:ArchiveClassesAtExit=$(native_path "$archive") -Duser.home=$(native_path "$home")"
    options+=" -Dmtlslab.workspace=$(native_path "$home/workspace") -Dmtlslab.settings=$(native_path "$home/gui.properties")"
    if HOME=$home MTLSLAB_SMOKE_EXIT=1 JAVA_TOOL_OPTIONS=$options "$@" "$launcher" ${train_args[@]+"${train_args[@]}"} \
            >"$cds_work/$name.log" 2>&1 && [ -s "$archive" ]; then
        cp "$archive" "$app_dir/$name"
        chmod 644 "$app_dir/$name"
        # After the [JavaOptions] header: the launcher passes each line as one argument ($APPDIR may hold spaces).
        awk -v name="$name" '{ print } /^\[JavaOptions\]/ {
            print "java-options=-XX:SharedArchiveFile=$APPDIR/" name }' \
            "$cfg" >"$cds_work/cfg" && cat "$cds_work/cfg" >"$cfg"
        echo "class-data archive: $name ($(du -h "$app_dir/$name" | cut -f1), trained by $(basename "$launcher") ${train_args[*]-})"
    else
        echo "build.sh: WARNING: no class-data archive $name (the launcher starts without it):" >&2
        tail -5 "$cds_work/$name.log" >&2
    fi
}
train_args=(ca create --key ec-p256 --dir "$(native_path "$cds_work/ws")")
train_cds mtls-lab-cli.jsa mtls-lab.cfg "$cli_launcher"
train_args=()
if [ "$os" = linux ] && [ -z "${DISPLAY:-}" ]; then
    # No display on a build server: a virtual one (xvfb-run, as the smoke test uses).
    if command -v xvfb-run >/dev/null; then
        train_cds mtls-lab-gui.jsa "mTLS Lab.cfg" "$gui_launcher" xvfb-run -a -s "-screen 0 1280x1024x24"
    else
        echo "build.sh: WARNING: no display and no xvfb-run: the GUI launcher gets no class-data archive" >&2
    fi
else
    train_cds mtls-lab-gui.jsa "mTLS Lab.cfg" "$gui_launcher" env
fi
rm -rf "$cds_work"
write_linux_launchers   # the .cfg files now map the archives
echo "app-image: $image ($(du -sh "$image" | cut -f1))"

# --- Linux: what jpackage 17 cannot place outside /opt/mtls-lab. The desktop entry, MIME types,
# icons, AppStream metainfo and the /usr/bin/mtls-lab link are staged as a /usr tree that becomes
# files of the package (so dpkg/rpm remove them with it); jpackage's own desktop integration, whose
# xdg-desktop-menu calls fail the install where there is no desktop, is not used at all.
linux_app=/opt/mtls-lab          # jpackage's install folder for --linux-package-name mtls-lab
usr_tree=$PWD/$target/linux-usr
stage_linux_files() {
    local metainfo=packaging/linux/io.mtlslab.MtlsLab.metainfo.xml
    grep -q "<release version=\"$version\"" "$metainfo" \
        || { echo "build.sh: $metainfo has no <release version=\"$version\"> entry: add its release notes" >&2; exit 1; }
    rm -rf "$usr_tree" "$target/linux-resources"
    install -d -m 755 "$usr_tree/bin" "$usr_tree/share/applications" "$usr_tree/share/mime/packages" \
        "$usr_tree/share/metainfo" "$usr_tree/share/icons/hicolor/scalable/apps"
    ln -s "$linux_app/bin/mtls-lab" "$usr_tree/bin/mtls-lab"
    install -m 644 packaging/linux/io.mtlslab.MtlsLab.desktop "$usr_tree/share/applications/"
    install -m 644 packaging/linux/io.mtlslab.MtlsLab.mime.xml "$usr_tree/share/mime/packages/io.mtlslab.MtlsLab.xml"
    install -m 644 "$metainfo" "$usr_tree/share/metainfo/"
    install -m 644 icons/mtls-lab.svg "$usr_tree/share/icons/hicolor/scalable/apps/io.mtlslab.MtlsLab.svg"
    local png size
    for png in icons/png/mtls-lab-*.png; do
        size=${png##*-}; size=${size%.png}
        install -d -m 755 "$usr_tree/share/icons/hicolor/${size}x${size}/apps"
        install -m 644 "$png" "$usr_tree/share/icons/hicolor/${size}x${size}/apps/io.mtlslab.MtlsLab.png"
    done
    # jpackage templates (--resource-dir): the cache refresh and the console archive's training are
    # pasted in from their one source file each.
    mkdir -p "$target/linux-resources"
    local template line
    for template in packaging/linux/resources/*; do
        while IFS= read -r line || [ -n "$line" ]; do
            case "$line" in
                @REFRESH_DESKTOP_CACHES@) cat packaging/linux/refresh-desktop-caches.sh ;;
                @CONSOLE_ARCHIVE@) cat packaging/linux/console-archive.sh ;;
                *) printf '%s\n' "${line//@USR_TREE@/$usr_tree}" ;;
            esac
        done <"$template" >"$target/linux-resources/$(basename "$template")"
    done
}
# Adds the staged /usr tree to the .deb jpackage built, and counts it in Installed-Size.
add_linux_files_to_deb() {
    local deb=$1 root=$target/deb-root
    rm -rf "$root"
    dpkg-deb -R "$deb" "$root"
    [ -x "$root$linux_app/bin/mtls-lab" ] \
        || { echo "build.sh: $deb has no $linux_app/bin/mtls-lab: the install folder moved" >&2; exit 1; }
    mkdir -p "$root/usr"
    cp -a "$usr_tree/." "$root/usr/"
    # The console launcher's archive trained here would be dropped at /opt/mtls-lab (JDK 17 maps an
    # archive's app classes only for the class path it was trained with): postinst trains it there.
    rm -f "$root$linux_app/lib/app/mtls-lab-cli.jsa"
    [ ! -f "$root/DEBIAN/md5sums" ] || sed -i '\# opt/mtls-lab/lib/app/mtls-lab-cli\.jsa$#d' "$root/DEBIAN/md5sums"
    local size
    size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
    sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
    dpkg-deb --root-owner-group -b "$root" "$deb" >/dev/null
    rm -rf "$root"
}

# --- installer(s)
if [ "$what" = installer ]; then
    [ "${#types[@]}" -gt 0 ] || { echo "build.sh: no installer tool found (dpkg-deb/rpmbuild)" >&2; exit 1; }
    rm -rf "$target/installer"
    [ "$os" = linux ] && stage_linux_files
    for type in "${types[@]}"; do
        "${jdk_bin}jpackage" --type "$type" --app-image "$image" --dest "$target/installer" \
            --app-version "$version" @packaging/installer.args @packaging/$os/installer.args
        if [ "$type" = deb ]; then
            add_linux_files_to_deb "$(ls "$target"/installer/*.deb)"
        fi
    done
    for f in "$target"/installer/*; do echo "installer: $f ($(du -h "$f" | cut -f1))"; done
fi
