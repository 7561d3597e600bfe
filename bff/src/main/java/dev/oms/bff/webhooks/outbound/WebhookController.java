package dev.oms.bff.webhooks.outbound;

import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.MutationSpans;
import dev.oms.bff.graphql.Paging;
import dev.oms.bff.graphql.Unavailable;
import dev.oms.bff.graphql.UserErrorView;
import dev.oms.webhooks.api.DeliveryResult;
import dev.oms.webhooks.api.EndpointResult;
import dev.oms.webhooks.api.WebhookCommands;
import dev.oms.webhooks.api.WebhookDelivery;
import dev.oms.webhooks.api.WebhookEndpoint;
import dev.oms.webhooks.api.WebhookError;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Operators manage outbound webhooks: endpoints, secrets, the delivery log, redelivery. Without a webhooks service
 * (a BFF started without one) queries answer empty and mutations SERVICE_UNAVAILABLE.
 */
@Controller
class WebhookController {
    private final ObjectProvider<WebhookCommands> webhooks;

    WebhookController(ObjectProvider<WebhookCommands> webhooks) {
        this.webhooks = webhooks;
    }

    record EndpointPayload(WebhookEndpoint endpoint, String secret, List<UserErrorView> userErrors) {}

    record RedeliverPayload(WebhookDelivery delivery, List<UserErrorView> userErrors) {}

    @QueryMapping
    List<WebhookEndpoint> webhookEndpoints() {
        Callers.current().requireOps();
        WebhookCommands commands = webhooks.getIfAvailable();
        return commands == null ? List.of() : commands.listEndpoints();
    }

    @QueryMapping
    List<WebhookDelivery> webhookDeliveries(@Argument String endpointId, @Argument String status,
                                            @Argument Integer first) {
        Callers.current().requireOps();
        int size = Paging.size(first);
        WebhookCommands commands = webhooks.getIfAvailable();
        return commands == null || size == 0 ? List.of() : commands.deliveries(endpointId, status, size);
    }

    @MutationMapping
    EndpointPayload webhookEndpointCreate(@Argument String url, @Argument List<String> eventTypes,
                                          @Argument String description) {
        Callers.current().requireOps();
        return endpoint("webhookEndpointCreate", c -> c.createEndpoint(url, eventTypes, description));
    }

    @MutationMapping
    EndpointPayload webhookEndpointRotateSecret(@Argument String endpointId) {
        Callers.current().requireOps();
        return endpoint("webhookEndpointRotateSecret", c -> c.rotateSecret(endpointId));
    }

    @MutationMapping
    EndpointPayload webhookEndpointDisable(@Argument String endpointId) {
        Callers.current().requireOps();
        return endpoint("webhookEndpointDisable", c -> c.disableEndpoint(endpointId));
    }

    @MutationMapping
    EndpointPayload webhookEndpointEnable(@Argument String endpointId) {
        Callers.current().requireOps();
        return endpoint("webhookEndpointEnable", c -> c.enableEndpoint(endpointId));
    }

    @MutationMapping
    RedeliverPayload webhookRedeliver(@Argument String deliveryId) {
        Callers.current().requireOps();
        DeliveryResult result = call("webhookRedeliver", c -> c.redeliver(deliveryId),
                message -> DeliveryResult.refused(null, message, ErrorCodes.SERVICE_UNAVAILABLE));
        return new RedeliverPayload(result.delivery(), errors(result.error()));
    }

    private EndpointPayload endpoint(String name, java.util.function.Function<WebhookCommands, EndpointResult> action) {
        EndpointResult result = call(name, action,
                message -> EndpointResult.refused(null, message, ErrorCodes.SERVICE_UNAVAILABLE));
        return new EndpointPayload(result.endpoint(), result.secret(), errors(result.error()));
    }

    private <T> T call(String name, java.util.function.Function<WebhookCommands, T> action,
                       java.util.function.Function<String, T> refused) {
        WebhookCommands commands = webhooks.getIfAvailable();
        if (commands == null) {
            return refused.apply("The webhooks service is not part of this deployment");
        }
        Supplier<T> call = () -> action.apply(commands);
        return MutationSpans.traced(name, () -> Unavailable.orRefused(call, refused));
    }

    private static List<UserErrorView> errors(WebhookError error) {
        return error == null ? List.of() : List.of(UserErrorView.of(error.field(), error.message(), error.code()));
    }
}
