package dev.oms.remote;

import dev.oms.contracts.Idempotent;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's command interface, implemented by calls to its {@link CommandServer}. Every call has a deadline; one
 * marked {@link Idempotent} is tried again (with the same arguments, so the same idempotency key) after a timeout or
 * a lost connection; and a circuit breaker per service stops calling a service that keeps failing, for a while. A
 * service that cannot answer in time is a {@link ServiceUnavailableException}, never a hang.
 */
public final class RemoteCommands {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How patient the client is. */
    public record Settings(Duration deadline, int attempts, Duration backoff, Duration openFor) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), 3, Duration.ofMillis(100), Duration.ofSeconds(5));
        }
    }

    private RemoteCommands() {}

    /** {@code api} as served by {@code service} at {@code baseUrl} (e.g. http://cart:8082). */
    public static <T> T client(Class<T> api, String service, String baseUrl, Settings settings) {
        return client(api, service, baseUrl, settings, headers -> { });
    }

    /**
     * {@code api} as served by the blue copies of {@code service} at {@code blueUrl} and its green ones at {@code greenUrl}
     * during a blue/green release: each call goes to the side the service's route gives its key
     * ({@link ReleaseRouting}); a call green cannot take at all (refused, circuit open) goes to blue.
     */
    public static <T> T split(Class<T> api, String service, String blueUrl, String greenUrl, Settings settings) {
        ReleaseRouting routing = new ReleaseRouting();
        T blue = client(api, service, blueUrl, settings, routing::learn);
        T green = client(api, service + "-green", greenUrl, settings, routing::learn);
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(self, method, args, service + " (blue/green)");
            }
            try {
                if (routing.toGreen(args)) {
                    try {
                        return method.invoke(green, args);
                    } catch (InvocationTargetException e) {
                        if (!(e.getCause() instanceof ServiceUnavailableException down && ReleaseRouting.neverReached(down))) {
                            throw e;
                        }
                    }
                }
                return method.invoke(blue, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return api.cast(proxy);
    }

    private static <T> T client(Class<T> api, String service, String baseUrl, Settings settings,
                                Consumer<HttpHeaders> answered) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.deadline()).build();
        CircuitBreaker breaker = CircuitBreaker.of(service, CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(settings.openFor())
                .recordExceptions(UncheckedIo.class, ServerFailed.class)
                .build());
        Retry retry = Retry.of(service, RetryConfig.custom().maxAttempts(settings.attempts())
                .waitDuration(settings.backoff()).retryExceptions(UncheckedIo.class).build());
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(self, method, args, service);
            }
            String url = baseUrl + CommandServer.PREFIX + api.getSimpleName() + "/" + method.getName();
            Supplier<Object> call = () -> send(http, url, method, args == null ? new Object[0] : args, settings, answered);
            Supplier<Object> guarded = CircuitBreaker.decorateSupplier(breaker,
                    method.isAnnotationPresent(Idempotent.class) ? Retry.decorateSupplier(retry, call) : call);
            try {
                return guarded.get();
            } catch (CallNotPermittedException e) {
                throw new ServiceUnavailableException(service, service + " is failing; not called for a while", e);
            } catch (UncheckedIo | ServerFailed e) {
                throw new ServiceUnavailableException(service, service + " did not answer: " + e.getMessage(), e);
            }
        });
        return api.cast(proxy);
    }

    private static Object send(HttpClient http, String url, Method method, Object[] args, Settings settings,
                               Consumer<HttpHeaders> answered) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(settings.deadline())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(args)));
        // the service's work joins the caller's trace (W3C traceparent), as messages do through Kafka headers
        W3CTraceContextPropagator.getInstance().inject(Context.current(), builder, HttpRequest.Builder::header);
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIo(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIo(new IOException("interrupted", e));
        }
        answered.accept(response.headers());
        if (response.statusCode() != 200) {
            throw new ServerFailed("HTTP " + response.statusCode() + " from " + url);
        }
        return JSON.readValue(response.body(), JSON.getTypeFactory().constructType(method.getGenericReturnType()));
    }

    private static Object objectMethod(Object self, Method method, Object[] args, String service) {
        return switch (method.getName()) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            default -> "remote " + service;
        };
    }

    /** An I/O failure on the way (connection refused or reset, deadline passed); retried for idempotent calls. */
    private static final class UncheckedIo extends RuntimeException {
        UncheckedIo(IOException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    /** The service answered, but with a failure of its own. */
    private static final class ServerFailed extends RuntimeException {
        ServerFailed(String message) {
            super(message);
        }
    }
}
