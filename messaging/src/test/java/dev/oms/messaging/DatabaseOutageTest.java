package dev.oms.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostConnectionOrAServerShuttingDownIsAnOutage() {
        assertThat(DatabaseOutage.causes(new TransactionFailedException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.causes(new TransactionFailedException(new SQLException("shutdown", "57P01")))).isTrue();
        assertThat(DatabaseOutage.causes(new SQLTransientConnectionException("pool timed out"))).isTrue();
    }

    @Test
    void aFailingStatementIsNotAnOutage() {
        assertThat(DatabaseOutage.causes(new TransactionFailedException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalArgumentException("bad message"))).isFalse();
    }
}
