package dev.oms.app;

import dev.oms.bff.auth.JwtKey;
import dev.oms.bff.auth.Role;
import dev.oms.bff.auth.Tokens;
import java.time.Duration;

/** Bearer tokens signed with this user's key, which every platform the tests start trusts (as `oms token` does). */
final class TestTokens {
    private static JwtKey key;

    private TestTokens() {}

    static String customer(String customerId) {
        return Tokens.issue(key(), customerId, Role.CUSTOMER, Duration.ofHours(1));
    }

    static String ops() {
        return Tokens.issue(key(), "e2e-operator", Role.OPS, Duration.ofHours(1));
    }

    private static synchronized JwtKey key() {
        if (key == null) {
            key = JwtKey.fromEnvironment();
        }
        return key;
    }
}
