#!/usr/bin/env bash
# A local Kafka cluster for tests and demos: N nodes (default 3), each `oms kafka-node` in a process of its own, with
# its own port and data dir. Then run the services against it with
#   OMS_KAFKA_BOOTSTRAP=127.0.0.1:19101,127.0.0.1:19102,127.0.0.1:19103 OMS_KAFKA_REPLICATION_FACTOR=3 ./oms service ...
# Usage: deploy/kafka-cluster.sh start|stop|status   (env: NODES=3 BASE_PORT=19101 DATA_DIR=.oms-kafka-cluster)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nodes="${NODES:-3}"
base="${BASE_PORT:-19101}"
dir="${DATA_DIR:-$root/.oms-kafka-cluster}"

bootstrap() {
  local all="" n
  for n in $(seq 1 "$nodes"); do all="${all:+$all,}127.0.0.1:$((base + n - 1))"; done
  echo "$all"
}

alive() { [ -f "$dir/node-$1.pid" ] && kill -0 "$(cat "$dir/node-$1.pid")" 2>/dev/null; }

case "${1:-}" in
  start)
    mkdir -p "$dir"
    for n in $(seq 1 "$nodes"); do
      if alive "$n"; then echo "node $n already running"; continue; fi
      nohup "$root/oms" kafka-node --node-id "$n" --nodes "$nodes" --base-port "$base" --data-dir "$dir" \
        >"$dir/node-$n.log" 2>&1 &
      echo $! >"$dir/node-$n.pid"
    done
    for n in $(seq 1 "$nodes"); do
      for _ in $(seq 1 180); do
        grep -q "Kafka node $n ready" "$dir/node-$n.log" 2>/dev/null && break
        alive "$n" || { echo "node $n exited; see $dir/node-$n.log" >&2; exit 1; }
        sleep 0.5
      done
      grep -q "Kafka node $n ready" "$dir/node-$n.log" || { echo "node $n not ready; see $dir/node-$n.log" >&2; exit 1; }
    done
    echo "kafka cluster ready: OMS_KAFKA_BOOTSTRAP=$(bootstrap) OMS_KAFKA_REPLICATION_FACTOR=$(( nodes < 3 ? nodes : 3 ))"
    ;;
  stop)
    for n in $(seq 1 "$nodes"); do
      if alive "$n"; then kill "$(cat "$dir/node-$n.pid")"; fi
    done
    for n in $(seq 1 "$nodes"); do
      while alive "$n"; do sleep 0.2; done
      rm -f "$dir/node-$n.pid"
    done
    echo "kafka cluster stopped (data kept in $dir)"
    ;;
  status)
    for n in $(seq 1 "$nodes"); do
      if alive "$n"; then echo "node $n up on 127.0.0.1:$((base + n - 1))"; else echo "node $n down"; fi
    done
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
