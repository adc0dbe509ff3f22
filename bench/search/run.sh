#!/usr/bin/env bash
# Search at size (issue 14): starts the application with a 256 MB heap on its own embedded
# PostgreSQL, fills an organisation with generate.sql (ITEMS recorded items, default 300,000), then:
#   - prints EXPLAIN (ANALYZE, BUFFERS) of the recorded-items search for a rare word, a Welsh word and
#     a common word, as the application runs it: the security definer function record_item_search
#     (V0081) called as coproduction_app with the organisation set, with auto_explain showing the
#     plan of the statement inside the function (to show the GIN indexes of V0061 used);
#   - times the whole search page (/search?q=..., every source) signed in over HTTP.
# See bench/README.md, "Search at size", for what it showed.
#
# Usage (from the repository root): bench/search/run.sh
# ITEMS, RUNS (10), WARMUP (2); SKIP_BUILD=1 reuses target/coproduction-impact-*.jar;
# KEEP_DATA=1 reuses target/bench/search/pg.
set -euo pipefail

ITEMS=${ITEMS:-300000}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench/search
HTTP_PORT=${HTTP_PORT:-18084}
HEAP=${HEAP:-256m}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
source "$ROOT/bench/lib.sh"

cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -q -o -DskipTests package
fi
JAR=$(ls target/coproduction-impact-*.jar | head -1)
if [ -z "${KEEP_DATA:-}" ]; then
    rm -rf "$WORK"
fi
mkdir -p "$WORK"

"$JAVA_HOME/bin/java" -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$HTTP_PORT" \
    --app.embedded-db.data-dir="$WORK/pg" --app.embedded-db.clean=false \
    --logging.level.root=WARN > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
wait_healthy "$HTTP_PORT" "$SERVER" "$WORK/server.log"

PG_PORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
ORG=5ea2c000-0000-0000-0000-000000000001
if [ "$("${PSQL[@]}" -c "select count(*) from organisation where id = '$ORG'")" = 0 ]; then
    start=$(date +%s.%N)
    "${PSQL[@]}" -v items="$ITEMS" -f bench/search/generate.sql
    echo "generated $("${PSQL[@]}" -c "select count(*) from record_item where organisation_id = '$ORG'") recorded items in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
echo "record_item: $("${PSQL[@]}" -c "select count(*) from record_item") rows; GIN indexes: $("${PSQL[@]}" -c "
    select string_agg(indexrelname || ' ' || pg_size_pretty(pg_relation_size(indexrelid)), ', ')
    from pg_stat_user_indexes where indexrelname like 'record_item_search%'")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

for q in kingfisher glas group; do
    echo
    echo "plan for q=$q: the search function (V0081, V0082) called as coproduction_app with the organisation set;"
    echo "the statement inside it as auto_explain reports it, then the call itself:"
    "${PSQL[@]}" <<SQL 2>&1
load 'auto_explain';
set auto_explain.log_min_duration = 0;
set auto_explain.log_analyze = on;
set auto_explain.log_buffers = on;
set auto_explain.log_nested_statements = on;
set auto_explain.log_level = notice;
set client_min_messages = notice;
set role coproduction_app;
select set_config('app.organisation_id', '$ORG', false);
explain (analyze, buffers, costs off) select * from record_item_search('$q', 51) s where s.organisation_id = '$ORG';
SQL
done

BASE=http://127.0.0.1:$HTTP_PORT
JAR_COOKIES=$WORK/cookies.txt
rm -f "$JAR_COOKIES"
token() { curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null --data-urlencode username=search-bench \
    --data-urlencode password=demo-coproduction-2026 --data-urlencode "_csrf=$(token "$BASE/sign-in")" "$BASE/sign-in"
times() {
    local url=$1 n=$2 w=$3
    for _ in $(seq 1 "$w"); do curl -s -b "$JAR_COOKIES" -o /dev/null "$url"; done
    for _ in $(seq 1 "$n"); do curl -s -b "$JAR_COOKIES" -o /dev/null -w '%{time_starttransfer}\n' "$url"; done \
        | sort -n | awk '{t[NR]=$1*1000} END {printf "median %.0f ms, p90 %.0f ms, max %.0f ms", t[int((NR+1)/2)], t[int(NR*0.9+0.5)], t[NR]}'
}
status=$(curl -s -b "$JAR_COOKIES" -o "$WORK/search.html" -w '%{http_code}' "$BASE/search?q=kingfisher")
[ "$status" = 200 ] && grep -q kingfisher "$WORK/search.html" || { echo "the search page answered $status without results (signed in?)"; exit 1; }
echo
for q in kingfisher glas group "garden+-music"; do
    echo "search page, q=$q: $(times "$BASE/search?q=$q" "$RUNS" "$WARMUP")"
done
