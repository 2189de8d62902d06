#!/usr/bin/env bash
# Stops the broker started by kafka-start.sh for this port / data dir and removes its data dir
# (KAFKA_KEEP_DATA=1 keeps it). Idempotent: exits 0 when nothing runs.
set -euo pipefail
# shellcheck source=kafka-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/kafka-env.sh"

say() { echo "kafka: $*"; }

# Wait for a start in progress on the same data dir to finish first.
if [[ -d "$(dirname "$KAFKA_LOCK_FILE")" ]]; then
  exec 9>"$KAFKA_LOCK_FILE"
  flock -w $((KAFKA_START_TIMEOUT + 60)) 9 || true
fi

if pid="$(kafka_running_pid)"; then
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kafka_pid_alive "$pid" || break
    sleep 0.5
  done
  if kafka_pid_alive "$pid"; then
    say "broker (pid $pid) still running after 30s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kafka_pid_alive "$pid" || break
      sleep 0.25
    done
  fi
  say "broker at 127.0.0.1:$KAFKA_PORT stopped (pid $pid)"
else
  say "no broker running from $KAFKA_DATA_DIR"
fi

rm -f "$KAFKA_PID_FILE"
if [[ "${KAFKA_KEEP_DATA:-0}" != "1" && -d "$KAFKA_DATA_DIR" ]]; then
  rm -rf "$KAFKA_DATA_DIR"
  say "removed $KAFKA_DATA_DIR"
fi
