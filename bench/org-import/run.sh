#!/usr/bin/env bash
# Moving a large organisation (issue 15): an ADMIN downloads the whole organisation's data and the
# operator brings it in again through the pages, on the application with a 256 MB heap and its own
# embedded PostgreSQL. The organisation is bench/scale's (50 projects, 2,000 outcomes, records,
# measures, 50 forms) with N responses to its big form and PHOTOS photos of 5 MB of bytes that do
# not compress. Measures, over HTTP: the download (time, size), the upload and check, the preview,
# and the import itself (time, and the JVM's heap in use at most, sampled every 200 ms); then
# compares the rows of every table of the two organisations and the photos' bytes.
# See bench/README.md for what it showed.
#
# Usage (from the repository root): bench/org-import/run.sh [N, default 100000]
# SKIP_BUILD=1 reuses target/coproduction-impact-*.jar; PHOTOS (default 20); HEAP (default 256m).
set -euo pipefail

N=${1:-100000}
PHOTOS=${PHOTOS:-20}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench/org-import
HTTP_PORT=${HTTP_PORT:-18092}
HEAP=${HEAP:-256m}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
. "$ROOT/bench/lib.sh"

cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -q -o -DskipTests package
fi
JAR=$(ls target/coproduction-impact-*.jar | head -1)
rm -rf "$WORK"
mkdir -p "$WORK"

APP_OPERATOR_USERNAMES=scale-bench "$JAVA_HOME/bin/java" -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$HTTP_PORT" \
    --app.embedded-db.data-dir="$WORK/pg" --logging.level.root=WARN > "$WORK/server.log" 2>&1 &
JVM=$!
trap 'kill $JVM 2>/dev/null || true; wait $JVM 2>/dev/null || true' EXIT
wait_healthy "$HTTP_PORT" "$JVM" "$WORK/server.log"

PG_PORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
ORG=5ca1e000-0000-0000-0000-000000000001

start=$(date +%s.%N)
"${PSQL[@]}" -f bench/scale/generate.sql
"${PSQL[@]}" -v from=1 -v to="$N" -f bench/scale/responses.sql
# The bench user downloads the organisation's data, which only an ADMIN may do.
"${PSQL[@]}" -c "update membership set role = 'ADMIN' where user_id = '5ca1e000-0000-0000-0000-000000000002'"
"${PSQL[@]}" <<SQL
insert into media_file (id, organisation_id, project_id, filename, kind, content_type, size, description)
select ('5ca1e000-0000-0000-0000-0000000d' || lpad(to_hex(i), 4, '0'))::uuid, '$ORG', '5ca1e000-0000-0000-0000-00000000a001',
       'photo-' || i || '.jpg', 'PHOTO', 'image/jpeg', 5242880, 'Photo ' || i
from generate_series(1, $PHOTOS) i;
insert into media_content (media_id, organisation_id, content)
select ('5ca1e000-0000-0000-0000-0000000d' || lpad(to_hex(i), 4, '0'))::uuid, '$ORG',
       (select decode(string_agg(md5(random()::text || i || j), ''), 'hex') from generate_series(1, 327680) j)
from generate_series(1, $PHOTOS) i;
SQL
echo "made the organisation in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s: $N responses, $PHOTOS photos of 5 MB"

BASE=http://127.0.0.1:$HTTP_PORT
COOKIES=$WORK/cookies.txt
token() { curl -s -c "$COOKIES" -b "$COOKIES" "$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode username=scale-bench \
    --data-urlencode password=demo-coproduction-2026 --data-urlencode "_csrf=$(token "$BASE/sign-in")" "$BASE/sign-in"

# Runs curl with the given arguments while sampling the heap in use (young + old) every 200 ms:
# prints curl's -w output and the peak.
heap_during() {
    jstat -gc "$JVM" 200 > "$WORK/jstat.txt" &
    local sampler=$!
    local result
    result=$(curl -s -c "$COOKIES" -b "$COOKIES" "$@")
    kill $sampler; wait $sampler 2>/dev/null || true
    local peak
    peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$WORK/jstat.txt")
    echo "$result, heap in use at most $peak MB of $HEAP"
}

echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "download: $(heap_during -o "$WORK/export.zip" -w 'status %{http_code}, %{size_download} bytes, %{time_total} s' "$BASE/settings/export/download")"
csrf=$(token "$BASE/operator/organisations/import")
echo "upload and check: $(heap_during -o /dev/null -D "$WORK/upload.headers" -w 'status %{http_code}, %{time_total} s' \
    -F "_csrf=$csrf" -F "file=@$WORK/export.zip;type=application/zip" "$BASE/operator/organisations/import")"
preview=$(grep -i '^location:' "$WORK/upload.headers" | sed 's/^[Ll]ocation: *//;s/\r$//;s#^https\?://[^/]*##')
echo "preview ($preview): $(heap_during -o "$WORK/preview.html" -w 'status %{http_code}, %{time_total} s' "$BASE$preview")"
csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/preview.html" | head -1 | sed 's/.*value="//;s/"$//')
echo "import: $(heap_during -o /dev/null -w 'status %{http_code}, %{time_total} s' --data-urlencode "_csrf=$csrf" \
    --data-urlencode "name=Moved bench" "$BASE$preview/confirm")"
echo "the JVM's resident memory at most: $(grep VmHWM /proc/$JVM/status | awk '{printf "%.0f MB", $2/1024}')"

MOVED=$("${PSQL[@]}" -c "select id from organisation where name = 'Moved bench'")
[ -n "$MOVED" ] || { echo "the organisation was not brought in; see $WORK/server.log"; exit 1; }
# Every table's rows as the file counts them (the source keeps changing: its counts are settled
# after the download by the scheduled job, and so will the new organisation's be).
differ=0
while read -r t n; do
    case "$t" in organisation|user_account) continue ;; esac
    only=""; if [ "$t" = audit_event ]; then only="and action <> 'ORGANISATION_IMPORTED'"; fi
    b=$("${PSQL[@]}" -c "select count(*) from \"$t\" where organisation_id = '$MOVED' $only")
    if [ "$n" != "$b" ]; then echo "rows differ in $t: $n in the file, $b brought in"; differ=1; fi
done < <(unzip -p "$WORK/export.zip" manifest.json | python3 -c 'import json, sys; [print(t, n) for t, n in json.load(sys.stdin)["rows"].items()]')
rows=$("${PSQL[@]}" -c "select count(*) from form_response where organisation_id = '$MOVED'")
same=$("${PSQL[@]}" -c "select count(*) from media_content a join media_content b on a.content = b.content
        where a.organisation_id = '$ORG' and b.organisation_id = '$MOVED'")
echo "brought in: $rows responses; $same of $PHOTOS photos with the same bytes; every table's rows $([ $differ = 0 ] && echo 'as the file counts them' || echo 'NOT as the file counts them')"
grep -iE "OutOfMemory|ERROR" "$WORK/server.log" | head -5 || true
