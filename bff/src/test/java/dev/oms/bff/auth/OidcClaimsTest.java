package dev.oms.bff.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class OidcClaimsTest {
    private static final OidcClaims DEFAULTS = new OidcClaims(settings("sub", "roles"));

    @Test
    void makesACustomerOfTheSubjectByDefault() {
        assertThat(caller(DEFAULTS, Map.of("sub", "customer-7"))).isEqualTo(new Caller("customer-7", Role.CUSTOMER));
        assertThat(caller(DEFAULTS, Map.of("sub", "customer-7", "roles", List.of("reader"))))
                .isEqualTo(new Caller("customer-7", Role.CUSTOMER));
    }

    @Test
    void makesAnOperatorWhenTheRoleClaimHoldsTheOpsRoleAsArrayOrWord() {
        assertThat(caller(DEFAULTS, Map.of("sub", "ada", "roles", List.of("reader", "oms-ops"))))
                .isEqualTo(new Caller("ada", Role.OPS));
        assertThat(caller(DEFAULTS, Map.of("sub", "ada", "roles", "reader oms-ops")))
                .isEqualTo(new Caller("ada", Role.OPS));
        assertThat(caller(DEFAULTS, Map.of("sub", "ada", "roles", "oms-ops-lite")))
                .isEqualTo(new Caller("ada", Role.CUSTOMER));
    }

    @Test
    void readsKeycloakNestedAndAuth0NamespacedClaims() {
        OidcClaims keycloak = new OidcClaims(settings("customer_id", "realm_access.roles"));
        assertThat(caller(keycloak, Map.of("sub", "f3a1", "customer_id", "customer-7",
                "realm_access", Map.of("roles", List.of("offline_access")))))
                .isEqualTo(new Caller("customer-7", Role.CUSTOMER));
        assertThat(caller(keycloak, Map.of("sub", "f3a1", "realm_access", Map.of("roles", List.of("oms-ops")))))
                .as("an operator needs no customer id").isEqualTo(new Caller("f3a1", Role.OPS));

        OidcClaims auth0 = new OidcClaims(settings("https://oms.example/customer_id", "https://oms.example/roles"));
        assertThat(caller(auth0, Map.of("sub", "auth0|42", "https://oms.example/customer_id", "customer-8",
                "https://oms.example/roles", List.of("oms-ops"))))
                .isEqualTo(new Caller("customer-8", Role.OPS));
    }

    @Test
    void refusesACustomerWithoutTheCustomerClaim() {
        OidcClaims claims = new OidcClaims(settings("customer_id", "roles"));
        assertThatThrownBy(() -> claims.toPlatform(jwt(Map.of("sub", "f3a1"))))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("customer_id");
    }

    @Test
    void overridesAPlatformRoleClaimTheIssuerSent() {
        assertThat(caller(DEFAULTS, Map.of("sub", "customer-7", "role", "ops")))
                .isEqualTo(new Caller("customer-7", Role.CUSTOMER));
    }

    private static Caller caller(OidcClaims claims, Map<String, Object> values) {
        return Callers.of(claims.toPlatform(jwt(values)));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }

    private static OidcSettings settings(String customerClaim, String roleClaim) {
        return new OidcSettings("https://id.example.com", null, "oms-api", customerClaim, roleClaim, "oms-ops");
    }
}
