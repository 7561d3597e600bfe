package dev.oms.bff.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints and checks the platform's bearer tokens: HS256, issuer {@value #ISSUER}, {@code sub} the customer id (or
 * the operator's name), {@code role} {@code customer} or {@code ops}, and an expiry.
 */
public final class Tokens {
    public static final String ISSUER = "oms";
    public static final String ROLE_CLAIM = "role";

    private Tokens() {}

    public static String issue(JwtKey key, String subject, Role role, Duration ttl) {
        return issue(key, subject, role, ttl, Clock.systemUTC());
    }

    public static String issue(JwtKey key, String subject, Role role, Duration ttl, Clock clock) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token needs a positive time to live");
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(subject).issuedAt(now)
                .expiresAt(now.plus(ttl)).claim(ROLE_CLAIM, role.claim()).build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return NimbusJwtEncoder.withSecretKey(key.secretKey()).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** Accepts only unexpired tokens signed with {@code key}, from this issuer, with a subject and a known role. */
    public static JwtDecoder decoder(JwtKey key) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.secretKey()).macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                Tokens::hasSubjectAndRole));
        return decoder;
    }

    private static OAuth2TokenValidatorResult hasSubjectAndRole(Jwt jwt) {
        boolean valid = jwt.getSubject() != null && !jwt.getSubject().isBlank()
                && Role.fromClaim(jwt.getClaimAsString(ROLE_CLAIM)).isPresent();
        return valid ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(
                new OAuth2Error("invalid_token", "no subject or unknown role", null));
    }
}
