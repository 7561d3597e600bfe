#!/usr/bin/env bash
# Replay benchmark (issue 5): ORDERS mixed orders (default 1000) through a fresh platform, then
# `oms replay projection order_view`, whose last line reports events/s and whether the rebuilt tables' checksums
# equal the live ones'. Mixed: declined payments, out-of-stock, a capture that fails once, cancellations.
# Ports: BENCH_PORT (default 18300) for HTTP, the next two for PostgreSQL and Kafka.
# OMS="java -jar app/target/oms.jar" runs a jar built beforehand instead of ./oms (which builds if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-1000}
port=${BENCH_PORT:-18300}
oms=${OMS:-./oms}
data=$(mktemp -d)
$oms up --data-dir "$data" --http-port "$port" --db-port $((port + 1)) --kafka-port $((port + 2)) \
  --fulfillment-step 200ms >"$data/up.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' \
    "http://127.0.0.1:$port/graphql"; do
  kill -0 $pid 2>/dev/null || { tail -5 "$data/up.log"; exit 1; }
  sleep 1
done

export BENCH_URL="http://127.0.0.1:$port/graphql" BENCH_TOKEN=$($oms token --role ops --subject bench | tail -1)
place() {
  local i=$1 sku qty=1 pay=sandbox_ok cart order
  sku=$(printf 'SKU-%04d' $((i % 20 + 1)))
  case $((i % 20)) in
    0 | 1) pay=sandbox_decline ;;
    2) sku=SKU-LIMITED qty=6 ;;
    3) pay=sandbox_capture_fails_once ;;
  esac
  gql() { curl -sf -m 30 "$BENCH_URL" -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_TOKEN" -d "$1"; }
  cart=$(gql '{"query":"mutation { cartCreate(input: {customerId: \"bench-'$((i % 50))'\", currency: \"EUR\"}) { cart { id } } }"}' \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
  gql '{"query":"mutation($c: ID!) { cartLinesAdd(cartId: $c, lines: [{sku: \"'$sku'\", quantity: '$qty'}]) { cart { id } } }","variables":{"c":"'$cart'"}}' >/dev/null
  order=$(gql '{"query":"mutation($c: ID!) { checkoutComplete(cartId: $c, idempotencyKey: \"bench-'$cart'\", input: {paymentToken: \"'$pay'\", shippingAddress: {name: \"Ada\", line1: \"1 Main St\", city: \"Berlin\", postalCode: \"10115\", country: \"DE\"}}) { order { id } } }","variables":{"c":"'$cart'"}}' \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
  if [ $((i % 20)) -eq 4 ]; then
    gql '{"query":"mutation($o: ID!) { orderCancel(orderId: $o, idempotencyKey: \"cancel-'$order'\") { status } }","variables":{"o":"'$order'"}}' >/dev/null
  fi
}
export -f place
echo "placing $orders orders" >&2
seq 1 "$orders" | xargs -P 4 -I{} bash -c 'place {}'

echo "waiting until every saga has ended" >&2
for _ in $(seq 1 120); do
  OMS_DB_URL="jdbc:postgresql://127.0.0.1:$((port + 1))/postgres" OMS_DB_USER=postgres \
    OMS_KAFKA_BOOTSTRAP="127.0.0.1:$((port + 2))" $oms doctor --invariants --quiescent >/dev/null 2>&1 && break
  sleep 2
done
echo "waiting until every consumer has caught up (oms_consumer_lag_records, refreshed every 10 s)" >&2
for _ in $(seq 1 60); do
  lag=$(curl -sf "http://127.0.0.1:$port/actuator/prometheus" | awk '/^oms_consumer_lag_records/ {s += $2} END {print s + 0}')
  [ "$lag" = 0 ] && break
  sleep 5
done
$oms replay projection order_view --data-dir "$data" 2>/dev/null | tail -1
