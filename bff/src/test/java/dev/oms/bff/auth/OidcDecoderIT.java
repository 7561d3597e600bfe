package dev.oms.bff.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/** The OIDC decoder against real providers: ES256 keys named by an explicit JWKS URL, and an issuer that is down. */
class OidcDecoderIT {
    private static final String AUDIENCE = "oms-api";

    @Test
    void acceptsES256TokensWithKeysFromAnExplicitJwksUrl() {
        MockOAuth2Server provider = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(new KeyProvider(List.of(), "ES256"))));
        provider.start();
        try {
            OidcSettings settings = new OidcSettings(provider.issuerUrl("shop").toString(),
                    URI.create(provider.jwksUrl("shop").toString()), AUDIENCE, "sub", "roles", "oms-ops");
            OidcDecoder decoder = new OidcDecoder(settings);
            var token = provider.issueToken("shop", "customer-7", AUDIENCE, Map.of("roles", "reader oms-ops"), 600);
            assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("ES256");

            Jwt jwt = decoder.decode(token.serialize());

            assertThat(Callers.of(jwt)).isEqualTo(new Caller("customer-7", Role.OPS));
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void answersUnavailableWhileTheIssuerIsDownAndAcceptsItsTokensOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String issuer = "http://localhost:" + port + "/shop";
        OidcSettings settings = new OidcSettings(issuer, null, AUDIENCE, "sub", "roles", "oms-ops");
        MutableClock clock = new MutableClock();
        OidcDecoder decoder = new OidcDecoder(settings, () -> OidcDecoder.build(settings), clock);
        MockOAuth2Server provider = new MockOAuth2Server();
        try {
            String early = provider.anyToken(okhttp3.HttpUrl.get(issuer),
                    Map.of("sub", "customer-7", "aud", AUDIENCE)).serialize();
            long started = System.nanoTime();
            assertThatThrownBy(() -> decoder.decode(early)).isInstanceOf(IssuerUnavailableException.class);
            assertThatThrownBy(() -> decoder.decode(early)).isInstanceOf(IssuerUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            provider.start(port);
            String token = provider.issueToken("shop", "customer-7", AUDIENCE, Map.of(), 600).serialize();
            assertThatThrownBy(() -> decoder.decode(token))
                    .as("the next try waits a few seconds").isInstanceOf(IssuerUnavailableException.class);
            clock.advance(Duration.ofSeconds(6));

            assertThat(Callers.of(decoder.decode(token))).isEqualTo(new Caller("customer-7", Role.CUSTOMER));
            for (int i = 0; i < 3; i++) {
                decoder.decode(provider.issueToken("shop", "customer-" + i, AUDIENCE, Map.of(), 600).serialize());
            }
            assertThat(requestedPaths(provider)).as("discovery and keys fetched once, then cached")
                    .containsExactly("/shop/.well-known/openid-configuration", "/shop/jwks");
            String otherAudience = provider.issueToken("shop", "customer-7", "another-api", Map.of(), 600).serialize();
            assertThatThrownBy(() -> decoder.decode(otherAudience))
                    .isInstanceOf(BadJwtException.class).isNotInstanceOf(IssuerUnavailableException.class);
        } finally {
            provider.shutdown();
        }
    }

    private static List<String> requestedPaths(MockOAuth2Server provider) {
        List<String> paths = new java.util.ArrayList<>();
        while (true) {
            try {
                paths.add(provider.takeRequest(200, TimeUnit.MILLISECONDS).getRequestUrl().encodedPath());
            } catch (RuntimeException noMore) { // it throws when the queue stays empty
                return paths;
            }
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
