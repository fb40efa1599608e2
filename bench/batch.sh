#!/usr/bin/env bash
# A workshop batch of many EC P-256 client identities (key, certificate, modern .p12 and password
# each) issued by `mtls-lab batch` in a fresh workspace, timed with /usr/bin/time -v: wall time and
# peak resident memory of the whole JVM.
#
#   bench/batch.sh [ROWS=10000]
#   JAVA=/usr/lib/jvm/other/bin/java bench/batch.sh
#   JAVA_OPTS=-Xmx256m bench/batch.sh   # JVM options for the batch run (default: none, as the launcher)
#
# Needs a JDK 17+, Maven and GNU time (/usr/bin/time). Not a test: numbers depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-10000}
JAVA=${JAVA:-java}
[ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)" >&2; exit 1; }

mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench-batch-classpath.txt \
    -Dmdep.includeScope=runtime >/dev/null
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r target/classes "$WORK/classes" # a rebuild during the run must not pull classes away under it
CP="$WORK/classes:$(cat target/bench-batch-classpath.txt)"

"$JAVA" -cp "$CP" io.mtlslab.Main ca create --dir "$WORK/ws" --key ec-p256 >/dev/null
awk -v n="$ROWS" 'BEGIN { print "name,CN,OU,email"
    for (i = 1; i <= n; i++) printf "aluno%05d,Aluno %d,TURMA-%d,aluno%d@example.com\n", i, i, i % 20, i }' \
    >"$WORK/students.csv"
echo "$("$JAVA" -version 2>&1 | head -1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg);" \
    "$ROWS rows, EC P-256; JAVA_OPTS=${JAVA_OPTS:-none}"

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
/usr/bin/time -v "$JAVA" ${JAVA_OPTS:-} -cp "$CP" io.mtlslab.Main batch "$WORK/students.csv" --dir "$WORK/ws" --key ec-p256 \
    >"$WORK/batch.out" 2>"$WORK/time.txt" || { tail -5 "$WORK/batch.out"; cat "$WORK/time.txt"; exit 1; }
tail -1 "$WORK/batch.out"
sed -n -e 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): /wall time: /p' \
    -e 's/^\s*Maximum resident set size (kbytes): \([0-9]*\)/peak RSS: \1 kB/p' \
    -e 's/^\s*User time (seconds): /user CPU s: /p' \
    -e 's/^\s*Percent of CPU this job got: /CPU share: /p' \
    -e 's/^\s*File system outputs: /file system outputs (512-byte blocks): /p' "$WORK/time.txt"
echo "identities in workspace.json: $(grep -c '"name"' "$WORK/ws/workspace.json")"
