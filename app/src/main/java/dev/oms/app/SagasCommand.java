package dev.oms.app;

import dev.oms.bff.auth.JwtKey;
import dev.oms.bff.auth.Role;
import dev.oms.bff.auth.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code oms sagas list|retry|compensate}: an operator's hand on sagas, through the GraphQL API of a running platform. */
@Command(name = "sagas", mixinStandardHelpOptions = true,
        description = "Lists sagas by status and age, retries or compensates one. Talks to a running platform.",
        subcommands = {SagasCommand.ListSagas.class, SagasCommand.Retry.class, SagasCommand.Compensate.class})
final class SagasCommand implements Runnable {

    @Option(names = "--target", defaultValue = "http://127.0.0.1:8080/graphql",
            description = "The platform's GraphQL endpoint (default: ${DEFAULT-VALUE}).", scope = picocli.CommandLine.ScopeType.INHERIT)
    String target;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists sagas, newest first.")
    static final class ListSagas implements Callable<Integer> {
        @ParentCommand
        SagasCommand parent;

        @Option(names = "--status", description = "RUNNING, COMPENSATING, COMPLETED, COMPENSATED or COMPENSATION_FAILED.")
        String status;

        @Option(names = "--older-than", paramLabel = "SECONDS", description = "Only sagas that have not moved for this long.")
        Integer olderThanSeconds;

        @Option(names = "--first", defaultValue = "50", description = "How many (at most 100; default: ${DEFAULT-VALUE}).")
        int first;

        @Override
        public Integer call() {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("first", first);
            variables.put("status", status == null ? null : status.toUpperCase(java.util.Locale.ROOT));
            variables.put("older", olderThanSeconds);
            JsonNode data = parent.call("""
                    query($first: Int, $status: SagaStatus, $older: Int) {
                      sagas(first: $first, status: $status, olderThanSeconds: $older) {
                        totalCount edges { node { id type status orderId updatedAt
                          steps { name status attempts error } } } } }""", variables);
            if (data == null) {
                return 1;
            }
            JsonNode sagas = data.get("sagas");
            System.out.printf("%-36s  %-12s  %-20s  %-36s  %s%n", "SAGA", "TYPE", "STATUS", "ORDER", "WAITING ON");
            for (JsonNode edge : sagas.get("edges")) {
                JsonNode saga = edge.get("node");
                System.out.printf("%-36s  %-12s  %-20s  %-36s  %s%n", saga.get("id").asText(), saga.get("type").asText(),
                        saga.get("status").asText(), saga.path("orderId").asText(""), waitingOn(saga));
            }
            System.out.println(sagas.get("totalCount").asInt() + " saga(s)");
            return 0;
        }

        private static String waitingOn(JsonNode saga) {
            for (JsonNode step : saga.get("steps")) {
                String status = step.get("status").asText();
                if (status.equals("RUNNING") || status.equals("COMPENSATING")) {
                    String error = step.path("error").asText("");
                    return step.get("name").asText() + " (" + status.toLowerCase(java.util.Locale.ROOT) + ", attempt "
                            + step.get("attempts").asInt() + (error.isEmpty() ? "" : ", " + error) + ")";
                }
            }
            return "";
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Sends what the saga waits for again now, with a fresh retry budget; reopens a failed compensation.")
    static final class Retry implements Callable<Integer> {
        @ParentCommand
        SagasCommand parent;

        @Parameters(paramLabel = "SAGA_ID")
        String sagaId;

        @Override
        public Integer call() {
            return parent.act("sagaRetry", sagaId);
        }
    }

    @Command(name = "compensate", mixinStandardHelpOptions = true,
            description = "Undoes a running saga that has not passed its pivot, in reverse order; with the pivot in flight,"
                    + " once it answers.")
    static final class Compensate implements Callable<Integer> {
        @ParentCommand
        SagasCommand parent;

        @Parameters(paramLabel = "SAGA_ID")
        String sagaId;

        @Override
        public Integer call() {
            return parent.act("sagaCompensate", sagaId);
        }
    }

    int act(String mutation, String sagaId) {
        JsonNode data = call("mutation($id: ID!) { " + mutation
                        + "(id: $id) { status compensationPending userErrors { code message } } }",
                Map.of("id", sagaId));
        if (data == null) {
            return 1;
        }
        JsonNode payload = data.get(mutation);
        if (!payload.get("userErrors").isEmpty()) {
            JsonNode error = payload.get("userErrors").get(0);
            System.err.println("oms: " + error.get("code").asText() + ": " + error.get("message").asText());
            return 1;
        }
        System.out.println(sagaId + " " + payload.get("status").asText() + (payload.path("compensationPending").asBoolean()
                ? " (compensation pending: the pivot is in flight; it runs once the pivot answers)" : ""));
        return 0;
    }

    /** Runs a GraphQL operation as an operator; prints the problem and returns null when it failed. */
    JsonNode call(String query, Map<String, Object> variables) {
        String token = Tokens.issue(JwtKey.fromEnvironment(), "operator", Role.OPS, Duration.ofMinutes(5));
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body());
            if (answer.has("errors") && !answer.get("errors").isEmpty()) {
                System.err.println("oms: " + answer.get("errors").get(0).path("message").asText("request failed"));
                return null;
            }
            return answer.get("data");
        } catch (IOException e) {
            System.err.println("oms: cannot reach " + target + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
