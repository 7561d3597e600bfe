package dev.oms.projections.api;

import java.util.List;

/** Reads stock levels per warehouse, for operators. */
public interface StockQueries {

    /** The sku's stock in every warehouse that reported it, by warehouse; empty for an unknown sku. */
    List<StockLevelView> stock(String sku);
}
