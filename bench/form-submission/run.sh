#!/usr/bin/env bash
# End-to-end form submission benchmark: the full HTTP path of "Send my answers" (rate limits, CSRF,
# locating the form, reading and checking the draft, one insert, removing the draft, commit,
# redirect) against a locally started server on its embedded PostgreSQL, at 16 and 64 concurrent
# respondents; and, in the same run, the raw single-row insert rate of the same PostgreSQL with
# pgbench inserting an equivalent row. See bench/README.md for what it showed.
#
# Usage (from the repository root): bench/form-submission/run.sh [seconds-per-step, default 30]
set -euo pipefail

SECONDS_PER_STEP=${1:-30}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench/form-submission
HTTP_PORT=18080
DRAFTS=750000 # five blocks of 150,000: a warm-up, then a short warm-up and a measured run at each level
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -q -o -DskipTests package
fi
JAR=$(ls target/coproduction-impact-*.jar | head -1)
rm -rf "$WORK" && mkdir -p "$WORK"

# The rate limits protect a real service from floods; a benchmark is a flood on purpose.
"$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar "$JAR" --server.port=$HTTP_PORT \
    --app.embedded-db.data-dir="$WORK/pg" --app.embedded-db.clean=true \
    --app.forms.limits.per-address=100000000 --app.forms.limits.submissions-per-form=100000000 \
    --logging.level.root=WARN ${EXTRA_SERVER_ARGS:-} > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" > /dev/null && break
    sleep 1
done
curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" > /dev/null || { echo "server did not start; see $WORK/server.log"; exit 1; }

PG_PORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)

# PG_SETTINGS="name=value ..." tries PostgreSQL settings a reload can change (commit_delay, say).
for setting in ${PG_SETTINGS:-}; do
    "${PSQL[@]}" -c "alter system set ${setting%%=*} = '${setting#*=}'"
done
[ -n "${PG_SETTINGS:-}" ] && "${PSQL[@]}" -c "select pg_reload_conf()" > /dev/null && echo "PostgreSQL settings: $PG_SETTINGS"

# The form and its drafts, and a CSRF pair (prepare.sh).
source "$ROOT/bench/form-submission/prepare.sh"
prepare_drafts "$DRAFTS"

# The raw insert rate: pgbench inserting an equivalent response row (same table, indexes, unique key
# and JSON answers), one row per transaction, as the app does.
cat > "$WORK/insert.sql" <<SQL
insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source)
select gen_random_uuid(), organisation_id, id, 1, md5(random()::text), '$(echo '{"where":["The day centre"],"easy":["3"],"fun":["4"],"feel.before":["1"],"feel.after":["3"],"helped":["Having the words and pictures together, and time to talk"],"change":["More time for questions at the end"],"again":["yes"]}')'::jsonb, 'ONLINE'
from form where id = 'b0000000-0000-0000-0000-000000000001';
SQL

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
BLOCK=150000 # drafts per wrk run: more than one 30-second run can send (check "responses saved" against the requests)
block=0
# Warm the server up first (the JIT compiles the hot path in the first seconds; figures taken before
# that mean little), with its own block of drafts.
FIRST_DRAFT=$((block++ * BLOCK)) FORM_TOKEN=$FORM_TOKEN DRAFTS=$((block * BLOCK)) THREADS=2 CSRF_COOKIE=$CSRF_COOKIE CSRF_PARAM=$CSRF_PARAM \
    wrk -t2 -c32 -d20s -s bench/form-submission/submit.lua "http://127.0.0.1:$HTTP_PORT" > /dev/null
for clients in 16 64; do
    threads=2
    echo "== HTTP submission, $clients concurrent respondents, ${SECONDS_PER_STEP}s (after 5s warm-up)"
    # Warm-up with its own drafts (the top of the range), then the measured run.
    FIRST_DRAFT=$((block++ * BLOCK)) FORM_TOKEN=$FORM_TOKEN DRAFTS=$((block * BLOCK)) THREADS=$threads CSRF_COOKIE=$CSRF_COOKIE CSRF_PARAM=$CSRF_PARAM \
        wrk -t$threads -c"$clients" -d5s -s bench/form-submission/submit.lua "http://127.0.0.1:$HTTP_PORT" > /dev/null
    FIRST_DRAFT=$((block++ * BLOCK)) FORM_TOKEN=$FORM_TOKEN DRAFTS=$((block * BLOCK)) THREADS=$threads CSRF_COOKIE=$CSRF_COOKIE CSRF_PARAM=$CSRF_PARAM \
        wrk -t$threads -c"$clients" -d"${SECONDS_PER_STEP}s" --latency -s bench/form-submission/submit.lua "http://127.0.0.1:$HTTP_PORT" \
        | tee "$WORK/http-$clients.txt" | grep -E "JSON|Requests/sec|Non-2xx"
    echo "== raw PostgreSQL insert (pgbench), $clients clients, ${SECONDS_PER_STEP}s"
    rm -f "$WORK"/pgbench_log.*
    (cd "$WORK" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c "$clients" -j 2 -T "$SECONDS_PER_STEP" -l -f "$WORK/insert.sql" postgres) \
        | tee "$WORK/pgbench-$clients.txt" | grep -E "^tps|latency average"
    # Each transaction's latency (third column, microseconds): the raw insert's own p50 and p99, to set
    # beside the HTTP send's (a commit that waits for the disk is in both).
    cat "$WORK"/pgbench_log.* | awk '{print $3}' | sort -n \
        | awk '{t[NR]=$1} END {printf "pgbench latency p50 %.1f ms, p99 %.1f ms\n", t[int(NR*0.5)]/1000, t[int(NR*0.99)]/1000}'
    rm -f "$WORK"/pgbench_log.*
done
echo "responses saved: $("${PSQL[@]}" -c "select count(*) from form_response where form_id = 'b0000000-0000-0000-0000-000000000001' and submission_token like 'bench%'") by HTTP; drafts left: $("${PSQL[@]}" -c "select count(*) from form_draft where form_id = 'b0000000-0000-0000-0000-000000000001'")"
