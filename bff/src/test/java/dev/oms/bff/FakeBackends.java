package dev.oms.bff;

import dev.oms.bff.auth.JwtKey;
import dev.oms.projections.api.LocalProjectionUpdates;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The backends the launcher registers, as in-memory fakes, and the key the test tokens are signed with. */
@TestConfiguration(proxyBeanMethods = false)
class FakeBackends {

    @Bean
    FakeCartCommands cartCommands() {
        return new FakeCartCommands();
    }

    @Bean
    FakeOrderQueries orderQueries() {
        return new FakeOrderQueries();
    }

    @Bean
    FakeProductQueries productQueries() {
        return new FakeProductQueries();
    }

    /** The order service: it implements both the customers' and the operators' commands. */
    @Bean
    FakeOrderService orderService() {
        return new FakeOrderService();
    }

    @Bean
    FakeInventoryCommands inventoryCommands() {
        return new FakeInventoryCommands();
    }

    @Bean
    FakeOperationsQueries operationsQueries() {
        return new FakeOperationsQueries();
    }

    @Bean
    LocalProjectionUpdates projectionUpdates() {
        return new LocalProjectionUpdates();
    }

    @Bean
    JwtKey jwtKey() {
        return TestTokens.KEY;
    }
}
