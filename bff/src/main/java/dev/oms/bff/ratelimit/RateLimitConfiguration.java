package dev.oms.bff.ratelimit;

import dev.oms.bff.graphql.GraphQlLimits;
import dev.oms.bff.graphql.QueryCostGate;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

/** The rate limiter on the GraphQL endpoint, unless OMS_RATE_LIMITS=off; bad limits stop the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    QueryCostGate rateLimitGate(RateLimitProperties properties, GraphQlLimits graphQl, MeterRegistry registry) {
        RateLimitProperties.Settings settings = properties.settings(graphQl.maxComplexity());
        if (!settings.enabled()) {
            return (cost, execution) -> {};
        }
        return new RateLimitGate(
                new RateLimiter(settings.limits(), settings.maxBuckets(), Clock.systemUTC(), registry));
    }

    @Bean
    ClientAddresses clientAddresses() {
        return new ClientAddresses();
    }

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
        return new RateLimitedHttpHandler(handler);
    }
}
