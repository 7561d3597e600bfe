package dev.oms.projections.api;

import java.util.List;
import java.util.Optional;

/** Returns as the read side shows them. */
public interface ReturnQueries {

    /** The order's returns, oldest first. */
    List<ReturnView> ofOrder(String orderId);

    Optional<ReturnView> byId(String returnId);
}
