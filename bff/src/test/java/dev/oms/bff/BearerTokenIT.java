package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.bff.auth.Role;
import dev.oms.bff.auth.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A token that is there but not good is refused at the door with 401 and a GraphQL error, whatever it asks. */
@GraphQlApiTest
class BearerTokenIT {
    private static final String PRODUCT = "{\"query\":\"{ product(sku: \\\"SKU-1\\\") { name } }\"}";

    @LocalServerPort
    int port;

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertRefused(Testers.post(port, TestTokens.expired(), PRODUCT));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() throws Exception {
        assertRefused(Testers.post(port, TestTokens.signedWithAnotherKey(), PRODUCT));
    }

    @Test
    void refusesATokenThatIsNoJwt() throws Exception {
        assertRefused(Testers.post(port, "not.a.token", PRODUCT));
    }

    @Test
    void refusesATokenWhoseClaimsWereChanged() throws Exception {
        String[] parts = Tokens.issue(TestTokens.KEY, "customer-7", Role.CUSTOMER, Duration.ofMinutes(5)).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("\"customer\"", "\"ops\"").getBytes(StandardCharsets.UTF_8));

        assertRefused(Testers.post(port, parts[0] + "." + promoted + "." + parts[2], PRODUCT));
    }

    @Test
    void servesTheSameRequestWithAGoodToken() throws Exception {
        HttpResponse<String> response = Testers.post(port, TestTokens.customer("customer-7"), PRODUCT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":{\"product\":{\"name\":\"Anvil\"}}}");
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).startsWith("Bearer"));
        assertThat(response.body()).contains("\"classification\":\"UNAUTHENTICATED\"", "\"code\":\"UNAUTHENTICATED\"")
                .doesNotContain("Exception", "at ");
    }
}
