package dev.oms.bff;

import dev.oms.bff.auth.JwtKey;
import dev.oms.bff.auth.Role;
import dev.oms.bff.auth.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Tokens for the test callers, signed with the key the test BFF trusts (see {@link FakeBackends}). */
final class TestTokens {
    static final String CUSTOMER_A = "customer-7";
    static final String CUSTOMER_B = "customer-8";
    static final JwtKey KEY = JwtKey.of("a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII));
    static final JwtKey OTHER_KEY = JwtKey.of("another key, also 32 bytes long!".getBytes(StandardCharsets.US_ASCII));

    private TestTokens() {}

    static String customer(String customerId) {
        return Tokens.issue(KEY, customerId, Role.CUSTOMER, Duration.ofHours(1));
    }

    static String ops() {
        return Tokens.issue(KEY, "operator-1", Role.OPS, Duration.ofHours(1));
    }

    static String expired() {
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        return Tokens.issue(KEY, CUSTOMER_A, Role.CUSTOMER, Duration.ofHours(1), yesterday);
    }

    static String signedWithAnotherKey() {
        return Tokens.issue(OTHER_KEY, "operator-1", Role.OPS, Duration.ofHours(1));
    }
}
