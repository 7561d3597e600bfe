package dev.oms.bff.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.bff.BffApplication;
import dev.oms.bff.auth.JwtKey;
import dev.oms.bff.auth.Role;
import dev.oms.bff.auth.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * The BFF over the fake backends with small limits: a customer who spends their bucket gets 429, RATE_LIMITED and a
 * Retry-After, others and operators go on, and after the wait it works again.
 */
@SpringBootTest(classes = BffApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "oms.graphql.max-complexity=100",
            "oms.rate-limits.customer=capacity=100,refill=10/s",
            "oms.rate-limits.ops=capacity=400,refill=100/s",
            "oms.rate-limits.anonymous=capacity=100,refill=10/s"})
@Import(RateLimitsIT.FakeBackendsOfTheBffTests.class)
class RateLimitsIT {
    /** Costs 31: products, plus 10 items of edges, node and sku. */
    private static final String QUERY = "{\"query\":\"{ products(first: 10) { edges { node { sku } } } }\"}";
    private static final JwtKey KEY = JwtKey.of("a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern RETRY_AFTER = Pattern.compile("\"retryAfter\":(\\d+)");

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;

    @Test
    void aCustomerWhoSpentTheirBucketWaitsWhileOthersGoOn() throws Exception {
        String alice = token("rl-alice", Role.CUSTOMER);
        double refusedBefore = operations("customer", "refused");
        double costBefore = registry.get(RateLimiter.COST).tag("caller_class", "customer").counter().count();

        HttpResponse<String> refused = spendUntilRefused(alice, 10);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/"));
        assertThat(refused.body()).contains("\"code\":\"RATE_LIMITED\"", "\"classification\":\"RATE_LIMITED\"")
                .doesNotContain("\"data\":{");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 4L);
        Matcher inBody = RETRY_AFTER.matcher(refused.body());
        assertThat(inBody.find()).isTrue();
        assertThat(Long.parseLong(inBody.group(1))).isEqualTo(retryAfter);

        assertThat(post(token("rl-bob", Role.CUSTOMER)).statusCode()).isEqualTo(200);
        assertThat(operations("customer", "refused")).isGreaterThan(refusedBefore);
        assertThat(registry.get(RateLimiter.COST).tag("caller_class", "customer").counter().count())
                .isGreaterThanOrEqualTo(costBefore + 3 * 31 + 31);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> post(alice).statusCode() == 200);
    }

    @Test
    void operatorsHaveLimitsOfTheirOwn() throws Exception {
        String operator = token("rl-operator", Role.OPS);
        double allowedBefore = operations("ops", "allowed");

        for (int i = 0; i < 5; i++) {
            assertThat(post(operator).statusCode()).as("operation %d, beyond a customer's capacity", i).isEqualTo(200);
        }
        HttpResponse<String> refused = spendUntilRefused(operator, 40);

        assertThat(refused.body()).contains("RATE_LIMITED");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(operations("ops", "allowed")).isGreaterThanOrEqualTo(allowedBefore + 12);
    }

    @Test
    void anonymousCallersShareTheBucketOfTheirAddress() throws Exception {
        HttpResponse<String> refused = spendUntilRefused(null, 10);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(post(token("rl-carol", Role.CUSTOMER)).statusCode()).isEqualTo(200);
        assertThat(operations("anonymous", "refused")).isPositive();
    }

    @Test
    void chargesASubscriptionWhenItStartsToTheSameCallersBucket() throws Exception {
        String dave = token("rl-dave", Role.CUSTOMER);
        spendUntilRefused(dave, 10);
        double customerRefusals = operations("customer", "refused");
        double anonymousRefusals = operations("anonymous", "refused");
        // 60 aliases: costs 61, at least 30 more than the 31 the refused query could not have
        String fields = IntStream.range(0, 60).mapToObj(i -> "s" + i + ": status")
                .collect(Collectors.joining(" "));
        WebSocketGraphQlClient client = WebSocketGraphQlClient
                .builder("ws://127.0.0.1:" + port + "/graphql", new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + dave));
                    }
                }).build();
        try {
            // graphql-transport-ws: a "next" message with the error and no data, then "complete"
            ClientGraphQlResponse refused = client.document("subscription { orderUpdated(orderId: \"o-1\") { "
                    + fields + " } }").executeSubscription().blockFirst(Duration.ofSeconds(20));

            assertThat(refused).isNotNull();
            assertThat(refused.isValid()).isFalse();
            assertThat(refused.getErrors()).singleElement().satisfies(error -> assertThat(error.getExtensions())
                    .containsEntry("code", "RATE_LIMITED").containsKey("retryAfter"));
            assertThat(operations("customer", "refused")).isEqualTo(customerRefusals + 1);
            assertThat(operations("anonymous", "refused")).isEqualTo(anonymousRefusals);
        } finally {
            client.stop().block(Duration.ofSeconds(20));
        }
    }

    private HttpResponse<String> spendUntilRefused(String token, int atMost) throws Exception {
        for (int i = 0; i < atMost; i++) {
            HttpResponse<String> response = post(token);
            if (response.statusCode() != 200) {
                return response;
            }
            assertThat(response.body()).startsWith("{\"data\":{\"products\"");
        }
        throw new AssertionError("not refused after " + atMost + " operations");
    }

    private double operations(String callerClass, String outcome) {
        return registry.get(RateLimiter.OPERATIONS).tag("caller_class", callerClass).tag("outcome", outcome)
                .counter().count();
    }

    private HttpResponse<String> post(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUERY));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String subject, Role role) {
        return Tokens.issue(KEY, subject, role, Duration.ofHours(1));
    }

    /** The BFF tests' fakes (package-private in dev.oms.bff), and the key their tokens are signed with. */
    static final class FakeBackendsOfTheBffTests implements ImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {"dev.oms.bff.FakeBackends"};
        }
    }
}
