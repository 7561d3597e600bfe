package dev.oms.app;

import dev.oms.infra.LocalKafka;
import dev.oms.infra.LocalKafka.ClusterNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oms kafka-node}: one broker of a local Kafka cluster, in a process of its own (deploy/kafka-cluster.sh runs three). */
@Command(name = "kafka-node", mixinStandardHelpOptions = true,
        description = {"Runs one node (broker and controller) of a local KRaft cluster of --nodes nodes, for tests and",
                "demos of oms against a Kafka cluster. Node N listens on base-port + N - 1 (its controller on",
                "base-port + 100 + N - 1) and keeps its log in DATA_DIR/node-N. Topics then get 3 replicas and",
                "min.insync.replicas 2: set OMS_KAFKA_REPLICATION_FACTOR=3 for the services."})
final class KafkaNodeCommand implements Callable<Integer> {

    @Option(names = "--node-id", required = true, description = "This node's id, 1 to --nodes.")
    int nodeId;

    @Option(names = "--nodes", defaultValue = "3", description = "Nodes in the cluster (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--base-port", defaultValue = "19101", description = "Node 1's port (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--data-dir", defaultValue = ".oms-kafka-cluster",
            description = "The cluster's directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        if (nodeId < 1 || nodeId > nodes) {
            System.err.println("oms: --node-id must be 1 to " + nodes);
            return 2;
        }
        ClusterNode node = ClusterNode.of(nodeId, nodes, basePort, dataDir);
        System.out.println("oms: starting Kafka node " + nodeId + " of " + nodes + " on 127.0.0.1:" + node.port()
                + " (waits for a quorum of controllers)");
        try (LocalKafka kafka = LocalKafka.startNode(node)) {
            System.out.println("oms: Kafka node " + nodeId + " ready; cluster bootstrap " + node.bootstrapServers());
            new CountDownLatch(1).await();
        } catch (IllegalStateException e) {
            System.err.println("oms: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
