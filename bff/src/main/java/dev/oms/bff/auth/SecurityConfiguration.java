package dev.oms.bff.auth;

import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.ErrorResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer tokens on every request, none required at the door: GraphQL has one endpoint, so each resolver decides
 * with {@link Caller} what the caller may do. A token that is present but invalid (forged, expired, unknown role)
 * is refused with 401 before GraphQL runs. The launcher may register a {@link JwtKey}; otherwise the user's key is
 * used ({@link JwtKey#fromEnvironment()}). With {@value OidcSettings#ISSUER} set, that issuer's tokens are accepted
 * too ({@link OidcDecoder}); while it cannot be reached they get 503, not 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The development tokens' decoder, and in front of it the OIDC issuer's if {@value OidcSettings#ISSUER} is set. */
    @Bean
    JwtDecoder jwtDecoder(ObjectProvider<JwtKey> key, Environment environment) {
        JwtDecoder development = Tokens.decoder(key.getIfAvailable(JwtKey::fromEnvironment));
        return OidcSettings.from(environment::getProperty)
                .<JwtDecoder>map(oidc -> new IssuerRoutingDecoder(development, oidc.issuer(), new OidcDecoder(oidc)))
                .orElse(development);
    }

    /** Checks the token a WebSocket client sends in its connection_init message. */
    @Bean
    WebSocketAuthentication webSocketAuthentication(JwtDecoder decoder) {
        return new WebSocketAuthentication(tokens(decoder));
    }

    @Bean
    SecurityFilterChain bearerTokens(HttpSecurity http, JwtDecoder decoder) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(roleAuthorities()))
                        .authenticationEntryPoint(invalidToken()));
        return http.build();
    }

    /** The token's role as an authority (ROLE_ops, ROLE_customer): Actuator shows health details to ROLE_ops only. */
    private static JwtAuthenticationConverter roleAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Role.fromClaim(jwt.getClaimAsString(Tokens.ROLE_CLAIM))
                .<Collection<GrantedAuthority>>map(role -> List.of(new SimpleGrantedAuthority("ROLE_" + role.claim())))
                .orElse(List.of()));
        return converter;
    }

    private static AuthenticationManager tokens(JwtDecoder decoder) {
        return new ProviderManager(new JwtAuthenticationProvider(decoder));
    }

    private static AuthenticationEntryPoint invalidToken() {
        return (request, response, exception) -> {
            if (exception.getCause() instanceof IssuerUnavailableException) {
                response.setHeader("Retry-After", "5");
                ErrorResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "The identity provider that issued this token cannot be reached; try again shortly",
                        ErrorCodes.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE);
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ErrorResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The bearer token is malformed, expired or not signed by this platform",
                    ErrorCodes.UNAUTHENTICATED, ErrorCodes.UNAUTHENTICATED);
        };
    }
}
