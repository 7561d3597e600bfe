package dev.oms.bff;

import dev.oms.cart.api.CartCommands;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.ProductQueries;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The three backends the launcher registers, as in-memory fakes. */
@TestConfiguration(proxyBeanMethods = false)
class FakeBackends {

    @Bean
    CartCommands cartCommands() {
        return new FakeCartCommands();
    }

    @Bean
    OrderQueries orderQueries() {
        return new FakeOrderQueries();
    }

    @Bean
    ProductQueries productQueries() {
        return new FakeProductQueries();
    }
}
