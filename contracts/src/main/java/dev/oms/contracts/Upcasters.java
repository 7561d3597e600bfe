package dev.oms.contracts;

import com.google.protobuf.Message;
import dev.oms.contracts.inventory.v1.Allocation;
import dev.oms.contracts.inventory.v2.ReservedLine;
import dev.oms.contracts.inventory.v2.StockReserved;
import dev.oms.contracts.inventory.v2.WarehouseReservation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a message of an older schema version into the current shape of its type, so that consumers are
 * written against the current version only while older producers (or old audit-log entries) still send the
 * old one. Every consumer path, live or replay, reads payloads through {@link #toCurrent}.
 */
public final class Upcasters {

    /** A message in the shape consumers are written for, with the type name of that shape. */
    public record Current(String type, Message payload) {}

    private record Upcaster(String toType, Function<Message, Message> convert) {}

    private static final Map<String, Upcaster> BY_OLD_TYPE = Map.of(
            "oms.inventory.v1.StockReserved",
            new Upcaster(MessageTypes.typeOf(StockReserved.getDefaultInstance()),
                    old -> stockReservedV2((dev.oms.contracts.inventory.v1.StockReserved) old)));

    private Upcasters() {}

    /** The type a message of {@code type} is handed to consumers as (itself when it is current). */
    public static String currentTypeOf(String type) {
        Upcaster upcaster = BY_OLD_TYPE.get(type);
        return upcaster == null ? type : currentTypeOf(upcaster.toType());
    }

    /** The given (current) types with every older version that upcasts to one of them. */
    public static java.util.Set<String> withOlderVersions(java.util.Collection<String> types) {
        java.util.Set<String> all = new java.util.HashSet<>(types);
        BY_OLD_TYPE.keySet().stream().filter(old -> types.contains(currentTypeOf(old))).forEach(all::add);
        return all;
    }

    /** The payload upcast, step by step, to the current version of its type. */
    public static Current toCurrent(String type, Message payload) {
        Upcaster upcaster = BY_OLD_TYPE.get(type);
        return upcaster == null ? new Current(type, payload) : toCurrent(upcaster.toType(), upcaster.convert().apply(payload));
    }

    static StockReserved stockReservedV2(dev.oms.contracts.inventory.v1.StockReserved v1) {
        Map<String, WarehouseReservation.Builder> byWarehouse = new LinkedHashMap<>();
        for (Allocation allocation : v1.getAllocationsList()) {
            byWarehouse.computeIfAbsent(allocation.getWarehouse(), w -> WarehouseReservation.newBuilder().setWarehouse(w))
                    .addLines(ReservedLine.newBuilder().setSku(allocation.getSku()).setQuantity(allocation.getQuantity()));
        }
        StockReserved.Builder v2 = StockReserved.newBuilder().setOrderId(v1.getOrderId());
        byWarehouse.values().forEach(v2::addWarehouses);
        return v2.build();
    }
}
