/**
 * Who is calling: signed JWT bearer tokens (the platform's HS256 ones and, if configured, an OIDC issuer's), their
 * roles, and the checks the resolvers make with them.
 */
package dev.oms.bff.auth;
