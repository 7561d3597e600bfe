package dev.oms.bff.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wires the schema's custom scalars, and an ID stricter than graphql-java's own. */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

    @Bean
    RuntimeWiringConfigurer customScalars() {
        return wiring -> wiring.scalar(LongScalar.TYPE).scalar(DateTimeScalar.TYPE).scalar(JsonScalar.TYPE)
                .strictMode(false).scalar(IdScalar.TYPE).strictMode(true); // strict mode refuses to replace a built-in
    }
}
