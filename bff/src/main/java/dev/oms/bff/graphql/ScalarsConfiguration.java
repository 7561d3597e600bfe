package dev.oms.bff.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wires the schema's custom scalars. */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

    @Bean
    RuntimeWiringConfigurer customScalars() {
        return wiring -> wiring.scalar(LongScalar.TYPE).scalar(DateTimeScalar.TYPE).scalar(JsonScalar.TYPE);
    }
}
