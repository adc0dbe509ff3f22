#!/usr/bin/env bash
# Backs up the service's database, everything included (uploaded files live in it too), to one
# pg_dump file in custom format. With SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) set, the
# server it names; without, the running trial's embedded PostgreSQL under APP_DATA_DIR (./data).
# Needs pg_dump of the server's major version or newer. See docs/backup.md.
#
# Usage: scripts/backup.sh [out-file, default coproduction-YYYYmmdd-HHMMSS.dump]
set -euo pipefail
source "$(dirname "$0")/database-target.sh"
out=${1:-coproduction-$(date -u +%Y%m%d-%H%M%S).dump}
pg_dump --format=custom --no-owner --file="$out" "$TARGET"
echo "backed up to $out ($(du -h "$out" | cut -f1)), $(pg_restore --list "$out" | grep -c 'TABLE DATA') tables"
