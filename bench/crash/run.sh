#!/usr/bin/env bash
# Crash suite: many respondents send their answers while the service is killed with kill -9 three
# times and PostgreSQL crashes once (one of its processes killed with kill -9, so it resets every
# session and recovers from its write-ahead log). Then it checks, in the database, that every send
# the service acknowledged ("Thank you") is stored exactly once, that the people who met the outage
# got a plain page (never a stack trace), and that their half-done answers were kept so that coming
# back sent them. Runs the service as a user would: the jar, on the durable embedded PostgreSQL.
# See bench/README.md for what it showed.
#
# Usage (from the repository root): bench/crash/run.sh [answers, default 10000] [respondents, default 32]
set -euo pipefail

ANSWERS=${1:-10000}
CONCURRENCY=${2:-32}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench/crash
HTTP_PORT=18090
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

cd "$ROOT"
source bench/lib.sh
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -q -DskipTests package
fi
JAR=$(ls target/coproduction-impact-*.jar | head -1)
rm -rf "$WORK" && mkdir -p "$WORK"

SERVER=""
starts=0
start_server() {
    starts=$((starts + 1))
    local clean=false
    [ "$starts" = 1 ] && clean=true
    # The rate limits protect a real service from floods; this suite is a flood on purpose.
    "$JAVA_HOME/bin/java" -Xmx512m -jar "$JAR" --server.port=$HTTP_PORT \
        --app.embedded-db.data-dir="$WORK/pg" --app.embedded-db.clean=$clean \
        --app.forms.limits.per-address=100000000 --app.forms.limits.submissions-per-form=100000000 \
        --logging.level.root=WARN > "$WORK/server-$starts.log" 2>&1 &
    SERVER=$!
    wait_healthy $HTTP_PORT $SERVER "$WORK/server-$starts.log"
}
stop_all() {
    [ -n "$SERVER" ] && kill $SERVER 2>/dev/null || true
    wait 2>/dev/null || true
}
trap stop_all EXIT
postmaster() { sed -n 1p "$WORK/pg/postmaster.pid"; }
PSQL() { psql -h 127.0.0.1 -p "$(sed -n 4p "$WORK/pg/postmaster.pid")" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

start_server
echo "$(date -u +%T) started (pid $SERVER); durable: $(PSQL -c 'show fsync') fsync, $(PSQL -c 'show synchronous_commit') synchronous commit"
PSQL=(PSQL) # prepare.sh runs "${PSQL[@]}": here, the function above (the port changes at each start)
source "$ROOT/bench/form-submission/prepare.sh"
prepare_drafts "$ANSWERS"

python3 bench/crash/respondents.py "http://127.0.0.1:$HTTP_PORT" "$FORM_TOKEN" 0 "$ANSWERS" "$CONCURRENCY" \
    "$CSRF_COOKIE" "$CSRF_PARAM" "$WORK/respondents.json" 900 0.05 > "$WORK/respondents.txt" &
RESPONDENTS=$!

sent() { PSQL -c "select count(*) from form_response where form_id = 'b0000000-0000-0000-0000-000000000001'" 2>/dev/null || echo "?"; }
crash_service() {
    sleep "$1"
    echo "$(date -u +%T) kill -9 the service (pid $SERVER) with $(sent) answers stored"
    kill -9 $SERVER; wait $SERVER 2>/dev/null || true
    sleep 1
    start_server
    echo "$(date -u +%T) started again (pid $SERVER), the orphaned PostgreSQL stopped: $(grep -c 'earlier run that did not stop cleanly' "$WORK/server-$starts.log" || true)"
}
crash_service 2
crash_service 2
sleep 2
backend=$(pgrep -P "$(postmaster)" -f "postgres: postgres postgres" | head -1 || true)
echo "$(date -u +%T) kill -9 a PostgreSQL process (pid $backend): the database resets every session and recovers"
[ -n "$backend" ] && kill -9 "$backend"
crash_service 2

wait $RESPONDENTS
echo "$(date -u +%T) respondents: $(cat "$WORK/respondents.txt")"

# Every acknowledged send, checked against the database.
python3 -c "import json,sys; print('\n'.join(json.load(open(sys.argv[1]))['tokens']))" "$WORK/respondents.json" > "$WORK/acknowledged.txt"
PSQL <<SQL > "$WORK/check.txt"
create temporary table acknowledged (token text primary key);
\copy acknowledged from '$WORK/acknowledged.txt'
select 'acknowledged sends: ' || count(*) from acknowledged;
select 'responses stored: ' || count(*) from form_response where form_id = 'b0000000-0000-0000-0000-000000000001';
select 'stored more than once: ' || (count(*) - count(distinct submission_token)) from form_response
    where form_id = 'b0000000-0000-0000-0000-000000000001';
select 'acknowledged but not stored: ' || count(*) from acknowledged a
    where not exists (select 1 from form_response r where r.form_id = 'b0000000-0000-0000-0000-000000000001' and r.submission_token = a.token);
select 'drafts still waiting: ' || count(*) from form_draft where form_id = 'b0000000-0000-0000-0000-000000000001';
SQL
cat "$WORK/check.txt"
pages=$(python3 -c "import json,sys; p=json.load(open(sys.argv[1]))['summary']['outage_pages']; print(' '.join(f'{k}:' + ('plain' if 'Sorry, there is a problem' in v and 'Exception' not in v else 'NOT-PLAIN') for k,v in p.items()))" "$WORK/respondents.json")
echo "error pages respondents saw: ${pages:-none}"
missing=$(sed -n 's/^acknowledged but not stored: //p' "$WORK/check.txt")
twice=$(sed -n 's/^stored more than once: //p' "$WORK/check.txt")
if [ "$missing" != 0 ] || [ "$twice" != 0 ] || [[ "$pages" == *NOT-PLAIN* ]]; then
    echo "FAILED: an acknowledged answer was lost or stored twice, or an outage page was not plain"
    exit 1
fi
echo "PASSED: every acknowledged answer stored exactly once"
