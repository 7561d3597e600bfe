package dev.oms.app;

import dev.oms.payment.PaymentService;
import dev.oms.payment.adapters.SandboxConsole;
import dev.oms.payment.adapters.SandboxConsole.SignedWebhook;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The sandbox payment provider as tests play it: decides an authorization the card holder confirms later and sends
 * its signed webhook to a platform's /webhooks/payments, as the provider would.
 */
final class SandboxProvider {
    private final SandboxConsole console;

    /** {@code providerBooks}: a pool on the database that holds schema payment_provider. */
    SandboxProvider(DataSource providerBooks) {
        this.console = new SandboxConsole(providerBooks, PaymentService.DEVELOPMENT_WEBHOOK_SECRET, Clock.systemUTC());
    }

    SignedWebhook decide(String reference, boolean approve) {
        return console.decide(reference, approve);
    }

    /** Decides and sends the webhook; the HTTP status, or -1 when the platform could not be reached. */
    int confirm(String graphqlUrl, String reference, boolean approve) {
        try {
            return post(graphqlUrl, decide(reference, approve)).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    static HttpResponse<String> post(String graphqlUrl, SignedWebhook webhook) throws IOException {
        return SandboxCommand.send(graphqlUrl.replace("/graphql", ""), webhook);
    }
}
