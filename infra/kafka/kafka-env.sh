# shellcheck shell=bash disable=SC2034
# Shared settings and helpers of kafka-start.sh, kafka-stop.sh and kafka-probe.sh (sourced, not run).
#
# Environment:
#   KAFKA_PORT             broker listener on 127.0.0.1 (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller listener on 127.0.0.1 (default 9093)
#   KAFKA_DATA_DIR         logs, metadata, pid file (default ${TMPDIR:-/tmp}/reprisals-kafka-$KAFKA_PORT)
#   KAFKA_HEAP             JVM heap options (default "-Xmx512m -Xms256m")
#   KAFKA_START_TIMEOUT    seconds kafka-start.sh waits for the broker (default 60)
#   KAFKA_KEEP_DATA        1: kafka-stop.sh keeps the data dir

KAFKA_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-${TMPDIR:-/tmp}/reprisals-kafka-$KAFKA_PORT}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR%/}"
KAFKA_HEAP="${KAFKA_HEAP:--Xmx512m -Xms256m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_LIBS="$KAFKA_HOME/target/libs"
KAFKA_PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
KAFKA_LOG_DIR="$KAFKA_DATA_DIR/logs"
KAFKA_SERVER_LOG="$KAFKA_LOG_DIR/server.log"
KAFKA_LOCK_FILE="$KAFKA_DATA_DIR.lock"

# True when something accepts TCP connections on 127.0.0.1:$1.
kafka_port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# True when a Kafka broker answers on $1:$2: sends an ApiVersions v0 request (api key 18,
# correlation id 1, client id "probe") and expects a response carrying correlation id 1 and
# error code 0. Needs nothing but bash and coreutils.
kafka_probe() {
  local host="$1" port="$2" reply
  # shellcheck disable=SC2016 # expanded by the inner bash
  reply="$(timeout 5 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "\x00\x00\x00\x0f\x00\x12\x00\x00\x00\x00\x00\x01\x00\x05probe" >&3
    head -c 10 <&3 | od -An -tx1 | tr -d " \n"
  ' "$host" "$port" 2>/dev/null)" || return 1
  # bytes 0-3 response size, 4-7 correlation id, 8-9 error code
  [[ "${reply:8:8}" == "00000001" && "${reply:16:4}" == "0000" ]]
}

# True when process $1 exists and is not a zombie.
kafka_pid_alive() {
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != "Z" && "$state" != "X" ]]
}

# True when process $1 is the broker of this data dir.
kafka_pid_is_ours() {
  kafka_pid_alive "$1" &&
    tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -qF -- "$KAFKA_DATA_DIR/server.properties"
}

# Prints the pid of the broker of this data dir: the one in the pid file, or, when the pid file
# is gone, the process whose command line names this data dir's server.properties.
kafka_running_pid() {
  local pid cmdline
  if [[ -f "$KAFKA_PID_FILE" ]]; then
    pid="$(cat "$KAFKA_PID_FILE" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kafka_pid_is_ours "$pid"; then
      echo "$pid"
      return 0
    fi
  fi
  for cmdline in /proc/[0-9]*/cmdline; do
    pid="${cmdline#/proc/}"
    pid="${pid%/cmdline}"
    if tr '\0' ' ' 2>/dev/null <"$cmdline" | grep -qF -- "kafka.Kafka $KAFKA_DATA_DIR/server.properties" &&
      kafka_pid_alive "$pid"; then
      echo "$pid"
      return 0
    fi
  done
  return 1
}
