package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated malformed requests through HTTP to the BFF of a running platform: bodies that are no GraphQL request,
 * odd content types, variables of the wrong type, huge strings and strings that are not text. Whatever comes, the
 * answer is a client error or a GraphQL error with a code: never a 5xx, never INTERNAL_ERROR, never a stack trace or
 * SQL, and nothing changes (carts, orders, stock).
 */
class MalformedInputPropertiesIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> LEAKS = List.of("INTERNAL_ERROR", "Exception", "\tat ", "org.postgresql",
            "SQLState", "ERROR:", "java.", "springframework");
    private static final List<String> DOCUMENTS = List.of(
            "query($v: ID!) { order(id: $v) { id status } }",
            "mutation($v: ID!) { cartLinesAdd(cartId: $v, lines: [{sku: \"SKU-0001\", quantity: 1}]) { cart { id } userErrors { code } } }",
            "mutation($v: String!) { cartCreate(input: {customerId: $v, currency: \"EUR\"}) { cart { id } userErrors { code } } }",
            "mutation($v: ID!) { orderCancel(orderId: $v, reason: \"x\", idempotencyKey: \"k\") { status userErrors { code } } }",
            "mutation($v: String) { orderCancel(orderId: \"00000000-0000-0000-0000-000000000000\", reason: $v, idempotencyKey: $v) { status userErrors { code } } }",
            "query($v: Int) { products(first: $v) { totalCount } }",
            "query($v: String!) { product(sku: $v) { name } }",
            "mutation($v: Int!) { cartLinesAdd(cartId: \"00000000-0000-0000-0000-000000000000\", lines: [{sku: \"SKU-0001\", quantity: $v}]) { userErrors { code } } }");

    private static String token;
    private static javax.sql.DataSource db;

    @Provide
    Arbitrary<String> notText() {
        Arbitrary<Character> unwanted = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0008'),
                Arbitraries.chars().range('\u000e', '\u001f'), Arbitraries.chars().range('\u007f', '\u009f'),
                Arbitraries.chars().range('\ud800', '\udfff'));
        Arbitrary<String> around = Arbitraries.strings().ofMaxLength(20);
        return Combinators.combine(around, unwanted, around).as((a, c, b) -> a + c + b);
    }

    /** A JSON value for $v that is malformed for whatever the document declares: text that is not text, too much, or a wrong type. */
    @Provide
    Arbitrary<String> badValues() {
        return Arbitraries.oneOf(
                notText().map(MalformedInputPropertiesIT::json),
                Arbitraries.strings().ofMinLength(20_000).ofMaxLength(60_000).map(MalformedInputPropertiesIT::json),
                Arbitraries.of("null", "true", "[]", "[1,2]", "{}", "{\"a\":1}", "1e309", "-1", "2147483648", "3.5",
                        "99999999999999999999", "\"\"", "\"' OR 1=1 --\""));
    }

    @Provide
    Arbitrary<String> badBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "0", "[]", "\"{}\"", "{", "}", "{\"query\":null}", "{\"query\":42}",
                        "{\"query\":[\"{ __typename }\"]}", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}",
                        "{\"query\":\"{ __typename }\",\"variables\":[1]}", "{\"query\":\"{ __typename }\",\"operationName\":7}",
                        "{\"query\":\"{ order(id: \\\"\\u0000\\\") { id } }\"}", "{\"query\":\"{\\u0000}\"}", ""),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().ofMaxLength(200).map(s -> "{\"query\":" + json(s) + "}"));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=ISO-8859-1", "text/plain",
                "application/graphql", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "");
    }

    @Property(tries = 150)
    void aMalformedVariableGetsATypedErrorAndChangesNothing(@ForAll("badValues") String value) throws Exception {
        for (String document : DOCUMENTS) {
            String body = "{\"query\":" + json(document) + ",\"variables\":{\"v\":" + value + "}}";
            assertRefusedCleanly(body, "application/json");
        }
    }

    @Property(tries = 150)
    void aBodyThatIsNoGraphQlRequestGetsAClientErrorAndChangesNothing(@ForAll("badBodies") String body,
                                                                    @ForAll("contentTypes") String contentType)
            throws Exception {
        assertRefusedCleanly(body, contentType);
    }

    private static void assertRefusedCleanly(String body, String contentType) throws Exception {
        String before = state();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestPlatform.shared().graphqlUrl()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        String answer = response.body();
        assertThat(response.statusCode()).as("status for %.200s", body).isLessThan(500);
        assertThat(LEAKS).as("what the answer to %.200s gives away: %.500s", body, answer)
                .noneMatch(answer::contains);
        assertThat(state()).as("state after %.200s", body).isEqualTo(before);
    }

    private static synchronized String token() {
        if (token == null) {
            token = TestTokens.customer("mallory");
        }
        return token;
    }

    private static synchronized javax.sql.DataSource database() {
        if (db == null) {
            db = TestPlatform.shared().db().dataSource("malformed-state", null, 1);
        }
        return db;
    }

    /** Carts, their lines, orders and stock, as counts and sums. */
    private static String state() throws SQLException {
        try (Connection c = database().getConnection();
             Statement s = c.createStatement();
             ResultSet row = s.executeQuery("""
                     SELECT (SELECT count(*) FROM cart.cart) || '/' || (SELECT count(*) FROM cart.cart_line) || '/'
                            || (SELECT count(*) FROM "order".orders) || '/'
                            || (SELECT coalesce(sum(on_hand), 0) || ':' || coalesce(sum(reserved), 0) FROM inventory.stock)""")) {
            row.next();
            return row.getString(1);
        }
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
