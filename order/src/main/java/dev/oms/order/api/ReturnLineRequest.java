package dev.oms.order.api;

/** Units of one sku a customer sends back. */
public record ReturnLineRequest(String sku, int quantity) {}
