package dev.oms.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/**
 * What happens after the order, as the crash test drives it through GraphQL: customers return units of delivered
 * orders (one withdrawn again), the warehouse receives parcels, orders paid by a later confirmation get the
 * provider's webhook, unshipped orders are edited and the unshipped rest of partly shipped ones is cancelled. Every call may meet a platform that is dying: what did not get through is done again on the
 * next platform (idempotency keys and webhook ids make that safe).
 */
final class AfterTheOrder {
    private static final String REQUEST = """
            mutation($o: ID!, $s: String!, $k: String!) { orderReturnRequest(orderId: $o,
              lines: [{sku: $s, quantity: 1}], reason: "NO_LONGER_NEEDED", idempotencyKey: $k) {
              returnId status userErrors { code } } }""";
    private static final String RECEIVE = """
            mutation($id: ID!, $s: String!, $r: Int!, $d: Int!) { returnReceive(returnId: $id,
              units: [{sku: $s, restockable: $r, damaged: $d}]) { status userErrors { code } } }""";
    private static final String WITHDRAW = """
            mutation($id: ID!) { returnWithdraw(returnId: $id) { status userErrors { code } } }""";

    private static final String HOLD = """
            mutation($id: ID!) { shipmentHold(shipmentId: $id, reason: "the customer may still edit") { held } }""";
    private static final String EDIT = """
            mutation($o: ID!, $l: [EditLineInput!]!, $k: String!) { orderEdit(orderId: $o, lines: $l, idempotencyKey: $k) {
              editId status userErrors { code } } }""";

    private static final String SHIP = """
            mutation($id: ID!, $s: String!) { shipmentShip(shipmentId: $id, units: [{sku: $s, quantity: 1}]) {
              shippedShipmentId userErrors { code } } }""";
    private static final String CANCEL = """
            mutation($o: ID!, $k: String) { orderCancel(orderId: $o, reason: "the rest is too late", idempotencyKey: $k) {
              status userErrors { code } } }""";

    private AfterTheOrder() {}

    /**
     * Places orders of two units, ships one of each at once (the order is PARTIALLY_SHIPPED) and holds the other, so
     * that its rest is still there to cancel.
     */
    static List<String> partlyShippedOrders(ChildPlatform platform, int count) {
        Shop customer = new Shop(new GraphQlClient(platform.graphqlUrl())).asCustomer("crash");
        Shop ops = customer.asOps();
        List<String> orders = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> customer.placeOrder("SKU-0007", 2, "sandbox_ok")).toList();
        for (String order : orders) {
            customer.awaitSagaEnd(order);
            String shipment = customer.awaitStatus(order, "FULFILLING").get("shipments").get(0).get("id").asText();
            ops.graphql().data(SHIP, Map.of("id", shipment, "s", "SKU-0007"));
            ops.graphql().data(HOLD, Map.of("id", shipment));
            customer.awaitStatus(order, "PARTIALLY_SHIPPED");
        }
        return orders;
    }

    /** Places orders and holds their parcels, so that they stay unshipped for the edits to come. */
    static List<String> heldOrders(ChildPlatform platform, int count) {
        Shop customer = new Shop(new GraphQlClient(platform.graphqlUrl())).asCustomer("crash");
        Shop ops = customer.asOps();
        List<String> orders = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> customer.placeOrder("SKU-0005", 2, "sandbox_ok")).toList();
        for (String order : orders) {
            customer.awaitSagaEnd(order);
            customer.awaitStatus(order, "FULFILLING").get("shipments")
                    .forEach(shipment -> ops.graphql().data(HOLD, Map.of("id", shipment.get("id").asText())));
        }
        return orders;
    }

    /**
     * Returns one unit of each delivered order (the first is withdrawn again, the second left for later), receives the
     * rest (every other one damaged), checks out orders with the pending tokens and confirms them (the last declined),
     * edits the held orders (every other one to a higher total, the others to a lower one) and cancels the rest of the
     * partly shipped ones: asked again with the same key on the next platform, each is one edit, one cancellation.
     */
    static void play(ChildPlatform platform, SandboxProvider provider, List<String> delivered, List<String> pending,
                     List<String> held, List<String> partlyShipped, boolean first) {
        Shop customer = new Shop(new GraphQlClient(platform.graphqlUrl())).asCustomer("crash");
        Shop ops = customer.asOps();
        try {
            for (String order : partlyShipped) {
                customer.graphql().data(CANCEL, Map.of("o", order, "k", "cancel-" + order));
            }
            for (int i = 0; i < held.size(); i++) {
                List<Map<String, Object>> lines = i % 2 == 0
                        ? List.of(Map.of("sku", "SKU-0005", "quantity", 3), Map.of("sku", "SKU-0006", "quantity", 1))
                        : List.of(Map.of("sku", "SKU-0005", "quantity", 1));
                customer.graphql().data(EDIT, Map.of("o", held.get(i), "l", lines, "k", "edit-" + held.get(i)));
            }
            for (int i = 0; i < delivered.size(); i++) {
                String order = delivered.get(i);
                String sku = "SKU-000" + (1 + i % 3);
                JsonNode requested = customer.graphql().data(REQUEST, Map.of("o", order, "s", sku, "k", "return-" + order))
                        .get("orderReturnRequest");
                if (!first || requested.get("returnId").isNull()) {
                    continue;
                }
                String returnId = requested.get("returnId").asText();
                if (i == 0) {
                    customer.graphql().data(WITHDRAW, Map.of("id", returnId));
                } else if (i > 1) {
                    ops.graphql().data(RECEIVE, Map.of("id", returnId, "s", sku, "r", i % 2, "d", 1 - i % 2));
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                String token = pending.get(i);
                if (first) {
                    customer.placeOrder("SKU-0004", 1, token);
                }
                provider.confirm(platform.graphqlUrl(), token, i < pending.size() - 1);
            }
        } catch (RuntimeException | AssertionError platformDied) {
            // a crash point fired: what got through is what the next platform goes on with
        }
    }

    /**
     * Receives every return still expected (as restockable), so that its saga can end; true when none was left to
     * receive.
     */
    static boolean receiveWhatIsExpected(ChildPlatform platform, DataSource data) {
        Shop ops = new Shop(new GraphQlClient(platform.graphqlUrl())).asOps();
        List<String[]> expected = new java.util.ArrayList<>();
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("""
                     SELECT r.return_id, l.sku FROM "order".order_return r JOIN "order".order_return_line l USING (return_id)
                     WHERE r.status = 'REQUESTED'""")) {
            while (row.next()) {
                expected.add(new String[] {row.getString(1), row.getString(2)});
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        expected.forEach(r -> ops.graphql().data(RECEIVE, Map.of("id", r[0], "s", r[1], "r", 1, "d", 0)));
        return expected.isEmpty();
    }

    /** How many edits each order has: one per key, however often it was asked. */
    static Map<String, Integer> editsPerOrder(DataSource data) {
        Map<String, Integer> edits = new java.util.TreeMap<>();
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT order_id, count(*) FROM \"order\".order_edit GROUP BY order_id")) {
            while (row.next()) {
                edits.put(row.getString(1), row.getInt(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return edits;
    }

    /** The order's cancelled units, over its lines: what CancelRest recorded once it was done. */
    static int cancelledUnits(DataSource data, List<String> orders) {
        try (Connection c = data.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(sum(cancelled_quantity), 0) FROM \"order\".order_line WHERE order_id::text = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", orders.toArray()));
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int returnsRefunded(DataSource data) {
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT count(*) FROM \"order\".order_return WHERE status = 'REFUNDED'")) {
            row.next();
            return row.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
