package dev.oms.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every message of one order, commands and events, in causal order: each after the message that caused it, and
 * otherwise in the order they happened. Time alone would do on one clock; across machines a reply may carry an
 * earlier time than the command it answers, and the chain must still read from cause to effect.
 */
public final class AuditTrail {
    private AuditTrail() {}

    public static List<AuditedMessage> ofOrder(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT message_id, type, topic, occurred_at, causation_id, saga_id, producer, payload::text
                  FROM %s WHERE correlation_id = ? ORDER BY occurred_at, seq""".formatted(AuditLog.TABLE))) {
            select.setString(1, orderId);
            List<AuditedMessage> byTime = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byTime.add(new AuditedMessage(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getString(3), rows.getTimestamp(4).toInstant(), rows.getObject(5, UUID.class),
                            rows.getString(6), rows.getString(7), rows.getString(8)));
                }
            }
            return causally(byTime);
        }
    }

    /** A stable topological order: a message whose cause is in the trail but not placed yet waits for it. */
    static List<AuditedMessage> causally(List<AuditedMessage> byTime) {
        Set<UUID> inTrail = new HashSet<>();
        byTime.forEach(message -> inTrail.add(message.messageId()));
        Set<UUID> placed = new HashSet<>();
        Map<UUID, List<AuditedMessage>> waitingFor = new HashMap<>();
        List<AuditedMessage> ordered = new ArrayList<>(byTime.size());
        for (AuditedMessage message : byTime) {
            UUID cause = message.causationId();
            if (cause != null && inTrail.contains(cause) && !placed.contains(cause)) {
                waitingFor.computeIfAbsent(cause, id -> new ArrayList<>()).add(message);
            } else {
                place(message, ordered, placed, waitingFor);
            }
        }
        for (AuditedMessage message : byTime) {
            if (!placed.contains(message.messageId())) {
                place(message, ordered, placed, waitingFor); // causes in a cycle: only a corrupt log has one
            }
        }
        return ordered;
    }

    private static void place(AuditedMessage message, List<AuditedMessage> ordered, Set<UUID> placed,
                              Map<UUID, List<AuditedMessage>> waitingFor) {
        if (!placed.add(message.messageId())) {
            return;
        }
        ordered.add(message);
        List<AuditedMessage> effects = waitingFor.remove(message.messageId());
        if (effects != null) {
            effects.forEach(effect -> place(effect, ordered, placed, waitingFor));
        }
    }
}
