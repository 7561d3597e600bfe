package dev.oms.bff.webhooks;

import dev.oms.payment.api.PaymentCommands;
import dev.oms.payment.api.WebhookReceipt;
import dev.oms.remote.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's webhooks ({@code POST /webhooks/payments}, Standard Webhooks headers): no token, the
 * signature is the proof, checked by the payment service, which gets the body exactly as sent. 2xx: taken (or a
 * repeat); 400: never send it again; 503: the payment service cannot take it now, send it again later.
 */
@RestController
class PaymentWebhookController {
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final PaymentCommands payments;

    PaymentWebhookController(PaymentCommands payments) {
        this.payments = payments;
    }

    @PostMapping(path = "/webhooks/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receive(@RequestHeader(name = "webhook-id", required = false) String id,
                                   @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
                                   @RequestHeader(name = "webhook-signature", required = false) String signature,
                                   @RequestBody(required = false) byte[] body) {
        if (body == null || body.length > MAX_BODY_BYTES) {
            return answer(WebhookReceipt.refused("a webhook has a JSON body of at most " + MAX_BODY_BYTES + " bytes"));
        }
        try {
            return answer(payments.receiveProviderWebhook(id, timestamp, signature,
                    new String(body, StandardCharsets.UTF_8)));
        } catch (ServiceUnavailableException e) {
            return answer(new WebhookReceipt(503, "the payment service is unavailable; send it again later"));
        }
    }

    private static ResponseEntity<String> answer(WebhookReceipt receipt) {
        String message = receipt.message().replace("\\", "\\\\").replace("\"", "\\\"");
        return ResponseEntity.status(receipt.status()).contentType(MediaType.APPLICATION_JSON)
                .body(receipt.status() == 204 ? null : "{\"message\":\"" + message + "\"}");
    }
}
