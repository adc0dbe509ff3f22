#!/usr/bin/env bash
# Speed of an API page at the far end of a large list (issue 14): starts the application with a
# 256 MB heap on its own embedded PostgreSQL, fills an organisation with generate.sql (a measure
# of POINTS data points, default 1,000,000), then, with a real API token over HTTP:
#   - times the first page, a page from the middle (cursor at the 500,000th point) and the last
#     page of the measure's data points, at limit 200, and the measures list (which counts points);
#   - walks 50 pages one after another (10,000 points) following `next`;
#   - prints the plan of the page's statement as the application runs it: as the application's
#     role (coproduction_app, under row-level security) with the organisation set, and as a
#     prepared statement with a generic plan (the JDBC driver's after five runs).
# See bench/README.md, "API paging", for what it showed.
#
# Usage (from the repository root): bench/api-paging/run.sh
# POINTS (1000000), RUNS (20) and WARMUP (3) change the size and the timed requests;
# SKIP_BUILD=1 reuses target/coproduction-impact-*.jar; KEEP_DATA=1 reuses target/bench/api-paging/pg.
set -euo pipefail

POINTS=${POINTS:-1000000}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench/api-paging
HTTP_PORT=${HTTP_PORT:-18083}
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
ORG=a9a9e000-0000-0000-0000-000000000001
if [ "$("${PSQL[@]}" -c "select count(*) from organisation where id = '$ORG'")" = 0 ]; then
    start=$(date +%s.%N)
    "${PSQL[@]}" -v points="$POINTS" -f bench/api-paging/generate.sql
    echo "generated $("${PSQL[@]}" -c "select count(*) from data_point where organisation_id = '$ORG'") data points in $(echo "$(date +%s.%N) - $start" | bc) s"
fi

TOKEN=cpi_apipagingbench0000000000000000000000000000
BASE=http://127.0.0.1:$HTTP_PORT/api/v1
PROJECT=a9a9e000-0000-0000-0000-00000000a001
MEASURE=a9a9e000-0000-0000-0000-00000000c001
POINTS_URL=$BASE/projects/$PROJECT/measures/$MEASURE/data-points

# first byte times of n requests after w warm-up requests: "median p90 max" in ms. The token
# may make 120 requests a minute: the runs stay under it (sleeps between the groups).
times() {
    local url=$1 n=$2 w=$3
    for _ in $(seq 1 "$w"); do curl -s -H "Authorization: Bearer $TOKEN" -o /dev/null "$url"; done
    for _ in $(seq 1 "$n"); do curl -s -H "Authorization: Bearer $TOKEN" -o /dev/null -w '%{time_starttransfer}\n' "$url"; done \
        | sort -n | awk '{t[NR]=$1*1000} END {printf "median %.0f ms, p90 %.0f ms, max %.0f ms", t[int((NR+1)/2)], t[int(NR*0.9+0.5)], t[NR]}'
}
cursor() { printf 'k1:%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }

middle=$("${PSQL[@]}" -c "select id from data_point where measure_id = '$MEASURE' and archived_at is null order by id offset $((POINTS / 2)) limit 1")
last=$("${PSQL[@]}" -c "select id from data_point where measure_id = '$MEASURE' and archived_at is null order by id desc offset 150 limit 1")
status=$(curl -s -o "$WORK/first.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$POINTS_URL?limit=200")
[ "$status" = 200 ] || { echo "the API answered $status"; cat "$WORK/first.json"; exit 1; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data points, first page (200):   $(times "$POINTS_URL?limit=200" "$RUNS" "$WARMUP")"
sleep 20
echo "data points, middle page (200):  $(times "$POINTS_URL?limit=200&cursor=$(cursor "$middle")" "$RUNS" "$WARMUP")"
sleep 20
echo "data points, last page (150):    $(times "$POINTS_URL?limit=200&cursor=$(cursor "$last")" "$RUNS" "$WARMUP")"
sleep 20
echo "measures list (counts points):   $(times "$BASE/projects/$PROJECT/measures" 10 1)"
sleep 40
start=$(date +%s.%N)
next="/api/v1/projects/$PROJECT/measures/$MEASURE/data-points?limit=200"
for _ in $(seq 1 50); do
    next=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$HTTP_PORT$next" | grep -o '"next":"[^"]*"' | sed 's/^"next":"//;s/"$//')
done
echo "50 pages followed one after another (10,000 points): $(echo "($(date +%s.%N) - $start) * 1000 / 1" | bc) ms"

echo
echo "plan of a middle page, as coproduction_app under row-level security, generic plan:"
"${PSQL[@]}" <<SQL
set plan_cache_mode = force_generic_plan;
set role coproduction_app;
select set_config('app.organisation_id', '$ORG', false);
prepare page(uuid, uuid, uuid, int) as
  select p.id, p.measure_id, p.value, p.observed_on, p.note, i.filename as imported_from, p.created_at, u.display_name as created_by_name
  from data_point p
  left join measure_import i on i.id = p.import_id
  left join user_account u on u.id = p.created_by
  where p.organisation_id = \$1 and p.measure_id = \$2 and p.archived_at is null and p.id > \$3
  order by p.id limit \$4;
explain (analyze, buffers, costs off) execute page('$ORG', '$MEASURE', '$middle', 201);
SQL
