#!/usr/bin/env bash
# Starts a single-node Apache Kafka broker (KRaft, broker + controller) on 127.0.0.1 and returns
# only when it answers. Idempotent: when a broker already answers on the port, it says so and
# exits 0. Settings come from the environment, see kafka-env.sh (KAFKA_PORT, KAFKA_CONTROLLER_PORT,
# KAFKA_DATA_DIR, KAFKA_HEAP, KAFKA_START_TIMEOUT). Stop it with kafka-stop.sh.
set -euo pipefail
# shellcheck source=kafka-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/kafka-env.sh"

say() { echo "kafka: $*"; }
fail() {
  echo "kafka: $*" >&2
  exit 1
}
log_tail() {
  local file
  for file in "$KAFKA_SERVER_LOG" "$KAFKA_LOG_DIR/kafka.out"; do
    if [[ -s "$file" ]]; then
      echo "---- last lines of $file" >&2
      tail -n 30 "$file" >&2
    fi
  done
}
where="127.0.0.1:$KAFKA_PORT"

command -v java >/dev/null || fail "java not found on PATH (Java 17 or newer is needed)"
mkdir -p "$(dirname "$KAFKA_DATA_DIR")"

# One start at a time per data dir. Fd 9 is closed for every child, so the broker never holds it.
exec 9>"$KAFKA_LOCK_FILE"
flock -w $((KAFKA_START_TIMEOUT + 60)) 9 || fail "another kafka-start for $KAFKA_DATA_DIR did not finish"

pid="$(kafka_running_pid || true)"

# 1. Already there?
if kafka_port_open "$KAFKA_PORT"; then
  if [[ -n "$pid" ]]; then
    say "broker already running at $where (pid $pid, data $KAFKA_DATA_DIR)"
    exit 0
  elif kafka_probe 127.0.0.1 "$KAFKA_PORT"; then
    say "a broker already answers at $where (not started from $KAFKA_DATA_DIR); using it"
    exit 0
  fi
  fail "$where is taken by something that is not a Kafka broker"
fi

if [[ -z "$pid" ]]; then
  if kafka_port_open "$KAFKA_CONTROLLER_PORT"; then
    fail "controller port 127.0.0.1:$KAFKA_CONTROLLER_PORT is taken; choose another with KAFKA_CONTROLLER_PORT"
  fi
  mkdir -p "$KAFKA_LOG_DIR"

  # 2. Jars: fetched once into target/libs (again when the Kafka version in pom.xml changes).
  kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_HOME/pom.xml")"
  if [[ ! -f "$KAFKA_LIBS/kafka_2.13-$kafka_version.jar" ]]; then
    command -v mvn >/dev/null || fail "mvn not found on PATH (Maven fetches the Kafka jars)"
    say "fetching Apache Kafka $kafka_version jars with Maven"
    rm -rf "$KAFKA_LIBS"
    if ! (cd "$KAFKA_HOME" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=target/libs) \
      >"$KAFKA_LOG_DIR/maven.out" 2>&1 9>&-; then
      tail -n 40 "$KAFKA_LOG_DIR/maven.out" >&2
      fail "could not fetch the Kafka jars (see above)"
    fi
  fi

  java_opts=(
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$KAFKA_HOME/log4j.properties"
    "-Dkafka.logs.dir=$KAFKA_LOG_DIR"
    -cp "$KAFKA_LIBS/*"
  )

  # 3. server.properties from the template.
  props="$KAFKA_DATA_DIR/server.properties"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@KAFKA_DATA_DIR@|$KAFKA_DATA_DIR|g" \
    "$KAFKA_HOME/server.properties.template" >"$props"

  # 4. Format the storage once. The cluster id is a random UUID in Kafka's form: 16 bytes,
  # URL-safe base64 without padding (what `kafka.tools.StorageTool random-uuid` prints). Like
  # Kafka's own generator, an id starting with '-' is drawn again: the command line would read
  # it as an option.
  if [[ ! -f "$KAFKA_DATA_DIR/kraft-logs/meta.properties" ]]; then
    cluster_id="-"
    while [[ "$cluster_id" == -* ]]; do
      uuid_hex="$(tr -d '-' </proc/sys/kernel/random/uuid)"
      uuid_bytes=""
      for ((i = 0; i < 32; i += 2)); do uuid_bytes+="\\x${uuid_hex:i:2}"; done
      cluster_id="$(printf '%b' "$uuid_bytes" | base64 | tr '+/' '-_' | tr -d '=\n')"
    done
    if ! java -Xmx256m "${java_opts[@]}" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$props" --ignore-formatted >"$KAFKA_LOG_DIR/format.out" 2>&1 9>&-; then
      cat "$KAFKA_LOG_DIR/format.out" >&2
      fail "could not format the storage in $KAFKA_DATA_DIR/kraft-logs"
    fi
  fi

  # 5. Start in its own session so it outlives this shell; the pid file holds the JVM's pid.
  [[ -f "$KAFKA_SERVER_LOG" ]] && mv -f "$KAFKA_SERVER_LOG" "$KAFKA_SERVER_LOG.previous"
  rm -f "$KAFKA_PID_FILE"
  # shellcheck disable=SC2016,SC2086 # $$ and $@ belong to the inner bash; KAFKA_HEAP holds several options
  setsid nohup bash -c 'echo $$ >"$0" && exec "$@"' "$KAFKA_PID_FILE" \
    java $KAFKA_HEAP "${java_opts[@]}" kafka.Kafka "$props" \
    >"$KAFKA_LOG_DIR/kafka.out" 2>&1 </dev/null 9>&- &
fi

# 6. Wait until the port answers and the log says the server started.
deadline=$((SECONDS + KAFKA_START_TIMEOUT))
started=$SECONDS
while :; do
  if [[ -z "$pid" && -s "$KAFKA_PID_FILE" ]]; then
    pid="$(cat "$KAFKA_PID_FILE")"
  fi
  if [[ -n "$pid" ]] && ! kafka_pid_alive "$pid"; then
    log_tail
    fail "the broker exited while starting (data $KAFKA_DATA_DIR)"
  fi
  if [[ -n "$pid" ]] && grep -q "Kafka Server started" "$KAFKA_SERVER_LOG" 2>/dev/null &&
    kafka_probe 127.0.0.1 "$KAFKA_PORT"; then
    break
  fi
  if ((SECONDS >= deadline)); then
    log_tail
    if [[ -n "$pid" ]]; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
    fail "the broker did not answer at $where within ${KAFKA_START_TIMEOUT}s; stopped it (raise KAFKA_START_TIMEOUT on a slow machine)"
  fi
  sleep 0.5
done

say "broker ready at $where (pid $pid, data $KAFKA_DATA_DIR, $((SECONDS - started))s)"
