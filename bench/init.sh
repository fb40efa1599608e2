#!/usr/bin/env bash
# The seed's certificate set, timed: `mtls-lab init` (one process, keys generated in parallel) against
# the seed article's OpenSSL recipe (three genrsa, two req, two x509 -req) and against the three
# separate mtls-lab commands. Wall time per run, median of RUNS runs, each in a fresh folder.
#
#   bench/init.sh                 # RSA as in the recipe (CA 4096, leaves 2048); RUNS=5
#   KEYS=ec RUNS=9 bench/init.sh  # mtls-lab with EC P-256 (the recipe stays RSA)
#   MTLS=/opt/mtls-lab/bin/mtls-lab bench/init.sh   # a packaged launcher instead of java -jar
#                                 # (the installed .deb, or target/jpackage/mTLS Lab/bin/mtls-lab)
#
# Needs a JDK 17+, Maven and openssl. Not a test: RSA key generation time varies a lot run to run.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
KEYS=${KEYS:-rsa}
JAVA=${JAVA:-java}
JAR=$(pwd)/target/mtls-lab.jar
if [ -n "${MTLS:-}" ]; then
    MTLS_CMD=("$MTLS")
else
    mvn -q -B package -DskipTests   # always: a stale jar would time an older program
    MTLS_CMD=("$JAVA" -jar "$JAR")
fi
KEY_OPTION=()
[ "$KEYS" = ec ] && KEY_OPTION=(--key ec-p256)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The seed's own .cnf files, the copies the tests use too.
cp src/test/resources/io/mtlslab/testing/server_cert_ext.cnf src/test/resources/io/mtlslab/testing/client_cert_ext.cnf "$scratch/"

recipe() {
    openssl genrsa -out ca.key 4096
    openssl req -x509 -new -nodes -key ca.key -sha256 -days 3650 -out ca.pem \
        -subj "/C=BR/ST=Estado/L=Cidade/O=MinhaEmpresa/OU=TI/CN=MinhaCA"
    for side in server client; do
        openssl genrsa -out $side.key 2048
        openssl req -new -key $side.key -out $side.csr -config "$scratch/${side}_cert_ext.cnf"
        openssl x509 -req -in $side.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out $side.pem -days 365 \
            -sha256 -extfile "$scratch/${side}_cert_ext.cnf" -extensions req_ext
    done
}
init() { "${MTLS_CMD[@]}" init --dir . "${KEY_OPTION[@]}"; }
three() {
    "${MTLS_CMD[@]}" ca create --dir . "${KEY_OPTION[@]}"
    "${MTLS_CMD[@]}" server issue --dir . "${KEY_OPTION[@]}"
    "${MTLS_CMD[@]}" client issue --dir . "${KEY_OPTION[@]}"
}

time_ms() { # function -> wall milliseconds, in a fresh folder
    local dir start end
    dir=$(mktemp -d -p "$scratch")
    start=$(date +%s%N)
    (cd "$dir" && "$1" >"$dir.log" 2>&1) || { echo "$1 failed:" >&2; cat "$dir.log" >&2; exit 1; }
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

declare -A runs
for _ in $(seq 1 "$RUNS"); do
    for what in recipe init three; do runs[$what]+="$(time_ms $what) "; done
done
echo "$(openssl version); mtls-lab: ${MTLS:-$("$JAVA" -version 2>&1 | head -1) -jar}; mtls-lab keys: $KEYS; $RUNS runs; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for what in recipe init three; do echo "$what: median $(median "${runs[$what]}") ms  (runs: ${runs[$what]})"; done
awk -v a="$(median "${runs[init]}")" -v b="$(median "${runs[recipe]}")" 'BEGIN { printf "ratio init / OpenSSL recipe: %.2f\n", a / b }'
