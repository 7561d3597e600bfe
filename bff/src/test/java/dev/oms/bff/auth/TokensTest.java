package dev.oms.bff.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;

class TokensTest {
    private static final JwtKey KEY = JwtKey.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void carriesTheSubjectRoleAndExpiry() {
        Instant now = Instant.now();
        Jwt jwt = Tokens.decoder(KEY).decode(Tokens.issue(KEY, "alice", Role.CUSTOMER, Duration.ofMinutes(30)));

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("customer");
        assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
        assertThat(jwt.getExpiresAt()).isBetween(now.plusSeconds(29 * 60), now.plusSeconds(31 * 60));
        assertThat(Callers.of(jwt)).isEqualTo(new Caller("alice", Role.CUSTOMER));
    }

    @Test
    void refusesAnExpiredToken() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = Tokens.issue(KEY, "alice", Role.OPS, Duration.ofHours(1), twoHoursAgo);

        assertThatThrownBy(() -> Tokens.decoder(KEY).decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATokenOfAnotherKey() {
        JwtKey other = JwtKey.of("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        String token = Tokens.issue(other, "alice", Role.OPS, Duration.ofHours(1));

        assertThatThrownBy(() -> Tokens.decoder(KEY).decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATokenWithoutAKnownRole() {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(Tokens.ISSUER).subject("alice")
                .expiresAt(Instant.now().plusSeconds(60)).claim("role", "admin").build();
        String token = NimbusJwtEncoder.withSecretKey(KEY.secretKey()).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();

        assertThatThrownBy(() -> Tokens.decoder(KEY).decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesToMintATokenWithoutSubjectOrLifetime() {
        assertThatThrownBy(() -> Tokens.issue(KEY, " ", Role.CUSTOMER, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tokens.issue(KEY, "alice", Role.CUSTOMER, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
