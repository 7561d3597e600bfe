package dev.oms.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DbConfigTest {

    @Test
    void withDatabaseReplacesOnlyTheDatabase() {
        DbConfig db = new DbConfig("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "u", "secret");
        assertThat(db.withDatabase("other").jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/other?sslmode=disable");
        assertThat(new DbConfig("jdbc:postgresql://h:1/", "u", null).withDatabase("x").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:1/x");
        assertThat(new DbConfig("jdbc:postgresql://h:1", "u", null).withDatabase("x").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:1/x");
    }

    @Test
    void aServiceTakesItsOwnDatabaseWhenOneIsSetAndTheSharedOneOtherwise() {
        java.util.Map<String, String> env = java.util.Map.of(
                "OMS_DB_URL", "jdbc:postgresql://shared:5432/oms", "OMS_DB_USER", "oms", "OMS_DB_PASSWORD", "s",
                "OMS_ORDER_DB_URL", "jdbc:postgresql://orders:5432/order", "OMS_ORDER_DB_USER", "order_svc");

        assertThat(DbConfig.forService("order", env::get)).contains(
                new DbConfig("jdbc:postgresql://orders:5432/order", "order_svc", "s"));
        assertThat(DbConfig.forService("inventory", env::get)).contains(
                new DbConfig("jdbc:postgresql://shared:5432/oms", "oms", "s"));
        assertThat(DbConfig.forService("inventory", java.util.Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new DbConfig("jdbc:postgresql://h/db", "u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void databaseNamesAreSafeAndUnique() {
        String a = SharedTestInfra.databaseName("My Test-Class");
        assertThat(a).matches("my_test_class_[0-9a-f]{12}");
        assertThat(SharedTestInfra.databaseName("1x")).startsWith("db_1x_");
        assertThat(SharedTestInfra.databaseName("x".repeat(100))).hasSizeLessThanOrEqualTo(63);
        assertThat(SharedTestInfra.databaseName("x")).isNotEqualTo(SharedTestInfra.databaseName("x"));
    }
}
