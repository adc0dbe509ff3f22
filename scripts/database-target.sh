# Sourced by backup.sh and restore.sh: sets TARGET, a libpq connection string for the service's
# database. SPRING_DATASOURCE_URL (jdbc:postgresql://host:port/db?...) with _USERNAME and
# _PASSWORD names a server; without it, the embedded PostgreSQL of the trial running on
# APP_DATA_DIR (./data), found from its postmaster.pid (it listens on loopback only).
if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    hostdb=${SPRING_DATASOURCE_URL#jdbc:postgresql://}
    TARGET="postgresql://${hostdb%%\?*}"
    export PGUSER=${SPRING_DATASOURCE_USERNAME:-${PGUSER:-}} PGPASSWORD=${SPRING_DATASOURCE_PASSWORD:-${PGPASSWORD:-}}
else
    pid_file=${APP_DATA_DIR:-./data}/postgres/postmaster.pid
    if [ ! -f "$pid_file" ]; then
        echo "No running embedded database under ${APP_DATA_DIR:-./data}: start the service (./mvnw spring-boot:run), or set SPRING_DATASOURCE_URL." >&2
        exit 1
    fi
    TARGET="postgresql://postgres@127.0.0.1:$(sed -n 4p "$pid_file")/postgres"
fi
