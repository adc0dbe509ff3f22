# Shared by the benchmark scripts (sourced, not run).

# wait_healthy PORT PID LOG: waits up to two minutes for the service on PORT to answer its health
# check; fails, pointing at LOG, if it does not or if process PID ends first.
wait_healthy() {
    local port=$1 pid=$2 log=$3
    for _ in $(seq 1 240); do
        curl -fs "http://127.0.0.1:$port/actuator/health" > /dev/null && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    echo "the service on port $port did not start; see $log"
    exit 1
}
