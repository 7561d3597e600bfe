package dev.oms.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Kafka 4.x broker in KRaft mode (combined broker+controller node): alone (the embedded default), or one
 * node of a local cluster whose nodes run in processes of their own ({@link ClusterNode}).
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final int NODE_ID = 1;
    private static final ClusterNode SINGLE = null;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    // Static on purpose: a lock referenced only locally gets garbage-collected, which silently releases it.
    private static final Map<Path, FileLock> DIR_LOCKS = new ConcurrentHashMap<>();

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private final boolean temporary;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;

    private LocalKafka(KafkaRaftServer server, Path dataDir, int port, boolean temporary) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.temporary = temporary;
        // The embedded server registers no hook of its own: without one, SIGTERM would be an unclean stop.
        this.shutdownHook = new Thread(() -> {
            ShutdownOrder.awaitInfrastructureUsers();
            stop();
        }, "local-kafka-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts (formatting the storage only the first time) a broker whose log lives under dataDir; port 0 = free port. */
    public static LocalKafka start(Path dataDir, int port) {
        return start(dataDir.toAbsolutePath().normalize(), port, false);
    }

    /** A broker on a temp dir (deleted on close) and a free port. */
    public static LocalKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("oms-kafka-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temp dir for Kafka", e);
        }
    }

    /** "127.0.0.1:port". */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or about to run stop() itself
        }
        stop();
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        unlock(dataDir);
        if (temporary) {
            TempDirs.deleteQuietly(dataDir);
        }
        log.info("Kafka on {} stopped", bootstrapServers());
    }

    /**
     * One node of a local KRaft cluster (every node a broker and a voting controller, static quorum). Internal topics
     * get min(3, size) replicas and tolerate one lost node; the node's data dir keeps its log across restarts.
     */
    public record ClusterNode(int nodeId, int size, int port, int controllerPort, String voters, Path dataDir,
                              String clusterId) {

        /** Node {@code id} (1-based) of a cluster of {@code size} on consecutive ports from basePort (controllers +100). */
        public static ClusterNode of(int id, int size, int basePort, Path clusterDir) {
            StringBuilder voters = new StringBuilder();
            for (int n = 1; n <= size; n++) {
                voters.append(n == 1 ? "" : ",").append(n).append("@127.0.0.1:").append(basePort + 100 + n - 1);
            }
            // Every node formats its storage with the same cluster id: derive it from the cluster's directory.
            java.util.UUID cluster = java.util.UUID.nameUUIDFromBytes(("oms-kafka-" + clusterDir.toAbsolutePath())
                    .getBytes(StandardCharsets.UTF_8));
            return new ClusterNode(id, size, basePort + id - 1, basePort + 100 + id - 1, voters.toString(),
                    clusterDir.resolve("node-" + id),
                    new Uuid(cluster.getMostSignificantBits(), cluster.getLeastSignificantBits()).toString());
        }

        int replicas() {
            return Math.min(3, size);
        }

        int minInsync() {
            return Math.max(1, replicas() - 1);
        }

        /** All nodes' broker addresses, for a client's bootstrap list. */
        public String bootstrapServers() {
            StringBuilder all = new StringBuilder();
            int base = port - nodeId + 1;
            for (int n = 0; n < size; n++) {
                all.append(n == 0 ? "" : ",").append("127.0.0.1:").append(base + n);
            }
            return all.toString();
        }
    }

    /** Starts one node of a local cluster (formatting its storage the first time); it waits for a quorum to start. */
    public static LocalKafka startNode(ClusterNode node) {
        return startLocked(node.dataDir().toAbsolutePath().normalize(), node.port(), node, false);
    }

    private static LocalKafka start(Path dir, int requestedPort, boolean temporary) {
        return startLocked(dir, requestedPort, SINGLE, temporary);
    }

    /** Locks the data dir (one broker per dir), then starts the broker on it; port 0 = a free port. */
    private static LocalKafka startLocked(Path dir, int requestedPort, ClusterNode node, boolean temporary) {
        try {
            Files.createDirectories(dir);
            lock(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not lock Kafka data dir " + dir + ": " + e, e);
        }
        try {
            int port = requestedPort == 0 ? Ports.freePort() : requestedPort;
            KafkaRaftServer server = startServer(dir.resolve("log"), port, node);
            log.info("Kafka {}on 127.0.0.1:{} with data dir {}",
                    node == null ? "" : "node " + node.nodeId() + " of " + node.size() + " ", port, dir);
            return new LocalKafka(server, dir, port, temporary);
        } catch (RuntimeException e) {
            unlock(dir);
            throw e;
        }
    }

    private static KafkaRaftServer startServer(Path logDir, int port, ClusterNode node) {
        KafkaConfig config = new KafkaConfig(node == null ? properties(logDir, port, Ports.freePortOtherThan(port))
                : properties(logDir, node));
        formatIfNew(logDir, node == null ? NODE_ID : node.nodeId(),
                node == null ? Uuid.randomUuid().toString() : node.clusterId());
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            // Otherwise its threads linger and keep the JVM alive.
            server.shutdown();
            server.awaitShutdown();
            throw new IllegalStateException("Kafka did not start on 127.0.0.1:" + port + " with log dir " + logDir + ": " + e, e);
        }
    }

    /** A cluster node: replicated internal topics, and topics that keep taking records with one node lost. */
    private static Properties properties(Path logDir, ClusterNode node) {
        Properties p = properties(logDir, node.port(), node.controllerPort(), node.nodeId(), node.voters());
        String replicas = String.valueOf(node.replicas());
        String minInsync = String.valueOf(node.minInsync());
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minInsync);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minInsync);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minInsync);
        return p;
    }

    private static Properties properties(Path logDir, int port, int controllerPort) {
        // Static voters: the controller port is not stored in the log, so it may change on every start.
        return properties(logDir, port, controllerPort, NODE_ID, NODE_ID + "@127.0.0.1:" + controllerPort);
    }

    private static Properties properties(Path logDir, int port, int controllerPort, int nodeId, String voters) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // After a kill -9 the controller refuses the new registration (DuplicateBrokerRegistration) until the
        // old session expires. startup() blocks meanwhile while the broker retries every 500 ms by itself: keep
        // the session short, and bound the wait (past it, startup() throws).
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("initial.broker.registration.timeout.ms", "30000");
        p.put("num.partitions", "8");
        p.put("auto.create.topics.enable", "false");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void formatIfNew(Path logDir, int nodeId, String clusterId) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir + ": " + e, e);
        }
        log.info("Formatted Kafka storage: {}", out.toString(StandardCharsets.UTF_8).trim());
    }

    private static void lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve("oms-kafka.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IllegalStateException("Kafka data dir " + dir + " is already in use in this JVM");
        }
        if (lock == null) {
            channel.close();
            // Two brokers on one log dir corrupt __cluster_metadata before Kafka's own lock check fails.
            throw new IllegalStateException("Kafka data dir " + dir + " is in use by another process");
        }
        DIR_LOCKS.put(dir, lock);
    }

    private static void unlock(Path dir) {
        FileLock lock = DIR_LOCKS.remove(dir);
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException e) {
                log.warn("Could not release the lock on {}", dir, e);
            }
        }
    }
}
