package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Queries too deep, too costly, too large or paged too far get typed errors, and the server serves on. */
@GraphQlApiTest
class LimitsIT {
    private static final int TWO_MEGABYTES = 2 * 1024 * 1024;
    private static final String HEALTHY = "{\"query\":\"{ product(sku: \\\"SKU-1\\\") { name } }\"}";

    @Autowired
    HttpGraphQlTester anonymous;
    @LocalServerPort
    int port;

    /** {@code __type(name: "Order") { fields { type { ofType { ... name } } } } }, {@code depth} fields deep. */
    private static String nested(int depth) {
        String open = "{ __type(name: \"Order\") { fields { type { " + "ofType { ".repeat(depth - 4);
        return open + "name" + " }".repeat(depth - 1) + " }";
    }

    @Test
    void refusesAQueryNestedDeeperThanTheLimit() {
        anonymous.document(nested(16)).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")
                            .containsEntry("code", "QUERY_TOO_DEEP");
                    assertThat(error.getMessage()).isEqualTo("The query nests 16 levels deep; at most 15 are allowed");
                }));
        anonymous.document(nested(15)).execute().errors().verify();
        assertServesOn();
    }

    @Test
    void refusesAQueryThatCostsMoreThanTheLimit() {
        String aliases = IntStream.range(0, 30)
                .mapToObj(i -> "p" + i + ": products(first: 100) { edges { node { sku name } } }")
                .reduce("", (a, b) -> a + " " + b);

        anonymous.document("{" + aliases + " }").execute().errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(error -> assertThat(error.getExtensions())
                        .containsEntry("classification", "BAD_REQUEST").containsEntry("code", "QUERY_TOO_COMPLEX")));
        assertServesOn();
    }

    @Test
    void refusesAPageSizeOverTheLimit() {
        anonymous.document("{ products(first: 101) { totalCount } }").execute().errors().satisfy(errors -> assertThat(
                errors).singleElement().satisfies(error -> assertThat(error.getExtensions())
                .containsEntry("classification", "BAD_REQUEST").containsEntry("code", "INVALID_PAGE_SIZE")));
        assertServesOn();
    }

    @Test
    void refusesATwoMegabyteRequestWith413AndAGraphQlError() throws Exception {
        String padding = " ".repeat(TWO_MEGABYTES);
        HttpResponse<String> response = Testers.post(port, null, "{\"query\":\"{ products { totalCount } }" + padding + "\"}");

        assertTooLarge(response);
        assertServesOn();
    }

    @Test
    void refusesATwoMegabyteRequestOfUndeclaredLengthToo() throws Exception {
        byte[] body = ("{\"query\":\"{ products { totalCount } }" + " ".repeat(TWO_MEGABYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body));

        assertTooLarge(Testers.post(port, null, chunked));
        assertServesOn();
    }

    @Test
    void servesARequestJustUnderTheLimitOfUndeclaredLength() throws Exception {
        byte[] body = HEALTHY.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = Testers.post(port, null,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":{\"product\":{\"name\":\"Anvil\"}}}");
    }

    @Test
    void answersGraphiQlsIntrospectionQueryWithinTheLimits() {
        anonymous.document(GraphiQl.INTROSPECTION_QUERY).execute().errors().verify()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void leaksNoStackTraceOrExceptionForMalformedRequests() throws Exception {
        for (String body : List.of("{\"query\":", "{\"query\":\"{ products { nope } }\"}", "not json at all",
                "{\"query\":\"{ products(first: \\\"many\\\") { totalCount } }\"}")) {
            HttpResponse<String> response = Testers.post(port, null, body);
            assertThat(response.body()).doesNotContain("Exception", "\tat ", "java.", "org.springframework");
        }
        assertServesOn();
    }

    @Test
    void answersABodyThatIsNoGraphQlRequestWithATypedError() throws Exception {
        for (String body : List.of("{\"query\":", "not json at all", "{}")) {
            HttpResponse<String> response = Testers.post(port, null, body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).isEqualTo("{\"errors\":[{\"message\":\"The body is not a GraphQL "
                    + "request: send JSON with a query string\",\"extensions\":{\"classification\":\"BAD_REQUEST\","
                    + "\"code\":\"INVALID_REQUEST\"}}]}");
        }
        assertServesOn();
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"message\":\"The request is larger than 1048576 bytes\","
                + "\"extensions\":{\"classification\":\"BAD_REQUEST\",\"code\":\"REQUEST_TOO_LARGE\"}}]}");
    }

    private void assertServesOn() {
        Stream.of(1, 2).forEach(i -> {
            try {
                assertThat(Testers.post(port, null, HEALTHY).body())
                        .isEqualTo("{\"data\":{\"product\":{\"name\":\"Anvil\"}}}");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
