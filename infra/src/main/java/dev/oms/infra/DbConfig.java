package dev.oms.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import java.util.Optional;

/** JDBC coordinates of a Postgres database. */
public record DbConfig(String jdbcUrl, String user, String password) {

    private static final String URL_PREFIX = "jdbc:postgresql://";

    public DbConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        if (!jdbcUrl.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        password = password == null ? "" : password;
    }

    /** A pooled DataSource (HikariCP) whose connections use the given schema as search_path (schema may be null = default). */
    public HikariDataSource dataSource(String poolName, String schema, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.addDataSourceProperty("ApplicationName", poolName); // pg_stat_activity tells whose connection it is
        if (schema != null) {
            config.setSchema(schema); // pgjdbc turns Connection.setSchema into SET search_path
        }
        return new HikariDataSource(config);
    }

    /** The same server and credentials, another database on it. */
    public DbConfig withDatabase(String database) {
        int pathStart = jdbcUrl.indexOf('/', URL_PREFIX.length());
        if (pathStart < 0) {
            return new DbConfig(jdbcUrl + "/" + database, user, password);
        }
        int query = jdbcUrl.indexOf('?', pathStart);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return new DbConfig(jdbcUrl.substring(0, pathStart + 1) + database + params, user, password);
    }

    /** DbConfig from env OMS_DB_URL / OMS_DB_USER (default postgres) / OMS_DB_PASSWORD (default empty), or Optional.empty() if OMS_DB_URL unset. */
    public static Optional<DbConfig> fromEnv() {
        return fromEnv(System::getenv);
    }

    private static Optional<DbConfig> fromEnv(java.util.function.UnaryOperator<String> env) {
        String url = env.apply("OMS_DB_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DbConfig(url.trim(),
                Objects.requireNonNullElse(env.apply("OMS_DB_USER"), "postgres"),
                Objects.requireNonNullElse(env.apply("OMS_DB_PASSWORD"), "")));
    }

    /**
     * The database of one service: OMS_&lt;SERVICE&gt;_DB_URL / _USER / _PASSWORD (e.g. OMS_ORDER_DB_URL) when set, so each
     * service can have a database of its own; else the shared OMS_DB_URL / OMS_DB_USER / OMS_DB_PASSWORD.
     */
    public static Optional<DbConfig> forService(String service) {
        return forService(service, System::getenv);
    }

    static Optional<DbConfig> forService(String service, java.util.function.UnaryOperator<String> env) {
        String prefix = "OMS_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_DB_";
        String url = env.apply(prefix + "URL");
        if (url == null || url.isBlank()) {
            return fromEnv(env);
        }
        return Optional.of(new DbConfig(url.trim(),
                Objects.requireNonNullElse(env.apply(prefix + "USER"),
                        Objects.requireNonNullElse(env.apply("OMS_DB_USER"), "postgres")),
                Objects.requireNonNullElse(env.apply(prefix + "PASSWORD"),
                        Objects.requireNonNullElse(env.apply("OMS_DB_PASSWORD"), ""))));
    }

    @Override
    public String toString() {
        return "DbConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****") + "]";
    }
}
