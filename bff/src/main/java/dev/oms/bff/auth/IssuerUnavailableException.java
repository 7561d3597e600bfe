package dev.oms.bff.auth;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * The token names the configured OIDC issuer, but its keys (or discovery document) could not be fetched, so the
 * token can be neither accepted nor refused. A {@link BadJwtException} so that Spring answers through the BFF's
 * entry point, which turns it into 503 instead of the 401 of a bad token.
 */
final class IssuerUnavailableException extends BadJwtException {
    IssuerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
