package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

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
