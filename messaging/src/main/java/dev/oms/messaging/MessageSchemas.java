package dev.oms.messaging;

import com.google.protobuf.Message;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.Upcasters;
import dev.oms.contracts.platform.v1.MessageDeadLettered;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message types one service declared it produces and consumes, with the fingerprint of each type's schema as
 * this build compiled it. The producer refuses to emit a type it did not declare, and every copy registers what
 * it declared in its schema's {@code message_registry} when it starts.
 */
public final class MessageSchemas {
    private static final String DEAD_LETTERED = MessageTypes.typeOf(MessageDeadLettered.getDefaultInstance());

    private final String service;
    private final Set<String> produced = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> consumedBy = new ConcurrentHashMap<>();

    MessageSchemas(String service) {
        this.service = service;
        declareProduced(DEAD_LETTERED);
    }

    void declareProduced(String type) {
        produced.add(type);
    }

    void declareProduced(Collection<? extends Message> prototypes) {
        prototypes.forEach(prototype -> declareProduced(MessageTypes.typeOf(prototype)));
    }

    /** A subscription reads its types and every older version that upcasts to one of them. */
    void declareConsumed(Subscription subscription) {
        consumedBy.put(subscription.name(), new TreeSet<>(Upcasters.withOlderVersions(subscription.types())));
    }

    /**
     * Throws unless the service declared that it produces {@code type}. The fingerprint it registers is that of the
     * schema compiled into this process, the same one it emits with, so the type is all there is to check here.
     */
    void checkProducible(String type) {
        if (!produced.contains(type)) {
            throw new UnregisteredMessageTypeException(service + " may not emit " + type
                    + ": it is not among the types it registered (ServiceRuntime.produces); declare it there, and see "
                    + "docs/contracts.md before emitting a new type or version");
        }
    }

    /** Upserts one row per declared (role, party, type, fingerprint) into the schema's message_registry. */
    void register(Connection c) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO message_registry (role, party, type, version, fingerprint, descriptor)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (role, party, type, fingerprint) DO UPDATE SET last_registered_at = now()""")) {
            for (String type : new TreeSet<>(produced)) {
                add(upsert, "produces", service, type);
            }
            for (Map.Entry<String, Set<String>> consumer : new java.util.TreeMap<>(consumedBy).entrySet()) {
                for (String type : consumer.getValue()) {
                    add(upsert, "consumes", consumer.getKey(), type);
                }
            }
            upsert.executeBatch();
        }
    }

    private static void add(PreparedStatement upsert, String role, String party, String type) throws SQLException {
        upsert.setString(1, role);
        upsert.setString(2, party);
        upsert.setString(3, type);
        upsert.setInt(4, MessageTypes.schemaVersionOf(type));
        upsert.setString(5, MessageTypes.fingerprintOf(type));
        upsert.setBytes(6, MessageTypes.descriptorOf(type));
        upsert.addBatch();
    }
}
