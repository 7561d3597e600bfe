package dev.oms.app.bench;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.platform.DevCatalog;
import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.bench.BenchTarget;
import dev.oms.bench.Catalog;
import dev.oms.bff.auth.JwtKey;
import dev.oms.bff.auth.Role;
import dev.oms.bff.auth.Tokens;
import dev.oms.cart.api.CatalogItem;
import dev.oms.infra.DbConfig;
import dev.oms.infra.TempDirs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * The platform a bench runs against and how to reach it: one started in this JVM on a fresh data dir, the way
 * {@code oms up} starts it (durable PostgreSQL and Kafka settings), or a running one.
 */
public final class BenchPlatform implements AutoCloseable {
    private static final int POOL_SIZE = 4;
    private final Platform platform;
    private final Path scratchDir;
    private final HikariDataSource database;
    private final BenchTarget target;

    private BenchPlatform(Platform platform, Path scratchDir, HikariDataSource database, BenchTarget target) {
        this.platform = platform;
        this.scratchDir = scratchDir;
        this.database = database;
        this.target = target;
    }

    /**
     * Starts the platform in this JVM on {@code dataDir} (kept), or on a temp dir deleted on close; port 0 = a free
     * one. Shipments do not move on by themselves (no --fulfillment-step), so only the sagas are measured, and the
     * services log warnings only: a line per notification would cost as much as some of the steps measured.
     */
    public static BenchPlatform embedded(Path dataDir, int httpPort, int dbPort, int kafkaPort, PrintStream log) {
        Path dir = dataDir != null ? dataDir : scratchDir();
        PlatformSettings settings = new PlatformSettings(dir, httpPort, dbPort, kafkaPort, Optional.empty(),
                Optional.empty(), PlatformSettings.fromEnvironment(dir, httpPort).partitions(), Duration.ZERO, true);
        long start = System.nanoTime();
        Platform platform = Platform.start(settings, line -> log.println("oms: " + line));
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.oms")).setLevel(Level.WARN);
        log.printf("oms: platform ready in %.1f s on %s%n", (System.nanoTime() - start) / 1e9, dir);
        HikariDataSource database = platform.db().dataSource("bench", null, POOL_SIZE);
        BenchTarget target = new BenchTarget(platform.graphqlUrl(), customerTokens(), database,
                platform.kafkaBootstrap(), catalog(), true);
        return new BenchPlatform(platform, dataDir == null ? dir : null, database, target);
    }

    /** A running platform at this GraphQL URL (or host and port), with its database and broker. */
    public static BenchPlatform target(String url, DbConfig db, String kafkaBootstrap) {
        HikariDataSource database = db.dataSource("bench", null, POOL_SIZE);
        return new BenchPlatform(null, null, database,
                new BenchTarget(graphqlEndpoint(url), customerTokens(), database, kafkaBootstrap, catalog(), false));
    }

    public BenchTarget target() {
        return target;
    }

    public HikariDataSource database() {
        return database;
    }

    /** The GraphQL endpoint: the URL as given, or {@code /graphql} on a bare host and port. */
    static String graphqlEndpoint(String url) {
        String path = URI.create(url).getPath();
        return path == null || path.isEmpty() || path.equals("/") ? url.replaceAll("/$", "") + "/graphql" : url;
    }

    /** The catalog `oms up` seeds; the bench orders from it and over-asks its limited product. */
    static Catalog catalog() {
        List<Catalog.Product> products = DevCatalog.items().stream()
                .filter(item -> !item.sku().equals(DevCatalog.LIMITED_SKU))
                .map(BenchPlatform::product)
                .toList();
        Catalog.Product limited = DevCatalog.items().stream()
                .filter(item -> item.sku().equals(DevCatalog.LIMITED_SKU))
                .map(BenchPlatform::product)
                .findFirst().orElseThrow();
        return new Catalog(products, limited, DevCatalog.LIMITED_STOCK);
    }

    private static Catalog.Product product(CatalogItem item) {
        return new Catalog.Product(item.sku(), item.price().amount(), item.price().currency());
    }

    /** Customer tokens signed with this user's key, as `oms token --role customer` signs them. */
    private static Function<String, String> customerTokens() {
        JwtKey key = JwtKey.fromEnvironment();
        return customer -> Tokens.issue(key, customer, Role.CUSTOMER, Duration.ofHours(6));
    }

    private static Path scratchDir() {
        try {
            return Files.createTempDirectory("oms-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data dir for the embedded platform", e);
        }
    }

    @Override
    public void close() {
        database.close();
        if (platform != null) {
            platform.close();
        }
        if (scratchDir != null) {
            TempDirs.deleteQuietly(scratchDir);
        }
    }
}
