package dev.oms.app;

import dev.oms.cart.api.CartCommands;
import dev.oms.fulfillment.api.FulfillmentCommands;
import dev.oms.inventory.api.InventoryCommands;
import dev.oms.order.api.OrderCommands;
import dev.oms.order.api.SagaOperations;
import dev.oms.payment.api.PaymentCommands;
import dev.oms.webhooks.api.WebhookCommands;
import dev.oms.remote.CommandServer;
import dev.oms.messaging.release.ReleaseRoute;
import dev.oms.messaging.release.ReleaseRoutes;
import java.util.Optional;
import javax.sql.DataSource;

/** The command interfaces a service publishes in its api package, served over HTTP for a BFF in another process. */
final class ServedCommands {
    private ServedCommands() {}

    /**
     * A command server for what {@code service} implements, announcing on every answer the blue/green release route in
     * the service's schema ({@code database}), so that the BFF splits its calls as it says; empty when the service
     * implements none of them.
     */
    static Optional<CommandServer> serve(Object service, int port, DataSource database) {
        if (!(service instanceof CartCommands || service instanceof OrderCommands || service instanceof InventoryCommands
                || service instanceof FulfillmentCommands || service instanceof PaymentCommands
                || service instanceof WebhookCommands)) {
            return Optional.empty();
        }
        ReleaseRoutes routes = new ReleaseRoutes(database);
        CommandServer server = CommandServer.start(port).announcingReleaseRoute(() -> {
            ReleaseRoute route = routes.current();
            return route.greenPercent() + " " + route.version();
        });
        if (service instanceof CartCommands cart) {
            server.serve(CartCommands.class, cart);
        }
        if (service instanceof OrderCommands order) {
            server.serve(OrderCommands.class, order);
        }
        if (service instanceof SagaOperations sagas) {
            server.serve(SagaOperations.class, sagas);
        }
        if (service instanceof InventoryCommands inventory) {
            server.serve(InventoryCommands.class, inventory);
        }
        if (service instanceof FulfillmentCommands fulfillment) {
            server.serve(FulfillmentCommands.class, fulfillment);
        }
        if (service instanceof PaymentCommands payment) {
            server.serve(PaymentCommands.class, payment);
        }
        if (service instanceof WebhookCommands webhooks) {
            server.serve(WebhookCommands.class, webhooks);
        }
        return Optional.of(server);
    }
}
