package dev.oms.order.domain;

/** An order went from one status to the next, and why (empty when the step speaks for itself). */
public record StatusChange(String orderId, OrderStatus from, OrderStatus to, String reason) {}
