#!/usr/bin/env bash
# Chaos exercises against the two-region setup (issue 16): region A serves (its Kafka node and `oms up` in its
# namespace, its PostgreSQL the primary, B's a standby), clients on the host check out steadily through A's GraphQL,
# and each named fault is injected, held, and healed in turn. Per fault it prints what users saw (checkouts that
# failed, how; latency while it lasted), how the orders placed meanwhile ended, how long until everything settled,
# and whether an invariant broke (`oms doctor --invariants --quiescent` inside region A).
#
#   deploy/regions/chaos.sh [FAULT...]     default: partition broker-loss slow-db crash-loop
#
#   partition     region A's link goes down for HOLD seconds, its processes running on; then back
#   broker-loss   A's Kafka node is killed (-9), down for HOLD seconds, then started again on its data
#   crash-loop    the platform is killed (-9) as soon as it is ready, CRASHES times, then left to run
#   slow-db       A's PostgreSQL is frozen 300 ms of every second (SIGSTOP/SIGCONT) for HOLD seconds
#
# Settings: HOLD (seconds, 12), RATE_MS (one checkout every RATE_MS, 250), CRASHES (2), WARMUP (seconds of load
# before the first fault, not measured: a cold JVM is slow; 30), KEEP_REGIONS=1 to reuse regions already up.
# Needs what regions.sh needs, plus curl; builds app/target/oms.jar if missing.
# The runbooks: docs/runbooks/ (region-lost, kafka-down, crash-loop, slow-database).
set -euo pipefail
cd "$(dirname "$0")/../.."

