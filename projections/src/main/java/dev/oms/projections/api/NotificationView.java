package dev.oms.projections.api;

public record NotificationView(String id, String channel, String template, String recipient) {}
