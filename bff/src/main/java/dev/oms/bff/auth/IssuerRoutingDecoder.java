package dev.oms.bff.auth;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Sends a token whose {@code iss} is the OIDC issuer to that issuer's decoder and every other token to the
 * development decoder, which refuses anything it did not sign (so a token of any third issuer gets 401). The
 * unchecked {@code iss} only chooses the decoder; the chosen one checks signature and issuer itself.
 */
final class IssuerRoutingDecoder implements JwtDecoder {
    private final JwtDecoder development;
    private final String issuer;
    private final JwtDecoder oidc;

    IssuerRoutingDecoder(JwtDecoder development, String issuer, JwtDecoder oidc) {
        this.development = development;
        this.issuer = issuer;
        this.oidc = oidc;
    }

    @Override
    public Jwt decode(String token) {
        return issuer.equals(unverifiedIssuer(token)) ? oidc.decode(token) : development.decode(token);
    }

    private static String unverifiedIssuer(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException | RuntimeException e) {
            return null; // the development decoder refuses it as malformed
        }
    }
}
