#!/usr/bin/env bash
# Runs the Kubernetes manifests for real on this machine with `podman kube play` (host networking, no cluster): builds
# the image, makes a fresh database on the machine's PostgreSQL, starts the local Kafka cluster, then every service,
# and waits until the BFF is ready. `down` stops it all.
#   deploy/k8s/podman-up.sh up|down     (env: OMS_KUBE_DB=oms_kube, PGHOST=127.0.0.1, PGUSER=postgres, HTTP_PORT=8080)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="$root/.oms-kube"
db="${OMS_KUBE_DB:-oms_kube}"
pghost="${PGHOST:-127.0.0.1}"
pguser="${PGUSER:-postgres}"
http="${HTTP_PORT:-8080}"
for tool in podman buildah runc jlink psql curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "podman-up: needs $tool (apt-get install -y podman buildah runc)" >&2; exit 2; }
done
mkdir -p "$state"
# podman's default ulimits are refused here (setrlimit RLIMIT_NOFILE), and crun fails on cgroup v1: use runc
printf '[containers]\ndefault_ulimits = []\n' > "$state/containers.conf"
export CONTAINERS_CONF="$state/containers.conf"
podman=(podman --runtime runc)

# The key `oms token` signs with here ($OMS_JWT_SECRET, else ~/.oms/jwt-signing.key; ./oms token makes one).
jwt_key() {
  if [ -n "${OMS_JWT_SECRET:-}" ]; then echo "$OMS_JWT_SECRET"; return; fi
  local file="${OMS_HOME:-$HOME/.oms}/jwt-signing.key"
  [ -f "$file" ] || "$root/oms" token --role ops --subject setup >/dev/null
  tr -d '[:space:]' < "$file"
}

# podman takes a Secret only from its own store: here the secrets go into the ConfigMap instead.
render() {
  local key
  key=$(jwt_key)
  sed -e "s#jdbc:postgresql://postgres:5432/oms#jdbc:postgresql://$pghost:5432/$db#" \
      -e "s#OMS_DB_USER: oms#OMS_DB_USER: $pguser#" \
      -e "s#kafka-1:19101,kafka-2:19102,kafka-3:19103#127.0.0.1:19101,127.0.0.1:19102,127.0.0.1:19103#" \
      -e "s#http://\(cart\|order\|inventory\|payment\|fulfillment\|webhooks\):#http://127.0.0.1:#" \
      -e "s#OMS_HTTP_PORT: \"8080\"#OMS_HTTP_PORT: \"$http\"#" \
      -e "s#containerPort: 8080#containerPort: $http#" \
      -e "s#  OMS_HTTP_PORT: .*#&\n  OMS_DB_PASSWORD: \"${PGPASSWORD:-}\"\n  OMS_JWT_SECRET: $key#" \
      -e '/secretRef: {name: oms-secrets}/d' \
      "$root/deploy/k8s/oms.yaml" | without_ports | without_secret > "$state/oms.yaml"
  without_ports < "$root/deploy/k8s/kafka-local.yaml" > "$state/kafka-local.yaml"
}

without_secret() {
  awk 'BEGIN { RS = "---\n"; ORS = "" } !/kind: Secret/ { if (n++) print "---\n"; print }'
}

# Host networking takes no port mappings: each container listens on its own ports already.
without_ports() {
  grep -v -e '^          ports:$' -e 'containerPort:'
}

wait_for() { # what, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "podman-up: $what not ready after $seconds s" >&2
  return 1
}

kafka_ready() {
  local n container
  for n in 1 2 3; do
    container=$("${podman[@]}" ps --format '{{.Names}}' | grep "^kafka-$n-pod.*-kafka-$n\$" | head -1)
    [ -n "$container" ] || return 1
    "${podman[@]}" logs "$container" 2>&1 | grep -q "Kafka node $n ready" || return 1
  done
}

case "${1:-}" in
  up)
    "$0" down >/dev/null # what an earlier run left
    "$root/deploy/image/build.sh" oms:latest
    psql -q -h "$pghost" -U "$pguser" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    render
    cd "$state" # kube play would build an image named oms from the ./oms script if it ran in the project root
    "${podman[@]}" kube play --build=false --network host "$state/kafka-local.yaml" >/dev/null
    wait_for "the Kafka cluster" 120 kafka_ready
    # probes need systemd under podman, which is not here: it says so for every container
    if ! "${podman[@]}" kube play --build=false --network host "$state/oms.yaml" >/dev/null 2>"$state/play.err"; then
      cat "$state/play.err" >&2
      exit 1
    fi
    grep -v 'systemd connection' "$state/play.err" >&2 || true
    wait_for "the BFF" 300 curl -sf "http://127.0.0.1:$http/actuator/health/readiness"
    echo "oms is up under podman: GraphQL http://127.0.0.1:$http/graphql, dashboard http://127.0.0.1:$http/dashboard"
    "${podman[@]}" pod ps --format '{{.Name}} {{.Status}}' | sort
    ;;
  down)
    [ -f "$state/oms.yaml" ] && "${podman[@]}" kube down "$state/oms.yaml" >/dev/null 2>&1 || true
    [ -f "$state/kafka-local.yaml" ] && "${podman[@]}" kube down "$state/kafka-local.yaml" >/dev/null 2>&1 || true
    echo "oms under podman stopped"
    ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
