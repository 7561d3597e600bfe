package dev.oms.app.contracts;

import dev.oms.contracts.MessageTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the consumers that cannot read a type some producer registered: a consumer reads a family of types
 * (the type without its version) and every version it registered, directly or through an upcaster; a registered
 * producer of a version it did not register would send it messages it must park.
 */
public final class SchemaCompatibility {
    private SchemaCompatibility() {}

    /** A consumer that reads some version of a type's family, but not the version a producer registered. */
    public record Gap(String consumer, String producer, String type, Set<String> readable) {
        @Override
        public String toString() {
            return consumer + " cannot read " + type + " (registered by " + producer + "); it reads " + readable;
        }
    }

    public static List<Gap> gaps(List<Registration> registrations) {
        Map<String, Set<String>> readsByConsumer = new TreeMap<>();
        for (Registration r : registrations) {
            if (r.role() == Registration.Role.CONSUMES) {
                readsByConsumer.computeIfAbsent(r.party(), c -> new TreeSet<>()).add(r.type());
            }
        }
        List<Gap> gaps = new ArrayList<>();
        for (Registration produced : registrations) {
            if (produced.role() != Registration.Role.PRODUCES) {
                continue;
            }
            String family = MessageTypes.familyOf(produced.type());
            readsByConsumer.forEach((consumer, reads) -> {
                boolean readsFamily = reads.stream().anyMatch(t -> MessageTypes.familyOf(t).equals(family));
                Gap gap = new Gap(consumer, produced.party(), produced.type(), reads.stream()
                        .filter(t -> MessageTypes.familyOf(t).equals(family)).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
                if (readsFamily && !reads.contains(produced.type()) && !gaps.contains(gap)) {
                    gaps.add(gap);
                }
            });
        }
        return gaps;
    }
}
