#!/usr/bin/env bash
# Renders every icon file the installers need from the two source SVGs in this folder:
#   png/mtls-lab-<N>.png  N = 16 24 32 48 64 128 256 512   (Linux; 512 also for the README)
#   mtls-lab.ico          16…256, for the Windows .msi and launcher
#   mtls-lab.icns         16…512, for the macOS .dmg and app bundle
#   splash.png, splash@2x.png  the packaged GUI's start-up splash (the java launcher's -splash:, shown
#                         before the JVM starts; @2x on HiDPI screens)
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
# The splash: the icon and the name on the app's light background, with the accent colour as a
# thin frame (app.css: -fx-base #eef1f5, -mtl-accent #1f6feb). No other words: it is not translated.
for scale in 1 2; do
    suffix=; [ "$scale" = 2 ] && suffix=@2x
    rsvg-convert --width $((96 * scale)) --height $((96 * scale)) mtls-lab.svg --output "splash-icon.png"
    convert -size $((440 * scale))x$((150 * scale)) xc:'#eef1f5' \
        -fill none -stroke '#1f6feb' -strokewidth $((2 * scale)) \
        -draw "rectangle $scale,$scale $((440 * scale - 1 - scale)),$((150 * scale - 1 - scale))" \
        splash-icon.png -geometry +$((28 * scale))+$((27 * scale)) -composite \
        -font DejaVu-Sans-Bold -pointsize $((34 * scale)) -fill '#1c2330' -stroke none \
        -annotate +$((146 * scale))+$((88 * scale)) 'mTLS Lab' -strip "splash$suffix.png"
done
rm -f splash-icon.png

echo "rendered: splash.png splash@2x.png  $(ls png | tr '\n' ' ')mtls-lab.ico mtls-lab.icns"
