package dev.oms.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.bench.BenchPlatform;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.app.invariants.Violation;
import dev.oms.app.platform.Durations;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.app.platform.StartupException;
import dev.oms.bench.Bench;
import dev.oms.bench.BenchOptions;
import dev.oms.bench.BenchReport;
import dev.oms.bench.Mix;
import dev.oms.bench.ReportJson;
import dev.oms.bench.ReportTable;
import dev.oms.bench.load.ProgressBar;
import dev.oms.infra.DbConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code oms bench}: load on a running platform or one of its own, a report, and the invariants checked after. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drives checkouts (a new cart with 1-3 lines, then checkout) through the GraphQL API, or with",
                "--direct straight to the order service, and reports completed sagas/s, latency, Postgres commits,",
                "CPU and memory per saga; then checks the platform's invariants.",
                "Exit code 0: every saga ended and the invariants hold; 1: otherwise; 2: bad usage."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Where where;

    static final class Where {
        @Option(names = "--target", paramLabel = "URL", description = "A running platform's GraphQL endpoint, e.g. "
                + "http://127.0.0.1:8080/graphql. Reads its database (OMS_DB_URL, else the embedded default of `oms up`)"
                + " and, with --direct, its Kafka (OMS_KAFKA_BOOTSTRAP, else the embedded default).")
        String target;

        @Option(names = "--embedded", description = "Start the whole platform in this JVM on a fresh data dir "
                + "(embedded PostgreSQL and Kafka, durable settings), bench it, stop it and delete the data dir.")
        boolean embedded;
    }

    @Option(names = "--orders", defaultValue = "2000", description = "Checkouts to measure (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--warmup", defaultValue = "200", description = "Checkouts before measuring, whose sagas end before "
            + "the measured ones start (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--concurrency", defaultValue = "64", description = "Clients checking out at once; each checks out "
            + "again once the saga of its last order has ended, so this many sagas are in flight (default: "
            + "${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0", description = "Instead of a fixed concurrency, start "
            + "R checkouts per second whatever the answers take (open loop; latency counts from when each was due).")
    double rate;

    @Option(names = "--mix", defaultValue = Mix.DEFAULT, description = "Weights of ok orders, payment declines "
            + "(sandbox_decline) and over-asks of SKU-LIMITED (default: ${DEFAULT-VALUE}).")
    String mix;

    @Option(names = "--direct", description = "Bypass the BFF and the cart: publish CheckoutCompleted to the order "
            + "service's topic, to measure the saga engine alone.")
    boolean direct;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON (sagasPerSecond, ...).")
    Path json;

    @Option(names = "--timeout", defaultValue = "10m", description = "How long to wait for the sagas to end after the "
            + "last checkout (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the made-up orders (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stats-settle", defaultValue = "11s", description = "Wait before reading Postgres's statistics, "
            + "which an idle backend reports 10 s late (default: ${DEFAULT-VALUE}).")
    String statsSettle;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "--target: the platform's database (default: "
            + "OMS_DB_URL, else the embedded default of `oms up`; user and password from OMS_DB_USER, OMS_DB_PASSWORD).")
    String dbUrl;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", description = "--target: the platform's Kafka, "
            + "which --direct publishes to and whose consumers' lag the bench waits out (default: OMS_KAFKA_BOOTSTRAP, "
            + "else the embedded default of `oms up`).")
    String kafkaBootstrap;

    @Option(names = "--data-dir", description = "--embedded: use this (new) dir and keep it, instead of a temp dir.")
    Path dataDir;

    @Option(names = "--http-port", defaultValue = "0", description = "--embedded: GraphQL port (default: a free one).")
    int httpPort;

    @Option(names = "--db-port", defaultValue = "0", description = "--embedded: PostgreSQL port (default: a free one).")
    int dbPort;

    @Option(names = "--kafka-port", defaultValue = "0", description = "--embedded: Kafka port (default: a free one).")
    int kafkaPort;

    @Override
    public Integer call() throws Exception {
        BenchOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        if (where.embedded) {
            System.setOut(System.err); // the platform's logs go with the progress; stdout is the report's alone
        }
        try (BenchPlatform platform = where.embedded
                ? BenchPlatform.embedded(dataDir, httpPort, dbPort, kafkaPort, System.err)
                : BenchPlatform.target(where.target, targetDb(), kafkaBootstrap != null ? kafkaBootstrap
                        : PlatformSettings.runningKafka())) {
            BenchReport report = new Bench(options, platform.target(), new ProgressBar(System.err, System.console() != null))
                    .run();
            report = report.withInvariants(invariants(platform.database(), where.embedded));
            out.print(ReportTable.render(report));
            out.flush();
            boolean written = json == null || writeJson(report);
            return written && report.invariants().ok() && report.sagas().unfinished() == 0 ? 0 : 1;
        } catch (StartupException e) {
            System.err.println("oms bench: " + e.getMessage());
            return 1;
        }
    }

    private BenchOptions options() {
        try {
            return new BenchOptions(orders, warmup, concurrency, rate, Mix.parse(mix), direct, Durations.parse(timeout),
                    Durations.parse(statsSettle), seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private DbConfig targetDb() {
        DbConfig running = PlatformSettings.runningDb();
        return dbUrl == null ? running : new DbConfig(dbUrl, running.user(), running.password());
    }

    /** Once every saga ended, an embedded platform must be quiescent too; someone else's may have work in flight. */
    private static BenchReport.Invariants invariants(HikariDataSource database, boolean quiescent) {
        InvariantChecker checker = new InvariantChecker(database);
        List<Violation> violations = quiescent ? checker.checkQuiescent() : checker.check();
        return new BenchReport.Invariants(true, violations.isEmpty(), violations.stream().map(Violation::toString).toList());
    }

    private boolean writeJson(BenchReport report) {
        try {
            ReportJson.write(report, json);
            return true;
        } catch (IOException e) {
            System.err.println("oms bench: cannot write " + json + ": " + e.getMessage());
            return false;
        }
    }
}
