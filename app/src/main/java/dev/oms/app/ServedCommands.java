package dev.oms.app;

import dev.oms.cart.api.CartCommands;
import dev.oms.inventory.api.InventoryCommands;
import dev.oms.order.api.OrderCommands;
import dev.oms.order.api.SagaOperations;
import dev.oms.remote.CommandServer;
import java.util.Optional;

/** The command interfaces a service publishes in its api package, served over HTTP for a BFF in another process. */
final class ServedCommands {
    private ServedCommands() {}

    /** A command server for what {@code service} implements; empty when it implements none of them. */
    static Optional<CommandServer> serve(Object service, int port) {
        if (!(service instanceof CartCommands || service instanceof OrderCommands || service instanceof InventoryCommands)) {
            return Optional.empty();
        }
        CommandServer server = CommandServer.start(port);
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
        return Optional.of(server);
    }
}
