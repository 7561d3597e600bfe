package dev.oms.fulfillment.api;

/** Units of one sku found in a returned parcel. */
public record ReceivedUnits(String sku, int restockable, int damaged) {}
