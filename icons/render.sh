#!/usr/bin/env bash
# Renders every icon file the installers need from the two source SVGs in this folder:
#   png/mtls-lab-<N>.png  N = 16 24 32 48 64 128 256 512   (Linux; 512 also for the README)
#   mtls-lab.ico          16…256, for the Windows .msi and launcher
#   mtls-lab.icns         16…512, for the macOS .dmg and app bundle
# Sizes up to 24 px come from mtls-lab-small.svg (drawn on the 16-pixel grid, crisp in menus);
# larger ones from mtls-lab.svg.
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
# Run from anywhere: icons/render.sh — then commit the results.
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
    command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done

mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
    source=mtls-lab.svg
    [ "$size" -le 24 ] && source=mtls-lab-small.svg
    rsvg-convert --width "$size" --height "$size" "$source" --output "png/mtls-lab-$size.png"
done
# -strip: no timestamps or other metadata, so re-rendering an unchanged SVG changes no file.
for f in png/*.png; do convert "$f" -strip "$f"; done

convert png/mtls-lab-{16,24,32,48,64,128,256}.png mtls-lab.ico
png2icns mtls-lab.icns png/mtls-lab-{16,32,48,128,256,512}.png >/dev/null
echo "rendered: $(ls png | tr '\n' ' ')mtls-lab.ico mtls-lab.icns"
