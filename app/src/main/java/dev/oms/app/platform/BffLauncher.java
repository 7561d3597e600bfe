package dev.oms.app.platform;

import dev.oms.bff.BffApplication;
import dev.oms.bff.auth.JwtKey;
import dev.oms.cart.api.CartCommands;
import dev.oms.inventory.api.InventoryCommands;
import dev.oms.fulfillment.api.FulfillmentCommands;
import dev.oms.order.api.OrderCommands;
import dev.oms.payment.api.PaymentCommands;
import dev.oms.webhooks.api.WebhookCommands;
import dev.oms.order.api.SagaOperations;
import dev.oms.projections.ProjectionsService.ReadSide;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the GraphQL BFF on the command interfaces of cart, order and inventory (the services themselves in one JVM,
 * remote clients of them in a process of its own), the projections' read side, this user's token signing key, a
 * metrics registry (served at /actuator/prometheus) and what its readiness depends on (/actuator/health/readiness).
 */
final class BffLauncher {
    private BffLauncher() {}

    /** What the BFF calls: the services' commands. One object may implement several of them. */
    record Commands(CartCommands cart, OrderCommands orders, SagaOperations sagas, InventoryCommands inventory,
                    FulfillmentCommands fulfillment, PaymentCommands payment,
                    WebhookCommands webhooks) {} // webhooks may be null: the BFF then answers SERVICE_UNAVAILABLE

    static ConfigurableApplicationContext start(int port, Commands commands, ReadSide read,
                                                PrometheusMeterRegistry registry, HealthContributor services) {
        JwtKey key = JwtKey.fromEnvironment();
        return new SpringApplicationBuilder(BffApplication.class)
                .initializers(ctx -> {
                    var beans = ctx.getBeanFactory();
                    beans.registerSingleton("cartCommands", commands.cart());
                    if (commands.orders() == commands.sagas()) {
                        // one bean for both of the order service's interfaces, so that each type has one candidate
                        beans.registerSingleton("orderCommands", commands.orders());
                    } else {
                        beans.registerSingleton("orderCommands", commands.orders());
                        beans.registerSingleton("sagaOperations", commands.sagas());
                    }
                    beans.registerSingleton("inventoryCommands", commands.inventory());
                    beans.registerSingleton("fulfillmentCommands", commands.fulfillment());
                    beans.registerSingleton("paymentCommands", commands.payment());
                    if (commands.webhooks() != null) {
                        beans.registerSingleton("webhookCommands", commands.webhooks());
                    }
                    beans.registerSingleton("returnQueries", read.returns());
                    beans.registerSingleton("orderQueries", read.orders());
                    beans.registerSingleton("productQueries", read.products());
                    beans.registerSingleton("sagaQueries", read.sagas());
                    beans.registerSingleton("stockQueries", read.stock());
                    beans.registerSingleton("metricsQueries", read.metrics());
                    beans.registerSingleton("projectionUpdates", read.updates());
                    beans.registerSingleton("jwtKey", key);
                    beans.registerSingleton("prometheusMeterRegistry", registry);
                    beans.registerSingleton("prometheusRegistry", registry.getPrometheusRegistry());
                    beans.registerSingleton("services", services);
                })
                .properties("server.port=" + port,
                        "management.endpoint.health.group.readiness.include=readinessState,services")
                .run();
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
