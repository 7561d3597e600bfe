package dev.oms.app.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.platform.health.KafkaHealth;
import dev.oms.app.platform.health.ServiceHealth;
import dev.oms.infra.DbConfig;
import dev.oms.remote.HttpResponses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.json.JsonMapper;

/**
 * The management port of a service running alone ({@code oms service NAME}), with the paths a Kubernetes probe and a
 * Prometheus scrape expect of a Spring Boot service: {@code /actuator/health/liveness} (UP while the process answers),
 * {@code /actuator/health/readiness} and {@code /actuator/health} (its PostgreSQL, the broker and its outbox lag, 503
 * unless all are UP), {@code /actuator/prometheus}. A plain JDK server rather than a second Spring context: it starts
 * in milliseconds and brings up nothing else that happens to be on the classpath.
 */
public final class ManagementServer implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final PlatformMetrics metrics = new PlatformMetrics();
    private final HikariDataSource healthPool;
    private final KafkaHealth kafka;
    private final Map<String, HealthIndicator> readiness;

    private ManagementServer(int port, String service, DbConfig db, String bootstrap, boolean hasOutbox)
            throws IOException {
        Clock clock = Clock.systemUTC();
        this.healthPool = db.dataSource(service + "-health", service, 1);
        this.kafka = new KafkaHealth(bootstrap, clock);
        this.readiness = ServiceHealth.checks(healthPool, kafka, clock,
                Durations.fromEnv("OMS_OUTBOX_MAX_AGE", ServiceHealth.DEFAULT_OUTBOX_MAX_AGE), hasOutbox);
        this.server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/actuator/health/liveness",
                exchange -> HttpResponses.send(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/actuator/health/readiness", this::readiness);
        server.createContext("/actuator/health", this::readiness);
        server.createContext("/actuator/prometheus", exchange -> HttpResponses.send(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", metrics.registry().scrape()));
        server.start();
    }

    /** Starts the management port (0: any free port) of the named service; close it after the service. */
    public static ManagementServer start(int port, ServiceLauncher.Name service, DbConfig db, String bootstrap) {
        try {
            return new ManagementServer(port, service.id(), db, bootstrap, service != ServiceLauncher.Name.AUDIT);
        } catch (IOException e) {
            throw new StartupException("management port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void readiness(HttpExchange exchange) throws IOException {
        Map<String, Object> components = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, HealthIndicator> check : readiness.entrySet()) {
            Health health = check.getValue().health();
            up &= Status.UP.equals(health.getStatus());
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("status", health.getStatus().getCode());
            if (!health.getDetails().isEmpty()) {
                component.put("details", health.getDetails());
            }
            components.put(check.getKey(), component);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        HttpResponses.send(exchange, up ? 200 : 503, "application/json", JSON.writeValueAsString(body));
    }

    @Override
    public void close() {
        server.stop(0);
        kafka.close();
        healthPool.close();
        metrics.close();
    }
}
