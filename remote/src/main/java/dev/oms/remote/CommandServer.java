package dev.oms.remote;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves a service's command interfaces over HTTP/JSON: {@code POST /commands/<Interface>/<method>} with the
 * arguments as a JSON array answers 200 and the result as JSON. The interfaces already report bad input as values
 * (user errors), so a call that throws is the service's fault: 500 with no detail, the cause in the log. A path or a
 * body that does not fit is 400 or 404.
 */
public final class CommandServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommandServer.class);
    private static final TextMapPropagator TRACE = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return headers.keySet();
        }

        @Override
        public String get(Headers headers, String key) {
            return headers == null ? null : headers.getFirst(key);
        }
    };
    static final String PREFIX = "/commands/";

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "commands");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Bound> bound = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Supplier<String> releaseRoute = () -> null;

    private record Bound(Object target, Map<String, Method> methods) {}

    private CommandServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 64);
        server.setExecutor(workers);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** Listens on {@code port} (0: any free port). */
    public static CommandServer start(int port) {
        try {
            return new CommandServer(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for commands on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Serves {@code implementation}'s methods of {@code api} under {@code /commands/<api's simple name>/}. */
    public <T> CommandServer serve(Class<T> api, T implementation) {
        Map<String, Method> methods = new ConcurrentHashMap<>();
        for (Method method : api.getMethods()) {
            if (methods.put(method.getName(), method) != null) {
                throw new IllegalArgumentException(api + " overloads " + method.getName() + ": not servable by name");
            }
        }
        bound.put(api.getSimpleName(), new Bound(implementation, methods));
        return this;
    }

    /**
     * Announces the service's blue/green release route on every answer ({@code "<green %> <version>"}, or null for
     * none), so that callers split their calls as the route says.
     */
    public CommandServer announcingReleaseRoute(Supplier<String> route) {
        releaseRoute = route;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = releaseRoute.get();
            if (route != null) {
                exchange.getResponseHeaders().set(ReleaseRouting.HEADER, route);
            }
            String[] path = exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/");
            Bound target = path.length == 2 ? bound.get(path[0]) : null;
            Method method = target == null ? null : target.methods().get(path[1]);
            if (method == null) {
                send(exchange, 404, "{\"error\":\"no such command\"}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":\"POST a JSON array of arguments\"}");
                return;
            }
            Object[] arguments;
            try {
                arguments = arguments(method, json.readTree(exchange.getRequestBody()));
            } catch (JacksonException | IllegalArgumentException e) {
                send(exchange, 400, "{\"error\":\"the arguments do not fit " + method.getName() + "\"}");
                return;
            }
            Object result;
            // the caller's trace goes on here: what the command does (and emits) is part of it
            try (Scope traced = TRACE.extract(Context.root(), exchange.getRequestHeaders(), HEADERS).makeCurrent()) {
                result = method.invoke(target.target(), arguments);
            } catch (InvocationTargetException e) {
                log.error("command {}.{} failed", path[0], path[1], e.getCause());
                send(exchange, 500, "{\"error\":\"the command failed\"}");
                return;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            send(exchange, 200, json.writeValueAsString(result));
        }
    }

    private Object[] arguments(Method method, JsonNode body) {
        Type[] types = method.getGenericParameterTypes();
        if (!body.isArray() || body.size() != types.length) {
            throw new IllegalArgumentException("expected " + types.length + " arguments");
        }
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = json.treeToValue(body.get(i), json.getTypeFactory().constructType(types[i]));
        }
        return arguments;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        HttpResponses.send(exchange, status, "application/json", body);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
