#!/usr/bin/env bash
# Full mTLS handshakes per second (new connection, no resumption, one GET each) on loopback:
# the mTLS Lab echo server (`mtls-lab serve`) against `openssl s_server -www` on the same
# certificates, driven by the same Java load client, and the ratio of the two.
#
#   bench/handshakes.sh [CONNECTIONS=3000] [CONCURRENCY=16] [MAX_SECONDS=60]
#   JAVA=/usr/lib/jvm/other/bin/java bench/handshakes.sh   # server and load client on another JVM
#   KEYS=rsa bench/handshakes.sh    # the seed's key types: RSA-4096 CA, RSA-2048 server and client
#                                   # (default KEYS=ec: EC P-256 everywhere)
#
# Needs a JDK 17+, Maven and openssl. Not a test: numbers depend on the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${1:-3000}
CONCURRENCY=${2:-16}
MAX_SECONDS=${3:-60}
WARMUP=$(( CONNECTIONS / 5 ))
ECHO_PORT=${ECHO_PORT:-18443}
OPENSSL_PORT=${OPENSSL_PORT:-18444}
JAVA=${JAVA:-java}
KEYS=${KEYS:-ec}

mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

await_port() {
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "server on port $1 did not start" >&2; exit 1
}

run_load() {
    "$JAVA" -cp "$CP" io.mtlslab.bench.HandshakeBench run "$WORK" "$1" "$CONNECTIONS" "$CONCURRENCY" "$MAX_SECONDS" "$WARMUP"
}

case "$KEYS" in
    ec)  CA_KEY=ec-p256; LEAF_KEY=ec-p256; KEYS_TEXT="EC P-256 CA/server/client" ;;
    rsa) CA_KEY=rsa-4096; LEAF_KEY=rsa-2048; KEYS_TEXT="the seed's RSA-4096 CA, RSA-2048 server/client" ;;
    *)   echo "KEYS must be ec or rsa" >&2; exit 2 ;;
esac
# The certificate set is made by the product's own CLI, as a user would.
"$JAVA" -cp "$CP" io.mtlslab.Main ca create --dir "$WORK" --key "$CA_KEY" >/dev/null
"$JAVA" -cp "$CP" io.mtlslab.Main server issue --dir "$WORK" --key "$LEAF_KEY" >/dev/null
"$JAVA" -cp "$CP" io.mtlslab.Main client issue --dir "$WORK" --key "$LEAF_KEY" >/dev/null
echo "$("$JAVA" -version 2>&1 | head -1); $(openssl version)"
echo "workspace: $KEYS_TEXT; $CONNECTIONS connections ($WARMUP more as warm-up), $CONCURRENCY in parallel, at most ${MAX_SECONDS}s; $(nproc) cores"

"$JAVA" -cp "$CP" io.mtlslab.Main serve --dir "$WORK" --port "$ECHO_PORT" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
await_port "$ECHO_PORT"
ECHO=$(run_load "$ECHO_PORT")
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
echo "echo server (mtls-lab serve):       $ECHO"

openssl s_server -quiet -accept "$OPENSSL_PORT" -cert "$WORK/server.pem" -key "$WORK/server.key" \
    -CAfile "$WORK/ca.pem" -Verify 1 -verify_return_error -www >"$WORK/s_server.log" 2>&1 &
SERVER_PID=$!
await_port "$OPENSSL_PORT"
OPENSSL=$(run_load "$OPENSSL_PORT")
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
echo "openssl s_server -www:              $OPENSSL"

rate() { sed -n 's/.*handshakes\/s=\([0-9.]*\).*/\1/p' <<<"$1"; }
awk -v a="$(rate "$ECHO")" -v b="$(rate "$OPENSSL")" \
    'BEGIN { if (b > 0) printf "ratio echo/openssl: %.2f\n", a / b; else print "ratio: n/a" }'
