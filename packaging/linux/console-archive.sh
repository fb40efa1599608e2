# The console launcher's class-data archive (start-up). JDK 17 uses an archive's application classes
# only when the class path is the one its training run had, so the archive the build trained in its
# own folder is left out of the packages and made here, under /opt/mtls-lab, by one run that creates
# a CA in a throw-away folder (as packaging/build.sh does for the app image). Pasted by
# packaging/build.sh into the .deb's postinst/prerm and the .rpm's %post/%preun in place of the line
# @CONSOLE_ARCHIVE@. A failed training run costs only start-up time, never the install; the archive is
# trained for one version only, so removing or upgrading the package deletes it.
console_archive=/opt/mtls-lab/lib/app/mtls-lab-cli.jsa

train_console_archive() {
    launcher=/opt/mtls-lab/bin/mtls-lab
    [ -x "$launcher" ] || return 0
    # An older version's archive goes first: it is stale, and while the launcher maps it the JVM
    # refuses to write another (an .rpm upgrade runs the new %post before the old %preun).
    delete_console_archive
    work=$(mktemp -d 2>/dev/null) || return 0
    if HOME=$work JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$work/cli.jsa -Duser.home=$work" \
            "$launcher" ca create --key ec-p256 --dir "$work/ws" >"$work/log" 2>&1 && [ -s "$work/cli.jsa" ]; then
        chmod 644 "$work/cli.jsa"
        mv -f "$work/cli.jsa" "$console_archive.new" && mv -f "$console_archive.new" "$console_archive" \
            || rm -f "$console_archive.new"
    else
        echo "mtls-lab: no class-data archive for the console launcher (it starts a little slower)" >&2
    fi
    rm -rf "$work"
}

delete_console_archive() {
    # Only when there is one: with nothing to delete, no tool is needed at all.
    for archive in "$console_archive" "$console_archive.new"; do
        [ ! -e "$archive" ] || rm -f "$archive"
    done
}
