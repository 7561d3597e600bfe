package dev.oms.webhooks.api;

import java.util.List;

/** What operators do with outbound webhooks: register endpoints, rotate their secrets, read and replay deliveries. */
public interface WebhookCommands {

    /** Registers an endpoint for the given event types; the result carries its secret, shown this once. */
    EndpointResult createEndpoint(String url, List<String> eventTypes, String description);

    /** A new secret (shown once); the previous one keeps signing beside it until it expires. */
    EndpointResult rotateSecret(String endpointId);

    EndpointResult disableEndpoint(String endpointId);

    EndpointResult enableEndpoint(String endpointId);

    List<WebhookEndpoint> listEndpoints();

    /** The newest deliveries, of one endpoint and/or one status when given (null: any), each with its attempts. */
    List<WebhookDelivery> deliveries(String endpointId, String status, int limit);

    /** Sends a delivery again now, with the same id, whatever its status. */
    DeliveryResult redeliver(String deliveryId);
}
