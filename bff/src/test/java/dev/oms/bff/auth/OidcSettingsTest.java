package dev.oms.bff.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    @Test
    void isAbsentWithoutAnIssuer() {
        assertThat(OidcSettings.from(Map.of(OidcSettings.AUDIENCE, "oms-api")::get)).isEmpty();
        assertThat(OidcSettings.from(Map.of(OidcSettings.ISSUER, " ")::get)).isEmpty();
    }

    @Test
    void defaultsTheClaimsAndTheOpsRole() {
        assertThat(OidcSettings.from(Map.of(OidcSettings.ISSUER, "https://id.example.com/realms/shop",
                OidcSettings.AUDIENCE, "oms-api")::get))
                .contains(new OidcSettings("https://id.example.com/realms/shop", null, "oms-api", "sub", "roles",
                        "oms-ops"));
    }

    @Test
    void takesEverySetting() {
        assertThat(OidcSettings.from(Map.of(OidcSettings.ISSUER, "https://tenant.auth0.com/",
                OidcSettings.JWKS_URL, "https://tenant.auth0.com/.well-known/jwks.json",
                OidcSettings.AUDIENCE, "https://api.oms.example", OidcSettings.CUSTOMER_CLAIM, "customer_id",
                OidcSettings.ROLE_CLAIM, "https://oms.example/roles", OidcSettings.OPS_ROLE, "operator")::get))
                .contains(new OidcSettings("https://tenant.auth0.com/",
                        URI.create("https://tenant.auth0.com/.well-known/jwks.json"), "https://api.oms.example",
                        "customer_id", "https://oms.example/roles", "operator"));
    }

    @Test
    void namesTheVariableOfABadSetting() {
        assertThatThrownBy(() -> OidcSettings.from(Map.of(OidcSettings.ISSUER, "https://id.example.com")::get))
                .hasMessageContaining(OidcSettings.AUDIENCE);
        assertThatThrownBy(() -> OidcSettings.from(Map.of(OidcSettings.ISSUER, "id.example.com",
                OidcSettings.AUDIENCE, "oms-api")::get)).hasMessageContaining(OidcSettings.ISSUER);
        assertThatThrownBy(() -> OidcSettings.from(Map.of(OidcSettings.ISSUER, "https://id.example.com",
                OidcSettings.AUDIENCE, "oms-api", OidcSettings.JWKS_URL, "ftp://keys")::get))
                .hasMessageContaining(OidcSettings.JWKS_URL);
    }
}
