package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.bff.auth.JwtKey;
import dev.oms.cart.api.CartCommands;
import dev.oms.inventory.api.InventoryCommands;
import dev.oms.projections.api.LocalProjectionUpdates;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.ProductQueries;
import dev.oms.projections.api.ProjectionUpdates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the BFF the way the all-in-one launcher does: backends registered as singletons, a port of its own. */
class LauncherStartupIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesGraphQlAndGraphiQlOverBackendsRegisteredByTheLauncher() throws Exception {
        FakeOperationsQueries operations = new FakeOperationsQueries();
        try (ConfigurableApplicationContext bff = new SpringApplicationBuilder(BffApplication.class)
                .initializers(ctx -> {
                    var beans = ctx.getBeanFactory();
                    beans.registerSingleton("cartCommands", (CartCommands) new FakeCartCommands());
                    beans.registerSingleton("orderCommands", new FakeOrderService());
                    beans.registerSingleton("inventoryCommands", (InventoryCommands) new FakeInventoryCommands());
                    beans.registerSingleton("orderQueries", (OrderQueries) new FakeOrderQueries());
                    beans.registerSingleton("productQueries", (ProductQueries) new FakeProductQueries());
                    beans.registerSingleton("operationsQueries", operations);
                    beans.registerSingleton("projectionUpdates", (ProjectionUpdates) new LocalProjectionUpdates());
                    beans.registerSingleton("jwtKey", (JwtKey) TestTokens.KEY);
                    FakeBackends fakes = new FakeBackends();
                    beans.registerSingleton("fulfillmentCommands", fakes.fulfillmentCommands());
                    beans.registerSingleton("paymentCommands", fakes.paymentCommands());
                    beans.registerSingleton("returnQueries", fakes.returnQueries());
                })
                .properties(Map.of("server.port", "0"))
                .run()) {
            int port = Integer.parseInt(bff.getEnvironment().getProperty("local.server.port"));

            HttpResponse<String> graphQl = Testers.post(port, TestTokens.ops(),
                    "{\"query\":\"{ product(sku: \\\"SKU-1\\\") { name } metrics { ordersPlaced } }\"}");
            HttpResponse<String> graphiQl = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphiql?path=/graphql")).GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(graphQl.statusCode()).isEqualTo(200);
            assertThat(graphQl.body()).isEqualTo("{\"data\":{\"product\":{\"name\":\"Anvil\"},\"metrics\":{\"ordersPlaced\":10}}}");
            assertThat(graphiQl.statusCode()).isEqualTo(200);
            assertThat(graphiQl.body()).containsIgnoringCase("graphiql");
        }
    }
}
