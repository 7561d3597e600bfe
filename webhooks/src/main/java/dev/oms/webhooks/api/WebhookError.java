package dev.oms.webhooks.api;

/** Why a command was refused; nothing changed. Codes: INVALID_URL, UNKNOWN_EVENT_TYPE, NOT_FOUND. */
public record WebhookError(String field, String message, String code) {
    public static final String INVALID_URL = "INVALID_URL";
    public static final String UNKNOWN_EVENT_TYPE = "UNKNOWN_EVENT_TYPE";
    public static final String NOT_FOUND = "NOT_FOUND";
}
