#!/usr/bin/env bash
# Several instances: two instances of the service on one PostgreSQL behind a round-robin proxy
# (proxy.py), checked by check.py: a session made on one holds on the other, signing out on one ends
# it on both, and the public form's rate limit is what docs/forms-respond.md says (each instance
# counts on its own). Other shared behaviour is tested in the suite: the email outbox with two
# senders at once (OutboxIntegrationTest), a send of one draft from many requests at once
# (RespondIntegrationTest), files (kept in PostgreSQL). See bench/README.md.
#
# Usage (from the repository root): bench/instances/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench/instances
LIMIT=10
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"
source bench/lib.sh
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -q -DskipTests package
fi
JAR=$(ls target/coproduction-impact-*.jar | head -1)
rm -rf "$WORK" && mkdir -p "$WORK"
unset SPRING_DATASOURCE_URL
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null || true' EXIT
COMMON=(--logging.level.root=WARN --app.forms.limits.per-address=$LIMIT)

# A: the embedded PostgreSQL and the demo. B: the same database, as a server.
"$JAVA_HOME/bin/java" -jar "$JAR" --server.port=18121 --app.embedded-db.data-dir="$WORK/pg" "${COMMON[@]}" > "$WORK/a.log" 2>&1 &
PIDS+=($!)
wait_healthy 18121 $! "$WORK/a.log"
PG_PORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
    "$JAVA_HOME/bin/java" -jar "$JAR" --server.port=18122 "${COMMON[@]}" > "$WORK/b.log" 2>&1 &
PIDS+=($!)
wait_healthy 18122 $! "$WORK/b.log"
python3 bench/instances/proxy.py 18120 A=18121 B=18122 &
PIDS+=($!)
sleep 1

FORM_TOKEN=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAt -c "select token from form where status = 'OPEN' order by created_at limit 1")
python3 bench/instances/check.py http://127.0.0.1:18120 "$FORM_TOKEN" $LIMIT
