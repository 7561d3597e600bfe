package dev.oms.bff.auth;

import com.nimbusds.jose.KeySourceException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/**
 * Checks tokens of the OIDC issuer: RS256 or ES256 with a key from its JWKS, its issuer, the audience, an expiry
 * (30 s of clock skew), then maps them with {@link OidcClaims}. The decoder is built on first use, not at startup,
 * so the BFF starts while the issuer is down; until it answers, its tokens get {@link IssuerUnavailableException}
 * (503) and the next try to reach it waits {@value #RETRY_SECONDS} s, so a down issuer costs requests no waiting.
 * Keys are cached by Nimbus (and fetched again when a token names a key id it has not seen).
 */
final class OidcDecoder implements JwtDecoder {
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final long RETRY_SECONDS = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(OidcDecoder.class);

    private final OidcSettings settings;
    private final Supplier<JwtDecoder> factory;
    private final OidcClaims claims;
    private final Clock clock;
    private volatile JwtDecoder decoder;
    private volatile Instant nextTry = Instant.MIN;

    OidcDecoder(OidcSettings settings) {
        this(settings, () -> build(settings), Clock.systemUTC());
    }

    OidcDecoder(OidcSettings settings, Supplier<JwtDecoder> factory, Clock clock) {
        this.settings = settings;
        this.factory = factory;
        this.claims = new OidcClaims(settings);
        this.clock = clock;
        log.info("accepting tokens of OIDC issuer {} (audience {}, customer id from {}, operators by {} in {})",
                settings.issuer(), settings.audience(), settings.customerClaim(), settings.opsRole(),
                settings.roleClaim());
    }

    @Override
    public Jwt decode(String token) {
        if (clock.instant().isBefore(nextTry)) {
            throw unavailable(null);
        }
        Jwt jwt;
        try {
            jwt = decoder().decode(token);
        } catch (JwtException e) {
            if (!unreachable(e)) {
                throw e instanceof BadJwtException ? e : new BadJwtException(e.getMessage(), e);
            }
            throw backOff(e);
        } catch (RuntimeException e) {
            // not a verdict on the token: the issuer's configuration or keys could not be had
            throw backOff(e);
        }
        return claims.toPlatform(jwt);
    }

    private JwtDecoder decoder() {
        JwtDecoder built = decoder;
        if (built == null) {
            synchronized (this) {
                if (decoder == null) {
                    decoder = factory.get();
                }
                built = decoder;
            }
        }
        return built;
    }

    private IssuerUnavailableException backOff(RuntimeException cause) {
        nextTry = clock.instant().plusSeconds(RETRY_SECONDS);
        log.warn("cannot reach OIDC issuer {}; its tokens get 503 and the next try is in {} s: {}", settings.issuer(),
                RETRY_SECONDS, cause.getMessage());
        return unavailable(cause);
    }

    private IssuerUnavailableException unavailable(Throwable cause) {
        return new IssuerUnavailableException("the OIDC issuer " + settings.issuer() + " cannot be reached", cause);
    }

    /** Whether the failure is the issuer's keys not being had, rather than anything wrong with the token. */
    private static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeySourceException || cause instanceof IOException
                    || cause instanceof RestClientException) {
                return true;
            }
        }
        return false;
    }

    static JwtDecoder build(OidcSettings settings) {
        RestTemplate http = new RestTemplate(timeouts());
        NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = settings.jwksUrl() != null
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwksUrl().toString())
                : NimbusJwtDecoder.withIssuerLocation(settings.issuer());
        NimbusJwtDecoder decoder = builder.restOperations(http)
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                })
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(settings.audience()))));
        return decoder;
    }

    private static JdkClientHttpRequestFactory timeouts() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        factory.setReadTimeout(READ_TIMEOUT);
        return factory;
    }
}
