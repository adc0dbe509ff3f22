#!/usr/bin/env bash
# Speed and scale of one form's analysis and exports at growing numbers of responses (issue 11):
# starts the application with a 256 MB heap on its own embedded PostgreSQL, fills an organisation
# with generate.sql (50 projects, 2,000 outcomes, plan rows, review rounds, records, measures, 50
# forms), then for each
# step adds responses to the big form with responses.sql and measures, signed in over HTTP:
#   - the analysis page and the paged list of all free-text answers: server time (first byte on
#     localhost) and HTML size;
#   - an outcome's evidence summary in an open review round, the project page (evidence at a
#     glance) and the organisation overview with its CSV download: server time;
#   - the CSV and Excel exports: time, size, and the JVM's heap in use, sampled every 200 ms.
# See bench/README.md for what it showed.
#
# Usage (from the repository root): bench/scale/run.sh [steps, default "10000 100000 1000000"]
# SKIP_BUILD=1 reuses target/coproduction-impact-*.jar; KEEP_DATA=1 reuses target/bench/scale/pg
# (generated data included: then give only steps above what is there); EXPORTS=0 leaves out the
# exports (minutes at a million rows); RUNS and WARMUP set the analysis page's timed and warm-up
# requests (10 and 3).
set -euo pipefail

STEPS=${1:-"10000 100000 1000000"}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench/scale
HTTP_PORT=${HTTP_PORT:-18081}
HEAP=${HEAP:-256m}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

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
for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" > /dev/null && break
    sleep 1
done
curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" > /dev/null || { echo "server did not start; see $WORK/server.log"; exit 1; }
JVM=$SERVER

PG_PORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)

if [ "$("${PSQL[@]}" -c "select count(*) from organisation where id = '5ca1e000-0000-0000-0000-000000000001'")" = 0 ]; then
    start=$(date +%s.%N)
    "${PSQL[@]}" -f bench/scale/generate.sql
    echo "generated the organisation in $(echo "$(date +%s.%N) - $start" | bc) s: $("${PSQL[@]}" -c "
        select (select count(*) from project where organisation_id = o.id) || ' projects, '
            || (select count(*) from outcome where organisation_id = o.id) || ' outcomes, '
            || (select count(*) from record_item where organisation_id = o.id) || ' records, '
            || (select count(*) from data_point where organisation_id = o.id) || ' data points, '
            || (select count(*) from form where organisation_id = o.id) || ' forms'
        from organisation o where o.id = '5ca1e000-0000-0000-0000-000000000001'")"
fi

