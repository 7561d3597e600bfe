package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests that are not what they should be get a typed client error, never a server error. */
@GraphQlApiTest
class MalformedRequestsIT {
    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"null", "42", "\"query\"", "[]", "[{\"query\":\"{ __typename }\"}]", "true"})
    void aBodyThatIsJsonButNotAnObjectIsABadRequest(String body) throws Exception {
        HttpResponse<String> response = Testers.post(port, null, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"INVALID_REQUEST\"").doesNotContain("Exception");
    }

    /** An ID variable is a string or an integer; an object, a list or a boolean is refused, not turned into text. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", "[\"customer-1\"]", "true", "1.5"})
    void anIdVariableThatIsNeitherStringNorIntegerIsRefused(String value) throws Exception {
        String body = "{\"query\":\"mutation($c: ID) { cartCreate(input: {customerId: $c, currency: \\\"EUR\\\"}) "
                + "{ cart { id customerId } } }\",\"variables\":{\"c\":" + value + "}}";

        HttpResponse<String> response = Testers.post(port, TestTokens.ops(), body);

        assertThat(response.body()).contains("\"errors\"").doesNotContain("customerId\":")
                .doesNotContain("INTERNAL_ERROR").doesNotContain("{a=1}");
    }

    /** A media range (a wildcard) says what a client accepts, never what it sends. */
    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "*/json", "application/*; charset=utf-8"})
    void aWildcardContentTypeIsRefusedWithATypedError(String contentType) throws Exception {
        for (String path : new String[] {"/graphql", "/graphiql", "/dashboard", "/no-such-page"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(415);
            assertThat(response.body()).as(path).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"")
                    .doesNotContain("Exception").doesNotContain("<html");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "a\\u0000b", "\\u0007", "\\u001b[2J", "\\u007f", "\\ud800"})
    void aControlCharacterInAnIdIsATypedError(String bad) throws Exception {
        String body = "{\"query\":\"query($id: ID!) { order(id: $id) { id } }\",\"variables\":{\"id\":\"" + bad + "\"}}";

        HttpResponse<String> response = Testers.post(port, TestTokens.customer("alice"), body);

        assertThat(response.statusCode()).isLessThan(500);
        assertThat(response.body()).contains("\"code\":\"INVALID_ARGUMENT\"").doesNotContain("INTERNAL_ERROR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\u0000", "x\\\\u0001"})
    void aControlCharacterInAStringLiteralOfAMutationIsATypedError(String bad) throws Exception {
        String body = "{\"query\":\"mutation { cartCreate(input: {customerId: \\\"" + bad
                + "\\\", currency: \\\"EUR\\\"}) { cart { id } userErrors { code } } }\"}";

        HttpResponse<String> response = Testers.post(port, TestTokens.customer("alice"), body);

        assertThat(response.statusCode()).isLessThan(500);
        assertThat(response.body()).contains("\"code\":\"INVALID_ARGUMENT\"").doesNotContain("INTERNAL_ERROR");
    }
}
