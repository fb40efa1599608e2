# Shared by the package install tests (smoke-test-deb.sh, smoke-test-rpm.sh); sourced, not run.

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

# The user is a throw-away HOME under $1, also handed to the package tool, so that an install script
# that wrongly touched ~/.local/share/mtls-lab would touch this one.
use_throwaway_home() {
    export HOME="$1/home"
    mkdir -p "$HOME"
    unset XDG_DATA_HOME XDG_CONFIG_HOME
    export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"   # Java takes user.home from the password database
}

# Every file of the user's mTLS Lab folder with its checksum, to compare before and after a removal.
user_data_digest() {
    (cd "$HOME/.local/share/mtls-lab" && find . -type f -exec md5sum {} + | sort -k2)
}

# How many classes of the package PATTERN (e.g. io\.mtlslab) the console launcher $1 loads from its
# installed class-data archive while it creates a CA in $2 (class loading logged to $2.classes).
classes_from_archive() {
    JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xlog:class+load=info:file=$2.classes" \
        "$1" ca create --dir "$2" --key ec-p256 >/dev/null 2>&1 || fail "ca create with class loading logged"
    grep -c "^.*$3\..* source: shared objects file (top)" "$2.classes" || true
}
