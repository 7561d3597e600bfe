package dev.oms.app.contracts;

import java.time.Instant;

/** One row of a service schema's message_registry: a producer or a consumer of one type at one fingerprint. */
public record Registration(Role role, String schema, String party, String type, int version, String fingerprint,
                           Instant lastRegisteredAt) {

    public enum Role { PRODUCES, CONSUMES }
}
