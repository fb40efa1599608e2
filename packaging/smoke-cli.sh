#!/usr/bin/env bash
# Smoke test of a packaged console launcher, the same on Linux and macOS (Windows: smoke-cli.ps1):
#   1. `--version` names this checkout's version;
#   2. a CA + server + client set (EC keys) is issued into WORKSPACE;
#   3. the launcher's echo server, on 127.0.0.1 and a free port, answers an mTLS `call` made by the
#      same launcher (and by curl, where curl exists), naming the client certificate it verified;
#   4. the echo server and `load` against it run on BoringSSL: the image carries netty-tcnative's
#      native library for this OS and it loads (serve's first line and the load report say which TLS).
# EC keys on both sides prove the runtime carries jdk.crypto.ec, Netty's jdk.unsupported too.
# Usage: packaging/smoke-cli.sh LAUNCHER WORKSPACE   (LAUNCHER: a path, or a name found on the PATH)
# Run by smoke-test.sh (app image), smoke-test-deb.sh (installed .deb) and the CI workflow (macOS).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 LAUNCHER WORKSPACE" >&2; exit 2; }
cli=$1
ws=$2
repo=$(cd "$(dirname "$0")/.." && pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "$cli --version"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$repo/pom.xml" | head -1)
said=$("$cli" --version 2>/dev/null) || fail "$cli --version exited with status $?"
[ "$said" = "mtls-lab $version" ] || fail "$cli --version says '$said', expected 'mtls-lab $version'"

step "$cli ca create, server issue, client issue into $ws"
"$cli" ca create --dir "$ws" --key ec-p256
"$cli" server issue --dir "$ws" --key ec-p256
"$cli" client issue --dir "$ws" --key ec-p256
for f in ca.pem ca.key server.pem server.key client.pem client.key; do
    [ -s "$ws/$f" ] || fail "the issue commands left no $f in $ws"
done
if command -v openssl >/dev/null 2>&1; then
    openssl verify -x509_strict -CAfile "$ws/ca.pem" "$ws/server.pem" "$ws/client.pem" >/dev/null \
        || fail "openssl does not verify the issued set"
fi

step "$cli serve on 127.0.0.1 answers $cli call"
out=$(mktemp -d)
server=
stop_server() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    server=
}
trap 'stop_server; rm -rf "$out"' EXIT
"$cli" serve --dir "$ws" --bind 127.0.0.1 --port 0 >"$out/serve.log" 2>&1 &
server=$!
for _ in $(seq 90); do
    grep -q 'listening on' "$out/serve.log" && break
    kill -0 "$server" 2>/dev/null || break
    sleep 1
done
port=$(grep -oE 'https://[^/ ]+:[0-9]+' "$out/serve.log" | head -1 | sed 's/.*://')
[ -n "$port" ] || { sed 's/^/  serve: /' "$out/serve.log" >&2; fail "the echo server did not start"; }
grep -q 'TLS by BoringSSL' "$out/serve.log" \
    || { sed 's/^/  serve: /' "$out/serve.log" >&2; fail "the packaged echo server does not run on BoringSSL"; }
"$cli" call --dir "$ws" -H 'Accept: text/plain' "https://127.0.0.1:$port/" >"$out/call.log" 2>&1 \
    || { sed 's/^/  call: /' "$out/call.log" >&2; fail "$cli call exited with status $?"; }
grep -q '^== Response: 200' "$out/call.log" || { cat "$out/call.log" >&2; fail "the call got no 200 answer"; }
grep -q 'server chain (trusted)' "$out/call.log" || { cat "$out/call.log" >&2; fail "the call did not trust the server"; }
grep -q 'Common Name: Cliente' "$out/call.log" \
    || { cat "$out/call.log" >&2; fail "the echo answer does not name the client certificate"; }
if command -v curl >/dev/null 2>&1 && [ "$(uname -s)" != Darwin ]; then
    # macOS's curl (Secure Transport/LibreSSL builds) cannot always take a PEM client key: Linux only.
    answer=$(curl -sS --max-time 20 --cacert "$ws/ca.pem" --cert "$ws/client.pem" --key "$ws/client.key" \
        -H 'Accept: text/plain' "https://127.0.0.1:$port/") || fail "curl's mTLS call failed"
    grep -q '^Common Name: Cliente' <<<"$answer" || fail "unexpected echo answer to curl: $answer"
fi
"$cli" load --dir "$ws" -n 20 -c 2 "https://127.0.0.1:$port/" >"$out/load.log" 2>&1 \
    || { cat "$out/load.log" >&2; fail "$cli load exited with status $?"; }
grep -q 'client TLS .*BoringSSL' "$out/load.log" \
    || { cat "$out/load.log" >&2; fail "the packaged load client did not run on BoringSSL (native library missing?)"; }
grep -q '20 succeeded, 0 failed' "$out/load.log" || { cat "$out/load.log" >&2; fail "the load run failed calls"; }
stop_server
echo "console launcher smoke test passed ($cli)"
