#!/usr/bin/env bash
# Smoke test of the .dmg on a macOS CI runner (GitHub Actions, see .github/workflows/installers.yml):
# mounts it, copies "mTLS Lab.app" out as a user's drag to Applications would (to a throw-away
# folder, not /Applications), and runs its console launcher Contents/MacOS/mtls-lab through
# packaging/smoke-cli.sh (--version, an issued set, serve + call on 127.0.0.1).
# Usage: packaging/smoke-test-mac.sh [path/to/mTLS Lab-*.dmg]
set -euo pipefail
cd "$(dirname "$0")/.."
dmg=${1:-$(ls target/installer/*.dmg 2>/dev/null | head -1)}
[ -n "$dmg" ] && [ -f "$dmg" ] || { echo "FAIL: no .dmg (build one: mvn -Pinstaller package)" >&2; exit 1; }

work=$(mktemp -d)
mnt="$work/mnt"
cleanup() { hdiutil detach -quiet "$mnt" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$mnt" "$work/Applications" "$work/home"

echo "== hdiutil attach $dmg"
hdiutil attach -nobrowse -readonly -mountpoint "$mnt" "$dmg" >/dev/null
cp -R "$mnt/mTLS Lab.app" "$work/Applications/"
hdiutil detach -quiet "$mnt"

export HOME="$work/home"
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
packaging/smoke-cli.sh "$work/Applications/mTLS Lab.app/Contents/MacOS/mtls-lab" "$work/ws"
echo "dmg smoke test passed"