BASE=http://127.0.0.1:$HTTP_PORT
JAR_COOKIES=$WORK/cookies.txt
rm -f "$JAR_COOKIES"
token() { curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null --data-urlencode username=scale-bench \
    --data-urlencode password=demo-coproduction-2026 --data-urlencode "_csrf=$(token "$BASE/sign-in")" "$BASE/sign-in"
FORM=$BASE/forms/5ca1e000-0000-0000-0000-00000000f001
PROJECT=$BASE/projects/5ca1e000-0000-0000-0000-00000000a001

# first byte times of n requests after w warm-up requests: "median p90 max" in ms
times() {
    local url=$1 n=$2 w=$3
    for _ in $(seq 1 "$w"); do curl -s -b "$JAR_COOKIES" -o /dev/null "$url"; done
    for _ in $(seq 1 "$n"); do curl -s -b "$JAR_COOKIES" -o /dev/null -w '%{time_starttransfer}\n' "$url"; done \
        | sort -n | awk '{t[NR]=$1*1000} END {printf "median %.0f ms, p90 %.0f ms, max %.0f ms", t[int((NR+1)/2)], t[int(NR*0.9+0.5)], t[NR]}'
}

# heap in use (young + old, after what the collector has freed so far), sampled while a download runs: "max MB"
heap_during() {
    local out=$1 url=$2
    jstat -gc "$JVM" 200 > "$WORK/jstat.txt" &
    local sampler=$!
    local result
    result=$(curl -s -b "$JAR_COOKIES" -o "$out" -w 'status %{http_code}, %{size_download} bytes, %{time_total} s' "$url")
    kill $sampler; wait $sampler 2>/dev/null || true
    local peak
    peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$WORK/jstat.txt")
    echo "$result, heap in use at most $peak MB of $HEAP"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
have=$("${PSQL[@]}" -c "select count(*) from form_response where form_id = '5ca1e000-0000-0000-0000-00000000f001'")
for n in $STEPS; do
    if [ "$n" -gt "$have" ]; then
        start=$(date +%s.%N)
        "${PSQL[@]}" -v from=$((have + 1)) -v to="$n" -f bench/scale/responses.sql
        "${PSQL[@]}" -c "vacuum analyze form_response"
        # The generated responses are back-dated, behind the line the settled counts (V0018) have
        # reached: start them again, as for a form whose counts were never settled.
        "${PSQL[@]}" -c "delete from form_response_month where form_id = '5ca1e000-0000-0000-0000-00000000f001'" \
            -c "delete from form_answer_day where form_id = '5ca1e000-0000-0000-0000-00000000f001'" \
            -c "delete from form_answer_day_settled where form_id = '5ca1e000-0000-0000-0000-00000000f001'" \
            -c "delete from form_answer_count where form_id = '5ca1e000-0000-0000-0000-00000000f001'" \
            -c "delete from form_answer_settled where form_id = '5ca1e000-0000-0000-0000-00000000f001'" 2>/dev/null || true
        echo "added responses $((have + 1)) to $n in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s (with vacuum analyze)"
        have=$n
    fi
    echo "== $n responses to the big form (load $(cut -d' ' -f1 /proc/loadavg))"
    echo "analysis page, first request (settles the counts of every response): $(curl -s -b "$JAR_COOKIES" -o "$WORK/analysis-$n.html" \
        -w '%{time_starttransfer}' "$FORM/analysis" | awk '{printf "%.0f ms", $1*1000}')"
    gzip -c "$WORK/analysis-$n.html" > "$WORK/analysis-$n.html.gz"
    echo "analysis page: $(stat -c %s "$WORK/analysis-$n.html") bytes ($(stat -c %s "$WORK/analysis-$n.html.gz") gzipped); $(times "$FORM/analysis" "${RUNS:-10}" "${WARMUP:-3}")"
    echo "all answers to 'What helped?', page 1: $(times "$FORM/analysis/helped/answers" 10 2)"
    last=$(( (n + 49) / 50 ))
    echo "all answers to 'What helped?', last page ($last): $(times "$FORM/analysis/helped/answers?page=$last" 5 1)"
    echo "responses table, page 1: $(times "$FORM/responses" 10 2)"
    # Only the newest 10,000 are paged through (ResponsePage.LISTED): page 200 of 50 is the deepest there is.
    echo "responses table, deepest page (200): $(times "$FORM/responses?page=200" 5 1)"
    # The outcome reviews and the organisation overview (issue 11): the first project's open round
    # looks at its first outcome, which the big form's ratings and before-and-after pair are tagged to.
    echo "outcome evidence summary: $(times "$PROJECT/reviews/5ca1e000-0000-0000-0000-00000000c001/outcomes/5ca1e000-0000-0000-0000-00000000b001" "${RUNS:-10}" "${WARMUP:-3}")"
    echo "project page (evidence at a glance): $(times "$PROJECT" "${RUNS:-10}" "${WARMUP:-3}")"
    echo "overview, 12 months: $(times "$BASE/overview" "${RUNS:-10}" "${WARMUP:-3}"); $(curl -s -b "$JAR_COOKIES" "$BASE/overview" | wc -c) bytes"
    echo "overview, 24 months: $(times "$BASE/overview?months=24&status=all" "${RUNS:-10}" "${WARMUP:-3}")"
    echo "overview CSV, 50 projects: $(curl -s -b "$JAR_COOKIES" -o "$WORK/overview-$n.csv" -w '%{time_total} s' "$BASE/overview/export.csv?months=24"), $(($(wc -l < "$WORK/overview-$n.csv") - 1)) rows"
    if [ "${EXPORTS:-1}" = 0 ]; then continue; fi
    echo "CSV export: $(heap_during "$WORK/export-$n.csv" "$FORM/responses/export.csv"), $(($(wc -l < "$WORK/export-$n.csv") - 1)) rows"
    echo "Excel export: $(heap_during "$WORK/export-$n.xlsx" "$FORM/responses/export.xlsx")"
    rm -f "$WORK/export-$n.csv" "$WORK/export-$n.xlsx"
done
# The search box (issue 14) over this organisation's 50 projects, 2,000 outcomes, 10,000 recorded
# items and 50 forms: a word in every outcome, a word in every recorded item, a word in nothing.
for q in confident group kingfisher; do
    echo "search page, q=$q: $(times "$BASE/search?q=$q" "${RUNS:-10}" "${WARMUP:-3}"); $(curl -s -b "$JAR_COOKIES" "$BASE/search?q=$q" | grep -c 'class="app-record-list__item"' || true) results shown"
done
grep -iE "OutOfMemory|ERROR" "$WORK/server.log" | head -5 || true
