package dev.oms.bench;

/** What a bench order is meant to end as: completed, declined by the payment sandbox, or short of stock. */
public enum OrderKind {
    OK("sandbox_ok"),
    DECLINE("sandbox_decline"),
    /** More units of the limited sku than there are: the saga is compensated at its first step. */
    LIMITED("sandbox_ok");

    private final String paymentToken;

    OrderKind(String paymentToken) {
        this.paymentToken = paymentToken;
    }

    public String paymentToken() {
        return paymentToken;
    }
}
