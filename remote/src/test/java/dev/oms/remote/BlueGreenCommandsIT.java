package dev.oms.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller of a service under a blue/green release: the blue and green copies each answer with the route they read
 * (here set by hand), and the caller's calls follow it, by key, with green's unreachable calls going to blue.
 */
class BlueGreenCommandsIT {
    private static final RemoteCommands.Settings FAST =
            new RemoteCommands.Settings(Duration.ofMillis(500), 2, Duration.ofMillis(10), Duration.ofSeconds(5));

    interface Stock {
        String adjust(String sku, long delta);
    }

    private final AtomicReference<String> route = new AtomicReference<>("0 0");
    private final List<CommandServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(CommandServer::close);
    }

    private CommandServer copy(String color) {
        CommandServer server = CommandServer.start(0).serve(Stock.class, (sku, delta) -> color)
                .announcingReleaseRoute(route::get);
        servers.add(server);
        return server;
    }

    @Test
    void callsFollowTheRouteTheCopiesAnnounceKeyByKey() {
        Stock stock = RemoteCommands.split(Stock.class, "inventory", url(copy("blue")), url(copy("green")), FAST);

        assertThat(sides(stock, 30)).containsOnly("blue");

        announce(stock, "50 1");
        List<String> atFifty = sides(stock, 100);
        assertThat(atFifty.stream().filter("green"::equals).count()).isBetween(25L, 75L);
        assertThat(sides(stock, 100)).as("a key stays on its side").isEqualTo(atFifty);

        announce(stock, "100 2");
        assertThat(sides(stock, 30)).containsOnly("green");

        announce(stock, "0 3");
        assertThat(sides(stock, 30)).as("rolled back").containsOnly("blue");
    }

    @Test
    void anOlderRouteAnnouncedByALaggingCopyDoesNotWinOverANewerOne() {
        Stock stock = RemoteCommands.split(Stock.class, "inventory", url(copy("blue")), url(copy("green")), FAST);
        announce(stock, "100 5");

        announce(stock, "0 4");

        assertThat(sides(stock, 20)).containsOnly("green");
    }

    @Test
    void whenGreenCannotBeReachedItsCallsGoToBlue() {
        CommandServer green = copy("green");
        Stock stock = RemoteCommands.split(Stock.class, "inventory", url(copy("blue")), url(green), FAST);
        announce(stock, "100 1");
        green.close();

        assertThat(sides(stock, 20)).containsOnly("blue");
    }

    /** The copies now announce {@code newRoute}; one call lets the caller hear it. */
    private void announce(Stock stock, String newRoute) {
        route.set(newRoute);
        stock.adjust("SKU-learn", 1);
    }

    private static List<String> sides(Stock stock, int keys) {
        List<String> sides = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            sides.add(stock.adjust("SKU-" + i, 1));
        }
        return sides;
    }

    private static String url(CommandServer server) {
        return "http://127.0.0.1:" + server.port();
    }
}
