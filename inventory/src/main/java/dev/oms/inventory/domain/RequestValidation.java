package dev.oms.inventory.domain;

import dev.oms.inventory.domain.AllocationDecision.Refused;
import java.util.List;
import java.util.Optional;

/** Refuses requests that no stock could ever serve: no lines, a blank SKU, a quantity below one. */
final class RequestValidation {
    private RequestValidation() {}

    static Optional<Refused> check(List<RequestedLine> requested) {
        if (requested.isEmpty()) {
            return Optional.of(new Refused(List.of(), "no items to reserve"));
        }
        if (requested.stream().anyMatch(line -> line.sku() == null || line.sku().isBlank())) {
            return Optional.of(new Refused(List.of(), "an item has no SKU"));
        }
        List<String> notPositive = requested.stream().filter(line -> line.quantity() <= 0)
                .map(RequestedLine::sku).distinct().toList();
        if (!notPositive.isEmpty()) {
            return Optional.of(new Refused(notPositive, "quantity must be at least 1 for " + String.join(", ", notPositive)));
        }
        return Optional.empty();
    }
}
