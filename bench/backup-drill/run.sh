#!/usr/bin/env bash
# Backup and restore drill: populates a trial instance (the demo organisation, with its photos, plus
# 2,000 form answers), backs it up with scripts/backup.sh while it runs, restores the backup with
# scripts/restore.sh into a new instance on an empty folder, and compares every table's row count
# and every stored file's checksum; then starts the restored instance and checks that the demo
# admin can sign in. Exits non-zero on any difference. See docs/backup.md and bench/README.md.
#
# Usage (from the repository root): bench/backup-drill/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench/backup-drill
HTTP_PORT=18100
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"
source bench/lib.sh
if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -q -DskipTests package
fi
JAR=$(ls target/coproduction-impact-*.jar | head -1)
rm -rf "$WORK" && mkdir -p "$WORK"
unset SPRING_DATASOURCE_URL

SERVER=""
start_server() { # folder, then extra arguments
    local folder=$1; shift
    "$JAVA_HOME/bin/java" -jar "$JAR" --server.port=$HTTP_PORT --app.embedded-db.data-dir="$folder/postgres" \
        --logging.level.root=WARN "$@" > "$folder.log" 2>&1 &
    SERVER=$!
    wait_healthy $HTTP_PORT $SERVER "$folder.log"
}
stop_server() { kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=""; }
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; wait 2>/dev/null || true' EXIT

# What is stored: every table's row count, and every file's checksum.
inventory() { # folder, out-file
    psql -h 127.0.0.1 -p "$(sed -n 4p "$1/postgres/postmaster.pid")" -U postgres -d postgres -qAt -F ' ' <<'SQL' > "$2"
select 'rows ' || table_name || ' ' ||
       (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', table_name), false, true, '')))[1]::text
from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name;
select 'file ' || media_id || ' ' || md5(content) from media_content order by media_id;
SQL
}

echo "$(date -u +%T) populating the first instance (the demo, and 2,000 sent answers)"
start_server "$WORK/a" # a new folder (not "clean": a clean folder is deleted when the service stops)
PSQL=(psql -h 127.0.0.1 -p "$(sed -n 4p "$WORK/a/postgres/postmaster.pid")" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
source "$ROOT/bench/form-submission/prepare.sh"
prepare_drafts 2000
"${PSQL[@]}" -c "insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source)
                 select gen_random_uuid(), organisation_id, form_id, version_number, token, answers, 'ONLINE' from form_draft
                 where form_id = 'b0000000-0000-0000-0000-000000000001'"
# Three files of different sizes (the demo has none): their bytes live in the database too.
"${PSQL[@]}" <<'SQL'
with p as (select id, organisation_id from project order by created_at limit 1),
     f as (insert into media_file (id, organisation_id, project_id, filename, kind, content_type, size)
           select gen_random_uuid(), p.organisation_id, p.id, 'drill-' || n || '.bin', 'DOCUMENT', 'application/pdf', 1
           from p, generate_series(1, 3) n returning id, organisation_id, filename)
insert into media_content (media_id, organisation_id, content)
select id, organisation_id,
       convert_to(string_agg(md5(random()::text), '' order by g), 'UTF8')
from f, generate_series(1, case filename when 'drill-1.bin' then 10 when 'drill-2.bin' then 10000 else 200000 end) g
group by id, organisation_id;
update media_file m set size = length(c.content) from media_content c where c.media_id = m.id;
SQL

echo "$(date -u +%T) backing up while it runs"
APP_DATA_DIR=$WORK/a scripts/backup.sh "$WORK/backup.dump"
inventory "$WORK/a" "$WORK/before.txt"
stop_server

echo "$(date -u +%T) restoring into a new instance on an empty folder"
start_server "$WORK/b" --app.demo.enabled=false
APP_DATA_DIR=$WORK/b scripts/restore.sh "$WORK/backup.dump"
stop_server
start_server "$WORK/b"
inventory "$WORK/b" "$WORK/after.txt"

tables=$(grep -c '^rows ' "$WORK/before.txt" || true); files=$(grep -c '^file ' "$WORK/before.txt" || true)
rows=$(awk '/^rows /{s+=$3} END {print s}' "$WORK/before.txt")
echo "before: $tables tables, $rows rows, $files files ($(du -h "$WORK/backup.dump" | cut -f1) backup)"
if ! diff "$WORK/before.txt" "$WORK/after.txt" > "$WORK/diff.txt"; then
    echo "FAILED: the restored instance differs:"; cat "$WORK/diff.txt"; exit 1
fi

# The restored service works: the demo admin signs in.
jar=$WORK/cookies
csrf=$(curl -fs -c "$jar" "http://127.0.0.1:$HTTP_PORT/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
home=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "username=admin" --data-urlencode "password=demo-coproduction-2026" --data-urlencode "_csrf=$csrf" \
    "http://127.0.0.1:$HTTP_PORT/sign-in")
case "$home" in
    *error*|"") echo "FAILED: the demo admin could not sign in to the restored instance ($home)"; exit 1 ;;
esac
echo "PASSED: every table's rows and every file's checksum are the same after the restore, and the admin signs in"
