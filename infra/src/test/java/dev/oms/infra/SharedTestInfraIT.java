package dev.oms.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedTestInfraIT {

    @Test
    void freshDatabasesAreDistinctAndEmpty() throws SQLException {
        DbConfig a = SharedTestInfra.freshDatabase("Orders-IT");
        DbConfig b = SharedTestInfra.freshDatabase("Orders-IT");
        assertThat(a.jdbcUrl()).isNotEqualTo(b.jdbcUrl());

        try (Connection c = LocalPostgresIT.connect(a); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE only_in_a (id int)");
            assertThat(LocalPostgresIT.single(s, "SELECT current_database()")).startsWith("orders_it_");
        }
        try (Connection c = LocalPostgresIT.connect(b); Statement s = c.createStatement()) {
            assertThat(LocalPostgresIT.single(s,
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_a'")).isEqualTo("0");
        }
        assertThat(SharedTestInfra.postgres()).isSameAs(SharedTestInfra.postgres());
    }

    @Test
    void sharedKafkaTakesTopics() throws Exception {
        String bootstrap = SharedTestInfra.kafkaBootstrap();
        assertThat(SharedTestInfra.kafkaBootstrap()).isEqualTo(bootstrap);
        Topics.ensure(bootstrap, 2, List.of("shared-a", "shared-b"));
        LocalKafkaIT.produce(bootstrap, "shared-b", "k", "v");
        assertThat(LocalKafkaIT.readAll(bootstrap, "shared-b", 1)).containsExactly("k=v");
    }
}
