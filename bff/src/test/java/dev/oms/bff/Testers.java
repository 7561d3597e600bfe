package dev.oms.bff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Ways to call the test BFF: a GraphQL tester with a caller's token, or raw HTTP for what GraphQL never sees. */
final class Testers {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Testers() {}

    /** The tester, sending {@code token} as a bearer token (null: anonymous). */
    static HttpGraphQlTester as(HttpGraphQlTester tester, String token) {
        HttpGraphQlTester patient = tester.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        return token == null ? patient : patient.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    /** POSTs {@code body} as JSON to /graphql with an optional bearer token. */
    static HttpResponse<String> post(int port, String token, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(int port, String token, String json) throws Exception {
        return post(port, token, HttpRequest.BodyPublishers.ofString(json));
    }
}
