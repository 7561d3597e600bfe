package dev.oms.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresIT {

    @TempDir
    Path tmp;

    @Test
    void keepsRowsAcrossRestartAndRunsDurable() throws SQLException {
        Path dir = tmp.resolve("pg");
        try (LocalPostgres pg = LocalPostgres.start(dir, 0)) {
            try (Connection c = connect(pg.db()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
                s.execute("INSERT INTO t VALUES (1, 'kept')");
                assertThat(single(s, "SHOW fsync")).isEqualTo("on");
                assertThat(single(s, "SHOW synchronous_commit")).isEqualTo("on");
            }
            assertThatThrownBy(() -> LocalPostgres.start(dir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
        try (LocalPostgres pg = LocalPostgres.start(dir, 0);
             Connection c = connect(pg.db());
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT v FROM t WHERE id = 1")).isEqualTo("kept");
        }
    }

    @Test
    void failsClearlyWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalPostgres.start(tmp.resolve("busy"), taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void dataSourceUsesTheSchemaAsSearchPath() throws SQLException {
        try (LocalPostgres pg = LocalPostgres.startTemporary();
             var ds = pg.db().dataSource("test", "orders", 2);
             Connection c = ds.getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA orders");
            s.execute("CREATE TABLE t (id int)");
            assertThat(single(s, "SELECT table_schema FROM information_schema.tables WHERE table_name = 't'"))
                    .isEqualTo("orders");
        }
    }

    static Connection connect(DbConfig db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
