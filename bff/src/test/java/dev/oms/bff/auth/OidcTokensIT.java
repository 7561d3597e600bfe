package dev.oms.bff.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.oms.bff.BffApplication;
import dev.oms.projections.api.LocalProjectionUpdates;
import dev.oms.projections.api.SagaView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The BFF configured for a real OpenID Connect provider (mock-oauth2-server on a random port, discovery and JWKS over
 * HTTP, RS256), Keycloak style: the customer id in {@code customer_id}, roles in {@code realm_access.roles}. Its
 * tokens work next to the development ones; another issuer's, another audience's or expired ones get 401.
 */
@SpringBootTest(classes = BffApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OidcTokensIT.FakeBackends.class)
class OidcTokensIT {
    private static final String ISSUER_ID = "shop";
    private static final String AUDIENCE = "oms-api";
    private static final String CUSTOMER = "customer-7";
    private static final String ORDERS = "{\"query\":\"{ orders { edges { node { id customerId } } } }\"}";
    private static final String OTHERS_ORDER = "{\"query\":\"{ order(id: \\\"order-new\\\") { id customerId } }\"}";
    private static final String METRICS = "{\"query\":\"{ metrics { ordersPlaced } }\"}";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final MockOAuth2Server provider = started();
    private static final MockOAuth2Server stranger = started();

