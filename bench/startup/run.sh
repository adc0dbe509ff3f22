#!/usr/bin/env bash
# Start-up time and memory of the packaged service against a PostgreSQL server (as in production),
# three ways: the jar as built; the jar extracted as the Dockerfile does (java -Djarmode=tools ...
# extract); and the extracted jar with the JDK's AOT cache (JEP 483/514, Java 25), made by a
# training run at build time (-XX:AOTCacheOutput with -Dspring.context.exit=onRefresh).
# Each is started RUNS times; the figures are Spring's "Started ... in X seconds" line (what the
# JVM and Spring need until the service answers) and the resident memory (RSS) once it is healthy.
#
# Usage (from the repository root): bench/startup/run.sh   (RUNS=5 by default; SKIP_BUILD=1 to reuse the jar)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench/startup
RUNS=${RUNS:-5}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
cd "$ROOT"
source bench/lib.sh
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -q -DskipTests package
fi
rm -rf "$WORK" && mkdir -p "$WORK"
cp "$(ls target/coproduction-impact-*.jar | head -1)" "$WORK/app.jar"
unset SPRING_DATASOURCE_URL
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null || true' EXIT

# A PostgreSQL to start against: the trial's embedded one, run by a first instance on its own port.
"$JAVA" -jar "$WORK/app.jar" --server.port=18131 --app.embedded-db.data-dir="$WORK/pg" --logging.level.root=WARN > "$WORK/db.log" 2>&1 &
PIDS+=($!)
wait_healthy 18131 $! "$WORK/db.log"
PG_PORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
export APP_DEMO_ENABLED=false

# The layers merged into one folder, as the Dockerfile's COPY lines make /app: app.jar and lib/.
(cd "$WORK" && "$JAVA" -Djarmode=tools -jar app.jar extract --destination extracted > /dev/null)
EXTRACTED=$WORK/extracted/app.jar
# The training run: starts the context against the database, then exits, writing the AOT cache.
(cd "$WORK/extracted" && "$JAVA" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh \
    -jar "$EXTRACTED" --server.port=0 > "$WORK/training.log" 2>&1)
ls -la "$WORK/app.aot" | awk '{printf "AOT cache: %.0f MB\n", $5/1048576}'

measure() {
    local name=$1; shift
    for i in $(seq 1 "$RUNS"); do
        "$JAVA" "$@" --server.port=18132 > "$WORK/$name-$i.log" 2>&1 &
        local pid=$!
        wait_healthy 18132 $pid "$WORK/$name-$i.log"
        local started rss
        started=$(sed -n 's/.*Started CoproductionImpactApplication in \([0-9.]*\) seconds.*/\1/p' "$WORK/$name-$i.log")
        rss=$(ps -o rss= -p $pid | awk '{printf "%.0f", $1/1024}')
        echo "$name run $i: started in $started s, $rss MB resident"
        kill $pid; wait $pid 2>/dev/null || true
    done
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
measure jar -jar "$WORK/app.jar"
measure extracted -jar "$EXTRACTED"
measure aot-cache -XX:AOTCache="$WORK/app.aot" -jar "$EXTRACTED"
measure aot-cache-small-heap -XX:AOTCache="$WORK/app.aot" -XX:+UseSerialGC -Xss512k -XX:MaxRAM=1g -jar "$EXTRACTED"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
