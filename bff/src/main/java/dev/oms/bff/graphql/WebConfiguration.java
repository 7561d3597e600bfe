package dev.oms.bff.graphql;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet side of the GraphQL endpoint: its request size limit runs before anything else, security included, and
 * a body that is not a GraphQL request is answered as GraphQL answers.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<WildcardContentTypes> wildcardContentTypes() {
        FilterRegistrationBean<WildcardContentTypes> registration = new FilterRegistrationBean<>(new WildcardContentTypes());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(GraphQlLimits limits, GraphQlProperties graphQl) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(limits.maxRequestSize().toBytes()));
        registration.addUrlPatterns(graphQl.getHttp().getPath());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    UnreadableRequests unreadableRequests(GraphQlProperties graphQl) {
        return new UnreadableRequests(graphQl.getHttp().getPath());
    }
}
