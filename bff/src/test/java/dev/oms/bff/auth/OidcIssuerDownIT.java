package dev.oms.bff.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.bff.BffApplication;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The issuer is down when the BFF starts: it starts, its own tokens work, the issuer's get 503 (not 401). */
@SpringBootTest(classes = BffApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OidcTokensIT.FakeBackends.class)
class OidcIssuerDownIT {
    private static final String ORDERS = "{\"query\":\"{ orders { edges { node { id } } } }\"}";
    private static final String ISSUER = "http://127.0.0.1:" + closedPort() + "/shop";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) {
        properties.add(OidcSettings.ISSUER, () -> ISSUER);
        properties.add(OidcSettings.AUDIENCE, () -> "oms-api");
    }

    @LocalServerPort
    int port;
    @Autowired
    JwtKey developmentKey;

    @Test
    void answersTheIssuersTokensWith503AndKeepsServingTheDevelopmentTokens() throws Exception {
        String token = new MockOAuth2Server().anyToken(HttpUrl.get(ISSUER),
                Map.of("sub", "customer-7", "aud", "oms-api")).serialize();

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = post(token);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"").doesNotContain("Exception", ISSUER);
        }

        HttpResponse<String> development = post(Tokens.issue(developmentKey, "customer-7", Role.CUSTOMER,
                Duration.ofMinutes(5)));
        assertThat(development.statusCode()).isEqualTo(200);
        assertThat(development.body()).contains("order-shipped");
    }

    private HttpResponse<String> post(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(ORDERS)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
