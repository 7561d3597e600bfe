package dev.oms.bff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The BFF. It constructs none of its backends: whoever starts it registers them as beans: the services' command
 * interfaces ({@code CartCommands}, {@code OrderCommands} with {@code SagaOperations}, {@code InventoryCommands}) and
 * the projections' queries ({@code OrderQueries}, {@code ProductQueries}, {@code SagaQueries}, {@code StockQueries},
 * {@code MetricsQueries}) and live {@code ProjectionUpdates}; optionally the {@code JwtKey}. The BFF owns no
 * database and no Kafka client, so their auto-configurations stay off even when the launcher's classpath carries
 * them for the services.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
public class BffApplication {

    public static void main(String[] args) {
        SpringApplication.run(BffApplication.class, args);
    }
}
