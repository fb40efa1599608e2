#!/usr/bin/env bash
# Full mTLS handshakes per second on loopback (new connection, no resumption, one GET each):
# the mTLS Lab echo server (`mtls-lab serve`), `openssl s_server -www` and the seed's Go server,
# on the same certificates, all driven by the same load client (`mtls-lab load`, BoringSSL),
# interleaved over several rounds; prints each round, the medians and the ratios.
#
#   bench/handshakes.sh [COUNT=3000] [CONCURRENCY=8] [ROUNDS=3]
#   KEYS=rsa bench/handshakes.sh    # the seed's key types: RSA-4096 CA, RSA-2048 server and client
#                                   # (default KEYS=ec: EC P-256 everywhere)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/handshakes.sh   # servers and client on another JVM
#   SERVER_JAVA_OPTS='-XX:TieredStopAtLevel=1' bench/handshakes.sh  # JVM options for `mtls-lab serve` only
#                                   # (the load client keeps JAVA's defaults, so the servers share one client)
#   WARMUP=6000 bench/handshakes.sh  # calls before each measured run (default COUNT/5+1); a fresh JVM's JIT
#                                    # needs several thousand to settle, the native servers need none
#
# Needs a JDK 17+, Maven, openssl and Go (the seed's server is built with `go build` in a temp dir;
# it is skipped without Go). Ports come from the kernel (port 0), never fixed ones.
# Not a test: numbers depend on the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${1:-3000}
CONCURRENCY=${2:-8}
ROUNDS=${3:-3}
JAVA=${JAVA:-java}
read -r -a SERVER_OPTS <<<"${SERVER_JAVA_OPTS:-}"
KEYS=${KEYS:-ec}
WARMUP=${WARMUP:-$(( COUNT / 5 + 1 ))}

[ -f target/mtls-lab.jar ] || mvn -q -B package -DskipTests
MTLS=("$JAVA" -jar target/mtls-lab.jar)
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

await_port() {
    for _ in $(seq 1 150); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "server on port $1 did not start" >&2; exit 1
}

case "$KEYS" in
    ec)  CA_KEY=ec-p256; LEAF_KEY=ec-p256; KEYS_TEXT="EC P-256 CA/server/client" ;;
    rsa) CA_KEY=rsa-4096; LEAF_KEY=rsa-2048; KEYS_TEXT="the seed's RSA-4096 CA, RSA-2048 server/client" ;;
    *)   echo "KEYS must be ec or rsa" >&2; exit 2 ;;
esac
# The certificate set is made by the product's own CLI, as a user would.
"${MTLS[@]}" ca create --dir "$WORK" --key "$CA_KEY" >/dev/null
"${MTLS[@]}" server issue --dir "$WORK" --key "$LEAF_KEY" >/dev/null
"${MTLS[@]}" client issue --dir "$WORK" --key "$LEAF_KEY" >/dev/null

# The seed's Go server (article 000's code, shared with the tests): it listens on a port the kernel
# picks and prints its address.
GO_SERVER=""
if command -v go >/dev/null; then
    mkdir -p "$WORK/go"
    cp src/test/resources/io/mtlslab/testing/seed_server.go "$WORK/go/main.go"
    (cd "$WORK/go" && GO111MODULE=off go build -o seed-server main.go) && GO_SERVER="$WORK/go/seed-server"
fi

echo "$("$JAVA" -version 2>&1 | head -1); $(openssl version); $(command -v go >/dev/null && go version || echo 'no Go')"
[ ${#SERVER_OPTS[@]} -eq 0 ] || echo "mtls-lab serve runs with ${SERVER_OPTS[*]}"
echo "workspace: $KEYS_TEXT; $COUNT calls per run after $WARMUP warm-up calls, $CONCURRENCY at a time, $ROUNDS rounds; $(nproc) cores"

start_server() { # name -> sets PORT once the server listens
    PORT=$(free_port)
    case "$1" in
        mtls-lab) "$JAVA" "${SERVER_OPTS[@]}" -jar target/mtls-lab.jar serve --dir "$WORK" --port "$PORT" >"$WORK/serve.log" 2>&1 & ;;
        s_server) openssl s_server -quiet -accept "127.0.0.1:$PORT" -cert "$WORK/server.pem" -key "$WORK/server.key" \
                      -CAfile "$WORK/ca.pem" -Verify 1 -verify_return_error -www >"$WORK/s_server.log" 2>&1 & ;;
        go)       : >"$WORK/go.log"
                  (cd "$WORK" && exec "$GO_SERVER" -mode RequireAndVerifyClientCert -cas ca.pem) >"$WORK/go.log" 2>&1 &
                  for _ in $(seq 1 100); do [ -s "$WORK/go.log" ] && break; sleep 0.1; done
                  PORT=$(head -1 "$WORK/go.log" | sed 's/.*://') ;;
    esac
    SERVER_PID=$!
    await_port "$PORT"
}

measure() { # name -> handshakes/s
    local port rate
    start_server "$1"
    port=$PORT
    # warm-up calls (the server's and the client's JIT, caches), then the measured run, in one client process
    rate=$("${MTLS[@]}" load "https://localhost:$port/" --dir "$WORK" --warmup "$WARMUP" -n "$COUNT" -c "$CONCURRENCY" --json \
        | sed -n 's/.*"handshakesPerSecond" *: *\([0-9.]*\).*/\1/p')
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
    echo "${rate:-0}"
}

servers=(mtls-lab s_server)
[ -n "$GO_SERVER" ] && servers+=(go)
declare -A results
for round in $(seq 1 "$ROUNDS"); do
    line="round $round:"
    for name in "${servers[@]}"; do
        rate=$(measure "$name")
        results[$name]+="$rate "
        line+=$(printf '  %s %.1f/s' "$name" "$rate")
    done
    echo "$line"
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ours=$(median "${results[mtls-lab]}")
printf 'median handshakes/s: mtls-lab serve %.1f' "$ours"
for name in "${servers[@]:1}"; do printf ', %s %.1f' "$name" "$(median "${results[$name]}")"; done
echo
for name in "${servers[@]:1}"; do
    awk -v a="$ours" -v b="$(median "${results[$name]}")" -v n="$name" \
        'BEGIN { if (b > 0) printf "ratio mtls-lab serve / %s: %.2f\n", n, a / b; else print "ratio: n/a" }'
done
