#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into the database the service is pointed at (the
# same choice as backup.sh), replacing what is there, in one transaction: a restore that fails
# changes nothing. Stop the service's other instances first, and start the service again after
# (so nothing it kept in memory outlives the restore). See docs/backup.md.
#
# Usage: scripts/restore.sh backup.dump
set -euo pipefail
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: scripts/restore.sh backup.dump"; exit 2; }
source "$(dirname "$0")/database-target.sh"
pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$TARGET" "$1"
echo "restored $1"
