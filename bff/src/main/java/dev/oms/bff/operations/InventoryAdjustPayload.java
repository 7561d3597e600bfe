package dev.oms.bff.operations;

import dev.oms.bff.graphql.UserErrorView;
import java.util.List;

record InventoryAdjustPayload(StockLevelPayload stockLevel, List<UserErrorView> userErrors) {}