here=deploy/regions
regions="$here/regions.sh"
hold="${HOLD:-12}"
rate_ms="${RATE_MS:-250}"
pause=$(awk -v ms="$rate_ms" 'BEGIN{printf "%.3f", ms/1000}')
crashes="${CRASHES:-2}"
dir="${REGIONS_DIR:-/tmp/oms-regions}"
work="${CHAOS_DIR:-/tmp/oms-chaos}"
jar=app/target/oms.jar
graphql=http://10.77.0.10:8080/graphql
db_inside=jdbc:postgresql://127.0.0.1:5432/postgres
provider_db=jdbc:postgresql://10.77.0.1:5433/postgres
faults=("$@")
[ ${#faults[@]} -gt 0 ] || faults=(partition broker-loss slow-db crash-loop)

for tool in curl ip; do command -v "$tool" >/dev/null || { echo "chaos: needs $tool" >&2; exit 2; }; done
[ -f "$jar" ] || mvn -q -B -o -DskipTests install
java_bin="$(command -v java)"

load_pid=""

in_a() { "$regions" exec a "$@"; }

# Each JVM is found (and killed) by its data dir, which only its command line names.
starts=0
start_kafka() {
  starts=$((starts + 1))
  in_a "$java_bin" -Xmx512m -jar "$jar" kafka-node --node-id 1 --nodes 1 --base-port 19101 \
    --data-dir "$work/kafka-a" >"$work/kafka-a.$starts.log" 2>&1 &
  disown $! # killed on purpose: no job-control notice
  wait_log "$work/kafka-a.$starts.log" "Kafka node 1 ready" 90
}

start_platform() {
  starts=$((starts + 1))
  in_a env OMS_DB_URL="$db_inside" OMS_DB_USER=postgres OMS_KAFKA_BOOTSTRAP=127.0.0.1:19101 \
    OMS_PAYMENT_PROVIDER_DB_URL="$provider_db" OMS_SAGA_STEP_TIMEOUT=30s \
    "$java_bin" -Xmx768m -jar "$jar" up --data-dir "$work/up-a" --fulfillment-step 300ms \
    >"$work/platform.$starts.log" 2>&1 &
  disown $!
  wait_log "$work/platform.$starts.log" "oms: ready in" 120
}

kill_jvm() { # kill_jvm DATA_DIR: kill -9, and wait until it is gone
  pkill -KILL -f -- "--data-dir $1( |\$)" || true
  for _ in $(seq 1 50); do pgrep -f -- "--data-dir $1( |\$)" >/dev/null || return 0; sleep 0.1; done
}

# wait_log FILE TEXT SECONDS
wait_log() {
  for _ in $(seq 1 $(($3 * 5))); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "chaos: '$2' did not appear in $1 within $3 s" >&2
  tail -20 "$1" >&2
  exit 1
}

cleanup() {
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null || true
  kill_jvm "$work/up-a"
  kill_jvm "$work/kafka-a"
  [ -n "${KEEP_REGIONS:-}" ] || "$regions" down >/dev/null 2>&1 || true
}
trap cleanup EXIT

# The load generator spends no process but curl on a checkout (a jq or date per call would cost the box more CPU
# than the platform's work for that checkout and distort what it measures).
gql() { # gql BODY_JSON: the response, or "error: curl exit N"
  curl -s -m 5 -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$1" "$graphql" \
    || echo "error: curl exit $?"
}

now_ms() { local t=${EPOCHREALTIME/./}; echo "${t:0:-3}"; }

# one checkout: prints "<start ms> <latency ms> ok <order id>" or "<start ms> <latency ms> err <what>"
checkout_once() {
  local t0 t1 r cart="" oid="" key what
  t0=$(now_ms)
  r=$(gql '{"query":"mutation{cartCreate(input:{customerId:\"chaos\",currency:\"EUR\"}){cart{id} userErrors{code}}}"}')
  [[ $r =~ \"cart\":\{\"id\":\"([^\"]+)\" ]] && cart=${BASH_REMATCH[1]}
  if [ -n "$cart" ]; then
    r=$(gql '{"query":"mutation{cartLinesAdd(cartId:\"'"$cart"'\",lines:[{sku:\"SKU-0015\",quantity:1}]){cart{id} userErrors{code}}}"}')
    if [[ $r == *'"cartLinesAdd":{"cart":{"id"'* ]]; then
      key=$(</proc/sys/kernel/random/uuid)
      r=$(gql '{"query":"mutation{checkoutComplete(cartId:\"'"$cart"'\",idempotencyKey:\"'"$key"'\",input:{paymentToken:\"sandbox_ok\",shippingAddress:{name:\"Ada\",line1:\"1 Main St\",city:\"Berlin\",postalCode:\"10115\",country:\"DE\"}}){order{id} userErrors{code}}}"}')
      [[ $r =~ \"order\":\{\"id\":\"([^\"]+)\" ]] && oid=${BASH_REMATCH[1]}
    fi
  fi
  t1=$(now_ms)
  if [ -n "$oid" ]; then
    echo "$t0 $((t1 - t0)) ok $oid"
    return
  fi
  case "$r" in
    "error: curl exit 7") what=connection-refused ;;
    "error: curl exit 28") what=timed-out ;;
    "error: curl exit 52" | "error: curl exit 56") what=connection-reset ;;
    error:*) what=${r#error: } ;;
    *) if [[ $r =~ \"code\":\"([A-Z_]+)\" ]]; then what=${BASH_REMATCH[1]}; else what=unexpected-answer; fi ;;
  esac
  echo "$t0 $((t1 - t0)) err ${what// /_}"
}

load() { # load FILE: a checkout every RATE_MS until killed
  while true; do
    checkout_once >>"$1" &
    sleep "$pause"
  done
}

# inside region A: the saga outcomes of the orders in FILE, and the invariants
saga_outcomes() {
  local ids; ids=$(awk '$3=="ok"{printf "%s\x27%s\x27", (n++?",":""), $4}' "$1")
  [ -n "$ids" ] || { echo "none"; return; }
  "$regions" psql a -Atq -c "SELECT string_agg(status || ' ' || n, ', ') FROM (SELECT status, count(*) n FROM \"order\".saga_instance WHERE saga_type = 'PlaceOrder' AND correlation_id IN ($ids) GROUP BY status ORDER BY status) s"
}

doctor() {
  in_a env OMS_DB_URL="$db_inside" OMS_DB_USER=postgres OMS_KAFKA_BOOTSTRAP=127.0.0.1:19101 \
    OMS_PAYMENT_PROVIDER_DB_URL="$provider_db" "$java_bin" -jar "$jar" doctor --invariants --quiescent
}

percentile() { # percentile P < numbers
  sort -n | awk -v p="$1" '{v[NR]=$1} END{if (NR==0) {print "-"; exit} i=int((NR*p/100)+0.999); if (i<1) i=1; print v[i]}'
}

report() { # report FAULT FILE FAULT_START_MS FAULT_END_MS
  local name=$1 file=$2 from=$3 to=$4
  local all ok failed during
  all=$(wc -l <"$file")
  ok=$(awk '$3=="ok"' "$file" | wc -l)
  failed=$((all - ok))
  during=$(awk -v a="$from" -v b="$to" '$1>=a && $1<=b' "$file")
  echo "  users: $all checkouts, $ok accepted, $failed failed$( [ "$failed" -gt 0 ] && echo " ($(awk '$3=="err"{print $4}' "$file" | sort | uniq -c | sort -rn | head -3 | awk '{printf "%s%s x%s", (n++?", ":""), $2, $1}'))")"
  echo "  latency of a checkout (3 GraphQL calls), ms: before/after p50 $(awk -v a="$from" -v b="$to" '$3=="ok" && ($1<a || $1>b){print $2}' "$file" | percentile 50)," \
    "during the fault p50 $(echo "$during" | awk '$3=="ok"{print $2}' | percentile 50) p99 $(echo "$during" | awk '$3=="ok"{print $2}' | percentile 99)" \
    "max $(echo "$during" | awk '{print $2}' | percentile 100), $(echo "$during" | awk '$3=="err"' | wc -l) of $(echo "$during" | grep -c . || true) failed"
  local first_ok_after
  first_ok_after=$(awk -v b="$to" '$3=="ok" && $1>=b {print $1; exit}' "$file")
  [ -n "$first_ok_after" ] && echo "  checkouts accepted again $(( (first_ok_after - to) )) ms after the fault was healed"
  local settle_start; settle_start=$(date +%s)
  local verdict="" out
  for _ in $(seq 1 60); do
    if out=$(doctor 2>&1); then verdict="OK"; break; fi
    sleep 3
  done
  local settled=$(( $(date +%s) - settle_start ))
  if [ "$verdict" = OK ]; then
    echo "  after: every saga ended and every outbox drained ${settled} s after the load stopped; orders placed: $(saga_outcomes "$file"); invariants: OK"
  else
    echo "  after: NOT settled or an invariant broke within ${settled} s; orders placed: $(saga_outcomes "$file")"
    echo "$out" | grep -v "^OK" | sed 's/^/    /' | head -20
    failures=$((failures + 1))
  fi
}

run_fault() {
  local name=$1 file="$work/$1.load" from to
  : >"$file"
  load "$file" & load_pid=$!
  sleep 5
  from=$(now_ms)
  case "$name" in
    partition)
      echo "fault partition: region A's link down for $hold s, its processes running on"
      "$regions" cut a >/dev/null; sleep "$hold"; "$regions" heal a >/dev/null ;;
    broker-loss)
      echo "fault broker-loss: A's Kafka node killed (-9), down for $hold s, then started again on its data"
      kill_jvm "$work/kafka-a"; sleep "$hold"; start_kafka ;;
    crash-loop)
      echo "fault crash-loop: the platform killed (-9) as soon as it is ready, $crashes times, then left to run"
      for _ in $(seq 1 "$crashes"); do kill_jvm "$work/up-a"; start_platform; done ;;
    slow-db)
      echo "fault slow-db: A's PostgreSQL frozen 300 ms of every second for $hold s"
      local pids end; end=$(( $(date +%s) + hold ))
      pids="$(head -1 "$dir/pg-a/postmaster.pid") $(pgrep -P "$(head -1 "$dir/pg-a/postmaster.pid")" | tr '\n' ' ')"
      while [ "$(date +%s)" -lt "$end" ]; do
        kill -STOP $pids 2>/dev/null || true; sleep 0.3; kill -CONT $pids 2>/dev/null || true; sleep 0.7
      done ;;
    *) echo "chaos: no fault '$name' (partition, broker-loss, crash-loop, slow-db)" >&2; exit 2 ;;
  esac
  to=$(now_ms)
  sleep 5
  kill "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; load_pid=""
  sleep 6 # checkouts still under way finish (curl -m 5)
  report "$name" "$file" "$from" "$to"
}

mkdir -p "$dir"
if [ -z "${KEEP_REGIONS:-}" ]; then
  "$regions" down >/dev/null 2>&1 || true
  "$regions" up
fi
rm -rf "$work"; mkdir -p "$work"
echo "chaos: starting region A (Kafka node, platform)"
start_kafka
start_platform
token=$(java -jar "$jar" token --role customer --subject chaos | tail -1)
echo "chaos: warming up for ${WARMUP:-30} s (not measured)"
load "$work/warmup.load" & load_pid=$!
sleep "${WARMUP:-30}"
kill "$load_pid"; wait "$load_pid" 2>/dev/null || true; load_pid=""
sleep 6
failures=0
for fault in "${faults[@]}"; do
  run_fault "$fault"
done
echo "chaos: ${#faults[@]} fault(s), $failures with a broken invariant or unsettled"
[ "$failures" -eq 0 ]
