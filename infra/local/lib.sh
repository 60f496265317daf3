# shellcheck shell=bash
# Shared by infra/local/up, down and ctl: fetch, configure, start, stop and probe the local engines
# (Apache Kafka in KRaft mode, Elasticsearch) on 127.0.0.1, without Docker. Sourced, never run.
#
# Layout:
#   ${LANTERNE_INFRA_CACHE:-~/.cache/lanterne-infra}   downloads (kept between runs; Maven Central only)
#   ${LANTERNE_INFRA_DIR:-/tmp/lanterne-infra}          config, data, logs, pids, and the env file

INFRA_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

KAFKA_VERSION="${LANTERNE_KAFKA_VERSION:-4.4.0}"
ES_VERSION="${LANTERNE_ES_VERSION:-9.5.0}"
# Ports are fixed for the tests (the env file names them); the overrides let a second instance run beside the first.
KAFKA_PORT="${LANTERNE_INFRA_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${LANTERNE_INFRA_KAFKA_CONTROLLER_PORT:-9093}"
ES_PORT="${LANTERNE_INFRA_ES_PORT:-9200}"
ES_TRANSPORT_PORT="${LANTERNE_INFRA_ES_TRANSPORT_PORT:-9300}"
KAFKA_HEAP="${LANTERNE_KAFKA_HEAP:-512m}"
ES_HEAP="${LANTERNE_ES_HEAP:-1g}"
ES_USER="${LANTERNE_ES_USER:-lanterne-es}"
READY_TIMEOUT_S="${LANTERNE_INFRA_TIMEOUT_S:-180}"
STOP_TIMEOUT_S=60

CACHE_DIR="${LANTERNE_INFRA_CACHE:-$HOME/.cache/lanterne-infra}"
RUN_DIR="${LANTERNE_INFRA_DIR:-/tmp/lanterne-infra}"
KAFKA_HOME="$CACHE_DIR/kafka-$KAFKA_VERSION"
ES_DIST="$CACHE_DIR/elasticsearch-$ES_VERSION"
KAFKA_RUN="$RUN_DIR/kafka"
ES_RUN="$RUN_DIR/es"
ENV_FILE="$RUN_DIR/env"

