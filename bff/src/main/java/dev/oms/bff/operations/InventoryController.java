package dev.oms.bff.operations;

import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.UserErrorView;
import dev.oms.inventory.api.AdjustResult;
import dev.oms.inventory.api.InventoryCommands;
import dev.oms.projections.api.StockLevelView;
import dev.oms.projections.api.StockQueries;
import dev.oms.remote.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Stock for operators: read from the projection, adjusted through the inventory service. */
@Controller
class InventoryController {
    static final int MAX_TEXT_LENGTH = 200;

    private final StockQueries stock;
    private final InventoryCommands inventory;

    InventoryController(StockQueries stock, InventoryCommands inventory) {
        this.stock = stock;
        this.inventory = inventory;
    }

    @QueryMapping
    List<StockLevelView> inventory(@Argument String sku) {
        Callers.current().requireOps();
        return stock.stock(sku);
    }

    @MutationMapping
    InventoryAdjustPayload inventoryAdjust(@Argument String sku, @Argument String warehouse, @Argument int delta,
            @Argument String reason) {
        Callers.current().requireOps();
        List<UserErrorView> errors = validate(sku, warehouse, delta, reason);
        if (!errors.isEmpty()) {
            return new InventoryAdjustPayload(null, errors);
        }
        AdjustResult result;
        try {
            result = inventory.adjust(sku, warehouse, delta, reason);
        } catch (ServiceUnavailableException e) {
            return new InventoryAdjustPayload(null, List.of(UserErrorView.of(null,
                    "The inventory service is unavailable; try again in a moment", ErrorCodes.SERVICE_UNAVAILABLE)));
        }
        if (result.errorCode() != null) {
            return new InventoryAdjustPayload(null, List.of(UserErrorView.of(fieldOf(result.errorCode()),
                    result.errorMessage(), result.errorCode())));
        }
        return new InventoryAdjustPayload(StockLevelPayload.of(result.level()), List.of());
    }

    private static List<UserErrorView> validate(String sku, String warehouse, int delta, String reason) {
        List<UserErrorView> errors = new ArrayList<>();
        text("sku", sku, errors);
        text("warehouse", warehouse, errors);
        text("reason", reason, errors);
        if (delta == 0) {
            errors.add(UserErrorView.of("delta", "delta must not be 0", AdjustResult.INVALID_INPUT));
        }
        return errors;
    }

    private static void text(String field, String value, List<UserErrorView> errors) {
        if (value.isBlank() || value.length() > MAX_TEXT_LENGTH) {
            errors.add(UserErrorView.of(field, field + " must have 1 to " + MAX_TEXT_LENGTH + " characters",
                    AdjustResult.INVALID_INPUT));
        }
    }

    /** The argument an inventory service refusal is about. */
    private static String fieldOf(String code) {
        if (AdjustResult.INVALID_INPUT.equals(code)) {
            return null;
        }
        return AdjustResult.BELOW_RESERVED.equals(code) ? "delta" : "sku";
    }
}
