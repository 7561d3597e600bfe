package dev.oms.bff.auth;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * An OpenID Connect issuer whose tokens the BFF accepts next to its own HS256 ones. Read from the environment; without
 * {@value #ISSUER} there is none and nothing changes. A setting that cannot work stops the BFF at startup with a
 * message naming the variable.
 *
 * @param issuer the {@code iss} its tokens carry, exactly; its discovery document is at
 *               {@code <issuer>/.well-known/openid-configuration}
 * @param jwksUrl where its signing keys are, or null to take {@code jwks_uri} from the discovery document
 * @param audience what the token's {@code aud} must contain
 * @param customerClaim the claim whose value is the customer id
 * @param roleClaim the claim listing the caller's roles (a string or an array; a dotted path reaches into objects)
 * @param opsRole the role in {@code roleClaim} that makes the caller an operator
 */
public record OidcSettings(String issuer, URI jwksUrl, String audience, String customerClaim, String roleClaim,
                           String opsRole) {
    public static final String ISSUER = "OMS_OIDC_ISSUER";
    public static final String JWKS_URL = "OMS_OIDC_JWKS_URL";
    public static final String AUDIENCE = "OMS_OIDC_AUDIENCE";
    public static final String CUSTOMER_CLAIM = "OMS_OIDC_CUSTOMER_CLAIM";
    public static final String ROLE_CLAIM = "OMS_OIDC_ROLE_CLAIM";
    public static final String OPS_ROLE = "OMS_OIDC_OPS_ROLE";

    static final String DEFAULT_CUSTOMER_CLAIM = "sub";
    static final String DEFAULT_ROLE_CLAIM = "roles";
    static final String DEFAULT_OPS_ROLE = "oms-ops";

    /** The settings {@code env} names (a variable name in, its value or null out), or none without an issuer. */
    public static Optional<OidcSettings> from(Function<String, String> env) {
        String issuer = value(env, ISSUER);
        if (issuer == null) {
            return Optional.empty();
        }
        httpUrl(issuer, ISSUER);
        if (issuer.equals(Tokens.ISSUER)) {
            throw new IllegalArgumentException(ISSUER + " must differ from the development tokens' issuer \""
                    + Tokens.ISSUER + "\"");
        }
        String jwks = value(env, JWKS_URL);
        String audience = value(env, AUDIENCE);
        if (audience == null) {
            throw new IllegalArgumentException(AUDIENCE + " is required with " + ISSUER
                    + ": the client id or API identifier the issuer puts in the tokens' aud claim");
        }
        return Optional.of(new OidcSettings(issuer, jwks == null ? null : httpUrl(jwks, JWKS_URL), audience,
                orDefault(env, CUSTOMER_CLAIM, DEFAULT_CUSTOMER_CLAIM), orDefault(env, ROLE_CLAIM, DEFAULT_ROLE_CLAIM),
                orDefault(env, OPS_ROLE, DEFAULT_OPS_ROLE)));
    }

    private static URI httpUrl(String value, String variable) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " must be an http(s) URL, not \"" + value + "\"");
    }

    private static String orDefault(Function<String, String> env, String name, String fallback) {
        String value = value(env, name);
        return value == null ? fallback : value;
    }

    private static String value(Function<String, String> env, String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