log() { printf '[lanterne-infra %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Serialise up/down/ctl: several sessions on one machine share the engines and the run dir. The engines are
# started with fd 9 closed (`9>&-`), or they would inherit the lock and hold it for as long as they run.
take_lock() {
  mkdir -p "$RUN_DIR"
  chmod 755 "$RUN_DIR"
  exec 9>"$RUN_DIR/infra.lock"
  flock -w 600 9 || die "another infra/local command has held $RUN_DIR/infra.lock for 10 minutes"
}

# ---------------------------------------------------------------------------------------------------------------------
# Downloads (Maven Central through mvn, into the cache; each artefact is complete or absent thanks to a marker file)

# Runs in the cache dir, so that a pom.xml in the caller's working directory plays no part.
mvn_cached() {
  command -v mvn >/dev/null || die "mvn (Apache Maven) is required to download the engines: apt-get install maven"
  (cd "$CACHE_DIR" && mvn -B -q -Dmaven.repo.local="$CACHE_DIR/m2" "$@")
}

fetch_kafka() {
  [[ -f "$KAFKA_HOME/.complete" ]] && return 0
  log "downloading Apache Kafka $KAFKA_VERSION and its runtime dependencies from Maven Central"
  local tmp="$KAFKA_HOME.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  mvn_cached -f "$INFRA_LOCAL_DIR/kafka/pom.xml" dependency:copy-dependencies \
    -Dkafka.version="$KAFKA_VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp/libs" >"$tmp/mvn.log" 2>&1 \
    || { tail -n 30 "$tmp/mvn.log" >&2; die "could not download Kafka $KAFKA_VERSION (see above)"; }
  touch "$tmp/.complete"
  rm -rf "$KAFKA_HOME" && mv "$tmp" "$KAFKA_HOME"
}

fetch_es() {
  [[ -f "$ES_DIST/.complete" ]] && return 0
  log "downloading Elasticsearch $ES_VERSION (integ-test-zip) from Maven Central"
  local tmp="$ES_DIST.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  mvn_cached dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$tmp" >"$tmp/mvn.log" 2>&1 \
    || { tail -n 30 "$tmp/mvn.log" >&2; die "could not download Elasticsearch $ES_VERSION (see above)"; }
  (cd "$tmp" && unzip -q "elasticsearch-$ES_VERSION.zip" && rm "elasticsearch-$ES_VERSION.zip")
  # The zip also sits in the Maven repo under the cache; one copy is enough.
  rm -rf "$CACHE_DIR/m2/org/elasticsearch/distribution"
  mv "$tmp/elasticsearch-$ES_VERSION" "$tmp/home"
  touch "$tmp/.complete"
  rm -rf "$ES_DIST" && mv "$tmp" "$ES_DIST"
}

# ---------------------------------------------------------------------------------------------------------------------
# Process helpers

# pid_alive PIDFILE MARKER: true when the pid in PIDFILE runs and its command line contains MARKER.
pid_alive() {
  local pid
  [[ -s "$1" ]] || return 1
  pid="$(<"$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# stop_pid NAME PIDFILE MARKER: SIGTERM (clean shutdown, data flushed), SIGKILL after STOP_TIMEOUT_S.
stop_pid() {
  local name="$1" pidfile="$2" marker="$3" pid waited=0
  if ! pid_alive "$pidfile" "$marker"; then
    rm -f "$pidfile"
    log "$name: not running"
    return 0
  fi
  pid="$(<"$pidfile")"
  log "$name: stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= STOP_TIMEOUT_S * 2)); then
      log "$name: still running after ${STOP_TIMEOUT_S}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  rm -f "$pidfile"
  log "$name: stopped"
}

# fail_with_log NAME MESSAGE LOGFILE...: the error, then the tail of each log that exists.
fail_with_log() {
  local name="$1" message="$2" f
  shift 2
  for f in "$@"; do
    [[ -s "$f" ]] || continue
    printf '\n----- last lines of %s -----\n' "$f" >&2
    tail -n 40 "$f" >&2
  done
  die "$name: $message"
}

# java_home_at_least MAJOR: the newest JDK under /usr/lib/jvm (or LANTERNE_ES_JAVA_HOME) whose major is >= MAJOR.
java_home_at_least() {
  local min="$1" best="" best_major=0 dir major
  if [[ -n "${LANTERNE_ES_JAVA_HOME:-}" ]]; then
    echo "$LANTERNE_ES_JAVA_HOME"
    return 0
  fi
  for dir in /usr/lib/jvm/*/; do
    dir="${dir%/}"
    [[ -x "$dir/bin/java" && -f "$dir/release" && ! -L "$dir" ]] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release")"
    [[ -n "$major" ]] && ((major >= min && major > best_major)) && best="$dir" best_major="$major"
  done
  [[ -n "$best" ]] || die "Elasticsearch $ES_VERSION needs Java $min+: none found under /usr/lib/jvm (set LANTERNE_ES_JAVA_HOME)"
  echo "$best"
}

# ---------------------------------------------------------------------------------------------------------------------
# Kafka (KRaft, one node that is both broker and controller)

KAFKA_PIDFILE="$KAFKA_RUN/kafka.pid"
KAFKA_MARKER="kafka.Kafka"

kafka_running() { pid_alive "$KAFKA_PIDFILE" "$KAFKA_MARKER"; }

kafka_java() {
  local java
  java="${LANTERNE_KAFKA_JAVA:-$(command -v java || true)}"
  [[ -x "$java" ]] || die "Kafka needs Java 17+: no java on PATH (set LANTERNE_KAFKA_JAVA)"
  echo "$java"
}

kafka_write_config() {
  mkdir -p "$KAFKA_RUN/data" "$KAFKA_RUN/logs"
  cat >"$KAFKA_RUN/server.properties" <<EOF
# Written by infra/local (rewritten at every start; edit infra/local/lib.sh instead).
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_RUN/data
# The services create their topics at start (infra/kafka/topics.toml); a typo must not create a stray topic.
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
}

# Format the storage once per data dir (random cluster id); a restart keeps the data and the id.
kafka_format_if_needed() {
  [[ -f "$KAFKA_RUN/data/meta.properties" ]] && return 0
  local cluster_id
  # A Kafka cluster id is 16 random bytes in URL-safe base64 without padding (what `StorageTool random-uuid` prints).
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  log "kafka: formatting $KAFKA_RUN/data (cluster id $cluster_id)"
  "$(kafka_java)" -Xmx256m -cp "$KAFKA_HOME/libs/*" -Dlog4j2.configurationFile="$INFRA_LOCAL_DIR/kafka/log4j2.properties" \
    -Dkafka.logs.dir="$KAFKA_RUN/logs" kafka.tools.StorageTool format --ignore-formatted \
    -t "$cluster_id" -c "$KAFKA_RUN/server.properties" >"$KAFKA_RUN/logs/format.log" 2>&1 \
    || fail_with_log kafka "storage format failed" "$KAFKA_RUN/logs/format.log"
}

kafka_start() {
  if kafka_running; then
    log "kafka: already running (pid $(<"$KAFKA_PIDFILE"))"
    return 0
  fi
  port_open "$KAFKA_PORT" && die "kafka: port $KAFKA_PORT is taken by a process that infra/local did not start"
  kafka_write_config
  kafka_format_if_needed
  log "kafka: starting $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (heap $KAFKA_HEAP)"
  # setsid: the broker outlives the shell (and process group) that ran `up`. cd: a JVM crash file lands in the
  # run dir, not in the caller's working directory.
  local java
  java="$(kafka_java)"
  (
    cd "$KAFKA_RUN" || exit 1
    setsid "$java" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Djava.awt.headless=true -Dlog4j2.configurationFile="$INFRA_LOCAL_DIR/kafka/log4j2.properties" \
      -Dkafka.logs.dir="$KAFKA_RUN/logs" -cp "$KAFKA_HOME/libs/*" \
      kafka.Kafka "$KAFKA_RUN/server.properties" >>"$KAFKA_RUN/logs/console.log" 2>&1 </dev/null 9>&- &
    echo $! >"$KAFKA_PIDFILE"
  )
}

# Ready = the port accepts connections and a real client gets the broker's API versions and metadata.
kafka_wait() {
  local deadline=$((SECONDS + READY_TIMEOUT_S)) logs=("$KAFKA_RUN/logs/console.log" "$KAFKA_RUN/logs/server.log")
  while ((SECONDS < deadline)); do
    # kill -0, not kafka_running: right after the fork the command line is not java's yet.
    kill -0 "$(<"$KAFKA_PIDFILE")" 2>/dev/null || fail_with_log kafka "the broker exited during startup" "${logs[@]}"
    if port_open "$KAFKA_PORT" && "$(kafka_java)" -Xmx64m -XX:TieredStopAtLevel=1 -cp "$KAFKA_HOME/libs/*" \
      -Dlog4j2.level=ERROR org.apache.kafka.tools.BrokerApiVersionsCommand \
      --bootstrap-server "127.0.0.1:$KAFKA_PORT" >"$KAFKA_RUN/logs/probe.log" 2>&1; then
      log "kafka: ready on 127.0.0.1:$KAFKA_PORT"
      return 0
    fi
    sleep 1
  done
  fail_with_log kafka "not ready after ${READY_TIMEOUT_S}s" "${logs[@]}" "$KAFKA_RUN/logs/probe.log"
}

kafka_stop() { stop_pid kafka "$KAFKA_PIDFILE" "$KAFKA_MARKER"; }

kafka_wipe() { rm -rf "$KAFKA_RUN/data" "$KAFKA_RUN/logs"; }

# ---------------------------------------------------------------------------------------------------------------------
# Elasticsearch (single node, security off, HTTP on 127.0.0.1)

ES_PIDFILE="$ES_RUN/run/es.pid" # written by the node itself, so in a dir its user owns
ES_MARKER="org.elasticsearch"
ES_URL="http://127.0.0.1:$ES_PORT"

es_running() { pid_alive "$ES_PIDFILE" "$ES_MARKER"; }

# Elasticsearch refuses to run as root: as root, it runs as a dedicated system user that owns its run dir.
es_ensure_user() {
  ((EUID == 0)) || return 0
  id -u "$ES_USER" >/dev/null 2>&1 \
    || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER" \
    || die "could not create the system user $ES_USER"
}

# The cache may sit under a home directory the ES user cannot enter: give it its own hard-linked copy of the dist.
es_install_home() {
  [[ -f "$ES_RUN/home/.version" && "$(<"$ES_RUN/home/.version")" == "$ES_VERSION" ]] && return 0
  rm -rf "${ES_RUN:?}/home"
  mkdir -p "$ES_RUN"
  cp -al "$ES_DIST/home" "$ES_RUN/home" 2>/dev/null || cp -a "$ES_DIST/home" "$ES_RUN/home"
  echo "$ES_VERSION" >"$ES_RUN/home/.version"
}

es_write_config() {
  local conf="$ES_RUN/config"
  mkdir -p "$conf/jvm.options.d" "$ES_RUN/data" "$ES_RUN/logs" "$ES_RUN/tmp" "$ES_RUN/run"
  cp "$ES_RUN/home/config/jvm.options" "$ES_RUN/home/config/log4j2.properties" "$conf/"
  cat >"$conf/elasticsearch.yml" <<EOF
# Written by infra/local (rewritten at every start; edit infra/local/lib.sh instead).
cluster.name: lanterne-local
node.name: lanterne-local-1
path.data: $ES_RUN/data
path.logs: $ES_RUN/logs
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
discovery.type: single-node
xpack.security.enabled: false
# The disk may be fairly full on developer and CI machines: never block writes on disk watermarks.
cluster.routing.allocation.disk.threshold_enabled: false
# Tests clean up with wildcards (DELETE lanterne-test-*).
action.destructive_requires_name: false
EOF
  printf -- '-Xms%s\n-Xmx%s\n' "$ES_HEAP" "$ES_HEAP" >"$conf/jvm.options.d/heap.options"
  if ((EUID == 0)); then
    es_ensure_user
    chown -R "$ES_USER:" "$conf" "$ES_RUN/data" "$ES_RUN/logs" "$ES_RUN/tmp" "$ES_RUN/run"
  fi
}

es_start() {
  if es_running; then
    log "elasticsearch: already running (pid $(<"$ES_PIDFILE"))"
    return 0
  fi
  port_open "$ES_PORT" && die "elasticsearch: port $ES_PORT is taken by a process that infra/local did not start"
  local java_home runner=()
  java_home="$(java_home_at_least 21)"
  ((EUID == 0)) && runner=(runuser -u "$ES_USER" --)
  es_install_home
  es_write_config
  rm -f "$ES_PIDFILE"
  log "elasticsearch: starting $ES_VERSION on $ES_URL (heap $ES_HEAP, java $java_home)"
  # -d: the launcher returns once the node has started (or failed); it runs in the background so that
  # es_wait owns the timeout. cd: jvm.options writes gc.log in the working directory.
  (
    cd "$ES_RUN/logs" || exit 1
    setsid "${runner[@]}" env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$ES_RUN/config" ES_TMPDIR="$ES_RUN/tmp" \
      "$ES_RUN/home/bin/elasticsearch" -d -p "$ES_PIDFILE" >"$ES_RUN/logs/console.log" 2>&1 </dev/null 9>&- &
    echo $! >"$ES_RUN/launcher.pid"
  )
}

# Ready = cluster health reaches yellow (the node is up and can hold data).
es_wait() {
  local deadline=$((SECONDS + READY_TIMEOUT_S)) launcher logs=("$ES_RUN/logs/console.log" "$ES_RUN/logs/lanterne-local.log")
  launcher="$(cat "$ES_RUN/launcher.pid" 2>/dev/null || true)"
  while ((SECONDS < deadline)); do
    if curl -fsS -o /dev/null "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null; then
      es_running || fail_with_log elasticsearch "answers on $ES_URL but its pid file is missing" "${logs[@]}"
      log "elasticsearch: ready on $ES_URL"
      return 0
    fi
    # The launcher exits once the node started; a node that died, or a launcher gone with no node, is a failure.
    if [[ -s "$ES_PIDFILE" ]] && ! es_running; then
      fail_with_log elasticsearch "the node exited during startup" "${logs[@]}"
    fi
    if [[ -n "$launcher" ]] && ! kill -0 "$launcher" 2>/dev/null && ! es_running; then
      fail_with_log elasticsearch "the launcher exited and no node is running" "${logs[@]}"
    fi
    sleep 1
  done
  fail_with_log elasticsearch "not ready (cluster health yellow) after ${READY_TIMEOUT_S}s" "${logs[@]}"
}

es_stop() { stop_pid elasticsearch "$ES_PIDFILE" "$ES_MARKER"; }

es_wipe() { rm -rf "$ES_RUN/data" "$ES_RUN/logs" "$ES_RUN/tmp" "$ES_RUN/config" "$ES_RUN/run"; }

# ---------------------------------------------------------------------------------------------------------------------

write_env_file() {
  cat >"$ENV_FILE" <<EOF
# Lanterne settings for the local engines started by infra/local/up. Load with: set -a; . $ENV_FILE; set +a
LANTERNE_KAFKA__BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
LANTERNE_ELASTICSEARCH__HOSTS='["$ES_URL"]'
EOF
}
