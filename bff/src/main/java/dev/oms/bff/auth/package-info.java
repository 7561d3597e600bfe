/** Who is calling: signed JWT bearer tokens (HS256), their roles, and the checks the resolvers make with them. */
package dev.oms.bff.auth;
