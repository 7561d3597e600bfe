package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.cart.api.CartCommands;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.ProductQueries;
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
        try (ConfigurableApplicationContext bff = new SpringApplicationBuilder(BffApplication.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("cartCommands", (CartCommands) new FakeCartCommands());
                    ctx.getBeanFactory().registerSingleton("orderQueries", (OrderQueries) new FakeOrderQueries());
                    ctx.getBeanFactory().registerSingleton("productQueries", (ProductQueries) new FakeProductQueries());
                })
                .properties(Map.of("server.port", "0"))
                .run()) {
            String base = "http://127.0.0.1:" + bff.getEnvironment().getProperty("local.server.port");

            HttpResponse<String> graphQl = http.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ product(sku: \\\"SKU-1\\\") { name } }\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> graphiQl = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/graphiql?path=/graphql")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(graphQl.statusCode()).isEqualTo(200);
            assertThat(graphQl.body()).isEqualTo("{\"data\":{\"product\":{\"name\":\"Anvil\"}}}");
            assertThat(graphiQl.statusCode()).isEqualTo(200);
            assertThat(graphiQl.body()).containsIgnoringCase("graphiql");
        }
    }
}
