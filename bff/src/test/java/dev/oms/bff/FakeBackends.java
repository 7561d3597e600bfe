package dev.oms.bff;

import dev.oms.bff.auth.JwtKey;
import dev.oms.fulfillment.api.FulfillmentCommands;
import dev.oms.fulfillment.api.FulfillmentError;
import dev.oms.fulfillment.api.ReceivedUnits;
import dev.oms.fulfillment.api.ReturnReceipt;
import dev.oms.fulfillment.api.ShipmentAction;
import dev.oms.fulfillment.api.ShipmentUnits;
import dev.oms.payment.api.PaymentCommands;
import dev.oms.payment.api.WebhookReceipt;
import dev.oms.projections.api.ReturnQueries;
import dev.oms.projections.api.ReturnView;
import java.util.List;
import java.util.Optional;
import dev.oms.projections.api.LocalProjectionUpdates;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The backends the launcher registers, as in-memory fakes, and the key the test tokens are signed with. */
@TestConfiguration(proxyBeanMethods = false)
class FakeBackends {

    @Bean
    FakeCartCommands cartCommands() {
        return new FakeCartCommands();
    }

    @Bean
    FakeOrderQueries orderQueries() {
        return new FakeOrderQueries();
    }

    @Bean
    FakeProductQueries productQueries() {
        return new FakeProductQueries();
    }

    /** The order service: it implements both the customers' and the operators' commands. */
    @Bean
    FakeOrderService orderService() {
        return new FakeOrderService();
    }

    @Bean
    FakeInventoryCommands inventoryCommands() {
        return new FakeInventoryCommands();
    }

    /** No return is known and the warehouse receives none: the return tests run against the real services. */
    @Bean
    ReturnQueries returnQueries() {
        return new ReturnQueries() {
            @Override
            public List<ReturnView> ofOrder(String orderId) {
                return List.of();
            }

            @Override
            public Optional<ReturnView> byId(String returnId) {
                return Optional.empty();
            }
        };
    }

    @Bean
    FulfillmentCommands fulfillmentCommands() {
        return new FulfillmentCommands() {
            @Override
            public ReturnReceipt receiveReturn(String returnId, List<ReceivedUnits> units) {
                return ReturnReceipt.refused(returnId, FulfillmentError.RETURN_NOT_FOUND, "returnId", "no return " + returnId);
            }

            @Override
            public ShipmentAction holdShipment(String shipmentId, String reason) {
                return notFound(shipmentId);
            }

            @Override
            public ShipmentAction releaseShipment(String shipmentId) {
                return notFound(shipmentId);
            }

            @Override
            public ShipmentAction shipShipment(String shipmentId, List<ShipmentUnits> units) {
                return notFound(shipmentId);
            }

            private ShipmentAction notFound(String shipmentId) {
                return ShipmentAction.refused(shipmentId, FulfillmentError.SHIPMENT_NOT_FOUND, "shipmentId",
                        "no shipment " + shipmentId);
            }
        };
    }

    @Bean
    PaymentCommands paymentCommands() {
        return (id, timestamp, signature, body) -> WebhookReceipt.refused("webhooks are not faked");
    }

    @Bean
    FakeOperationsQueries operationsQueries() {
        return new FakeOperationsQueries();
    }

    @Bean
    LocalProjectionUpdates projectionUpdates() {
        return new LocalProjectionUpdates();
    }

    @Bean
    JwtKey jwtKey() {
        return TestTokens.KEY;
    }
}
