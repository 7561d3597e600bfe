package dev.oms.app.platform;

import dev.oms.cart.api.CatalogItem;
import dev.oms.cart.api.Money;
import dev.oms.inventory.api.StockSeed;
import java.util.ArrayList;
import java.util.List;

/** The catalog and stock a fresh platform starts with: SKU-0001..SKU-0020 in plenty, SKU-LIMITED with 5 units. */
public final class DevCatalog {
    public static final String LIMITED_SKU = "SKU-LIMITED";
    public static final int LIMITED_STOCK = 5;
    public static final int AMPLE_STOCK = 100_000;

    private DevCatalog() {}

    public static List<CatalogItem> items() {
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            items.add(new CatalogItem(sku(i), "Product " + i, new Money(500L + 250L * i, "EUR")));
        }
        items.add(new CatalogItem(LIMITED_SKU, "Limited edition", new Money(9_900, "EUR")));
        return items;
    }

    public static List<StockSeed> stock() {
        List<StockSeed> stock = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            stock.add(new StockSeed(sku(i), "WH-EAST", AMPLE_STOCK));
            stock.add(new StockSeed(sku(i), "WH-WEST", AMPLE_STOCK));
        }
        stock.add(new StockSeed(LIMITED_SKU, "WH-EAST", LIMITED_STOCK));
        return stock;
    }

    private static String sku(int i) {
        return String.format("SKU-%04d", i);
    }
}