    /** The BFF test fixtures (in-memory backends, the development key) live in a package of their own. */
    static final class FakeBackends implements ImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {"dev.oms.bff.FakeBackends"};
        }
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) {
        properties.add(OidcSettings.ISSUER, () -> provider.issuerUrl(ISSUER_ID).toString());
        properties.add(OidcSettings.AUDIENCE, () -> AUDIENCE);
        properties.add(OidcSettings.CUSTOMER_CLAIM, () -> "customer_id");
        properties.add(OidcSettings.ROLE_CLAIM, () -> "realm_access.roles");
    }

    @LocalServerPort
    int port;
    @Autowired
    JwtKey developmentKey;
    @Autowired
    LocalProjectionUpdates updates;

    private final List<WebSocketGraphQlClient> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(client -> client.stop().block(PATIENCE));
    }

    @AfterAll
    static void stopProviders() {
        provider.shutdown();
        stranger.shutdown();
    }

    @Test
    void letsACustomerTokenOfTheProviderReadOnlyThatCustomersOrders() throws Exception {
        String token = customerToken(provider, ISSUER_ID, AUDIENCE, 3600);

        HttpResponse<String> orders = post(token, ORDERS);
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).contains("\"id\":\"order-shipped\"", "\"id\":\"order-delivered\"")
                .doesNotContain("order-new", "customer-8", "\"errors\"");

        HttpResponse<String> others = post(token, OTHERS_ORDER);
        assertThat(others.statusCode()).isEqualTo(200);
        assertThat(others.body()).isEqualTo("{\"data\":{\"order\":null}}");
    }

    @Test
    void letsAnOpsTokenOfTheProviderUseTheOperatorFieldsButNotACustomerToken() throws Exception {
        HttpResponse<String> ops = post(opsToken(), METRICS);
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).isEqualTo("{\"data\":{\"metrics\":{\"ordersPlaced\":10}}}");

        HttpResponse<String> customer = post(customerToken(provider, ISSUER_ID, AUDIENCE, 3600), METRICS);
        HttpResponse<String> developmentCustomer = post(Tokens.issue(developmentKey, CUSTOMER, Role.CUSTOMER,
                Duration.ofMinutes(5)), METRICS);
        assertThat(customer.statusCode()).isEqualTo(developmentCustomer.statusCode());
        assertThat(customer.body()).contains("\"code\":\"FORBIDDEN\"").isEqualTo(developmentCustomer.body());
    }

    @Test
    void refusesATokenOfAnotherIssuerWith401() throws Exception {
        assertRefused(post(customerToken(stranger, ISSUER_ID, AUDIENCE, 3600), ORDERS));
        assertRefused(post(customerToken(provider, "another-realm", AUDIENCE, 3600), ORDERS));
    }

    @Test
    void refusesATokenForAnotherAudienceWith401() throws Exception {
        assertRefused(post(customerToken(provider, ISSUER_ID, "another-api", 3600), ORDERS));
    }

    @Test
    void refusesAnExpiredTokenWith401() throws Exception {
        assertRefused(post(customerToken(provider, ISSUER_ID, AUDIENCE, -3600), ORDERS));
    }

    @Test
    void refusesACustomerTokenWithoutTheCustomerClaimWith401() throws Exception {
        String token = provider.issueToken(ISSUER_ID, "user-42", AUDIENCE, Map.of(), 3600).serialize();

        assertRefused(post(token, ORDERS));
    }

    @Test
    void refusesAProviderTokenWhoseClaimsWereChangedWith401() throws Exception {
        String[] parts = customerToken(provider, ISSUER_ID, AUDIENCE, 3600).split("\\.");
        String forged = opsToken().split("\\.")[1];

        assertRefused(post(parts[0] + "." + forged + "." + parts[2], METRICS));
    }

    @Test
    void keepsServingTheDevelopmentTokens() throws Exception {
        HttpResponse<String> customer = post(Tokens.issue(developmentKey, CUSTOMER, Role.CUSTOMER,
                Duration.ofMinutes(5)), ORDERS);
        assertThat(customer.statusCode()).isEqualTo(200);
        assertThat(customer.body()).contains("order-shipped", "order-delivered").doesNotContain("order-new");

        HttpResponse<String> ops = post(Tokens.issue(developmentKey, "operator-1", Role.OPS, Duration.ofMinutes(5)),
                METRICS);
        assertThat(ops.body()).isEqualTo("{\"data\":{\"metrics\":{\"ordersPlaced\":10}}}");
    }

    @Test
    void pushesSagaUpdatesOverAWebSocketToAnOpsTokenOfTheProvider() {
        List<String> received = new CopyOnWriteArrayList<>();
        Disposable subscription = client(opsToken())
                .document("subscription { sagaUpdated(status: RUNNING) { id status } }").executeSubscription()
                .map(response -> response.field("sagaUpdated.id").toEntity(String.class))
                .subscribe(received::add);
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
                updates.publish(new SagaView("saga-oidc", "PlaceOrder", "RUNNING", List.of()));
                return !received.isEmpty();
            });
        } finally {
            subscription.dispose();
        }
        assertThat(received).contains("saga-oidc");
    }

    @Test
    void refusesOperatorSubscriptionsToACustomerTokenOfTheProvider() {
        assertThatThrownBy(() -> client(customerToken(provider, ISSUER_ID, AUDIENCE, 3600))
                .document("subscription { sagaUpdated { id } }").executeSubscription().blockFirst(PATIENCE))
                .isInstanceOfSatisfying(SubscriptionErrorException.class, e -> assertThat(e.getErrors())
                        .singleElement().satisfies(error -> assertThat(error.getExtensions())
                                .containsEntry("code", "FORBIDDEN")));
    }

    @Test
    void closesAWebSocketWhoseTokenIsOfAnotherIssuer() {
        assertThatThrownBy(() -> client(customerToken(stranger, ISSUER_ID, AUDIENCE, 3600))
                .document("subscription { sagaUpdated { id } }").executeSubscription().blockFirst(PATIENCE))
                .hasMessageContaining("4401");
    }

    private static String customerToken(MockOAuth2Server server, String issuerId, String audience, long ttlSeconds) {
        return server.issueToken(issuerId, "user-123", audience,
                Map.of("customer_id", CUSTOMER, "realm_access", Map.of("roles", List.of("offline_access"))),
                ttlSeconds).serialize();
    }

    private static String opsToken() {
        return provider.issueToken(ISSUER_ID, "ada", AUDIENCE,
                Map.of("realm_access", Map.of("roles", List.of("offline_access", "oms-ops"))), 3600).serialize();
    }

    private HttpResponse<String> post(String token, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(PATIENCE).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** As the BFF refuses a bad development token (BearerTokenIT). */
    static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).startsWith("Bearer"));
        assertThat(response.body()).contains("\"classification\":\"UNAUTHENTICATED\"", "\"code\":\"UNAUTHENTICATED\"")
                .doesNotContain("Exception", "at ");
    }

    private WebSocketGraphQlClient client(String token) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient
                .builder("ws://127.0.0.1:" + port + "/graphql", new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .build();
        clients.add(client);
        return client;
    }

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }
}
