package dev.oms.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.app.platform.ServiceLauncher;
import dev.oms.payment.PaymentService;
import dev.oms.payment.adapters.SandboxConsole;
import dev.oms.payment.adapters.SandboxConsole.SignedWebhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code oms sandbox decide}: plays the card holder and the sandbox provider for a payment confirmed later (token
 * sandbox_pending...): decides it in the sandbox's books and sends the provider's signed webhook to the platform.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Plays the sandbox payment provider: decides a payment the card holder confirms later (a",
                "checkout with a token starting sandbox_pending) and sends its signed webhook to the platform's",
                "/webhooks/payments, as the provider would. Uses the running platform's database (OMS_DB_URL, else",
                "embedded `oms up`'s) and webhook secret (OMS_PAYMENT_WEBHOOK_SECRET, else the development one)."},
        subcommands = SandboxCommand.Decide.class)
final class SandboxCommand {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = "Approves (or with --decline, declines) the payment made with TOKEN and sends the webhook.")
    static final class Decide implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "TOKEN", description = "The payment token the checkout used, e.g. sandbox_pending_42.")
        String token;

        @Option(names = "--decline", description = "The card holder did not confirm: the payment is declined.")
        boolean decline;

        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
                description = "The platform's HTTP address (default: ${DEFAULT-VALUE}).")
        String url;

        @Override
        public Integer call() {
            try (HikariDataSource books = ServiceLauncher.providerDb(PlatformSettings.runningDb())
                    .dataSource("oms-sandbox", null, 1)) {
                SignedWebhook webhook = new SandboxConsole(books, PaymentService.webhookSecret(), Clock.systemUTC())
                        .decide(token, !decline);
                HttpResponse<String> answer = send(url, webhook);
                spec.commandLine().getOut().printf("webhook %s: HTTP %d %s%n", webhook.id(), answer.statusCode(),
                        answer.body() == null ? "" : answer.body());
                return answer.statusCode() < 300 ? 0 : 1;
            } catch (IOException e) {
                spec.commandLine().getErr().println("could not reach " + url + ": " + e.getMessage());
                return 1;
            }
        }
    }

    /** POSTs the webhook to the platform at {@code baseUrl} (its /webhooks/payments), as the provider would. */
    static HttpResponse<String> send(String baseUrl, SignedWebhook webhook) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/webhooks/payments"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(webhook.body()));
        if (webhook.id() != null) {
            request.header("webhook-id", webhook.id());
        }
        request.header("webhook-timestamp", webhook.timestamp()).header("webhook-signature", webhook.signature());
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
