#!/usr/bin/env bash
# Exits 0 when a Kafka broker answers a protocol request (ApiVersions) at HOST:PORT, 1 otherwise.
# Usage: kafka-probe.sh [HOST:PORT]   (default 127.0.0.1:$KAFKA_PORT, i.e. 127.0.0.1:9092)
set -euo pipefail
# shellcheck source=kafka-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/kafka-env.sh"

target="${1:-127.0.0.1:$KAFKA_PORT}"
host="${target%:*}"
port="${target##*:}"
if kafka_probe "$host" "$port"; then
  echo "kafka: broker answers at $host:$port"
else
  echo "kafka: no broker answers at $host:$port" >&2
  exit 1
fi
