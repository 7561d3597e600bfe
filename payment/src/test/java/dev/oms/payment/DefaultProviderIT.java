package dev.oms.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.Stimulus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DefaultProviderIT {

    @Test
    void registersWithTheSandboxOnTheServicePoolKeepingItsBooksInTheirOwnSchema() throws SQLException {
        try (HikariDataSource dataSource = SharedTestInfra.freshDatabase("payment_default")
                .dataSource("payment-default", PaymentService.NAME, 4);
             ServiceRuntime runtime = new ServiceRuntime(PaymentService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC())) {
            runtime.migrate();
            PaymentService payment = PaymentService.register(runtime);
            IncomingMessage authorize = Stimulus.message("order-1", "saga-1",
                    PaymentTestbed.authorize("order-1", "sandbox_ok", 1200));

            runtime.transactions().inTransaction(authorize.envelope(), tx -> {
                payment.handler().handle(authorize, tx);
                return null;
            });

            assertThat(OutboxReader.ofType(dataSource, PaymentAuthorized.class)).hasSize(1);
            assertThat(count(dataSource, "SELECT count(*) FROM payment_provider.ledger")).isEqualTo(1);
            assertThat(count(dataSource, "SELECT count(*) FROM payment WHERE status = 'AUTHORIZED'")).isEqualTo(1);
        }
    }

    private static int count(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
