#!/usr/bin/env bash
# The README tour's core against a running platform (default http://127.0.0.1:8080): a customer's cart, a checkout,
# and the order followed until its saga COMPLETED and its parcel DELIVERED. Exits non-zero if it does not get there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
url="${1:-http://127.0.0.1:8080}/graphql"
token=$("$root/oms" token --role customer --subject smoke)
q() { curl -sf "$url" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$1"; }
cart=$(q '{"query":"mutation { cartCreate(input: {customerId: \"smoke\", currency: \"EUR\"}) { cart { id } } }"}' \
  | jq -er '.data.cartCreate.cart.id')
q '{"query":"mutation($c: ID!) { cartLinesAdd(cartId: $c, lines: [{sku: \"SKU-0001\", quantity: 2}]) { userErrors { code } } }","variables":{"c":"'"$cart"'"}}' \
  | jq -e '.data.cartLinesAdd.userErrors == []' >/dev/null
order=$(q '{"query":"mutation($c: ID!) { checkoutComplete(cartId: $c, idempotencyKey: \"smoke-'"$cart"'\", input: {paymentToken: \"sandbox_ok\", shippingAddress: {name: \"Ada\", line1: \"1 Main St\", city: \"Berlin\", postalCode: \"10115\", country: \"DE\"}}) { order { id } } }","variables":{"c":"'"$cart"'"}}' \
  | jq -er '.data.checkoutComplete.order.id')
for _ in $(seq 1 60); do
  state=$(q '{"query":"query($id: ID!) { order(id: $id) { status payment { status } saga { status } } }","variables":{"id":"'"$order"'"}}' \
    | jq -c '.data.order')
  if echo "$state" | jq -e '.status == "DELIVERED" and .saga.status == "COMPLETED" and .payment.status == "CAPTURED"' >/dev/null; then
    echo "smoke: order $order DELIVERED, payment CAPTURED, saga COMPLETED"
    exit 0
  fi
  sleep 1
done
echo "smoke: order $order did not get to DELIVERED: $state" >&2
exit 1
