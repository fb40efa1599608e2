# Refreshes the desktop's caches after the package's desktop entry, MIME definitions and icons
# were added or removed. Pasted by packaging/build.sh into the .deb's postinst/postrm and the
# .rpm's %post/%postun in place of the line @REFRESH_DESKTOP_CACHES@. Each tool runs only where it
# exists, and none can fail the script: a server, CI runner or container has no desktop, and that
# must never leave the package half-installed or impossible to remove.
refresh_desktop_caches() {
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d /usr/share/applications ]; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v update-mime-database >/dev/null 2>&1 && [ -d /usr/share/mime/packages ]; then
        update-mime-database /usr/share/mime >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f /usr/share/icons/hicolor/index.theme ]; then
        gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor >/dev/null 2>&1 || true
    fi
}
