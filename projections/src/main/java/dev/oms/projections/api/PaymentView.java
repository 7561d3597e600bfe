package dev.oms.projections.api;

/** The order's payment; status is AUTHORIZED, DECLINED, CAPTURED or VOIDED. */
public record PaymentView(String status) {}
