package dev.oms.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback TCP port helpers. */
public final class Ports {

    private Ports() {
    }

    /** A port on 127.0.0.1 that was free a moment ago (another process may still grab it before use). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /**
     * A port from which {@code count} consecutive ports, and the {@code count} from {@code port + offset}, were all free
     * a moment ago (for a local cluster whose nodes take consecutive ports).
     */
    public static int freeRange(int count, int offset) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(30000);
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                free = isFree(base + i) && isFree(base + offset + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no range of " + count + " free ports on 127.0.0.1");
    }

    /** A free port other than {@code taken}. */
    static int freePortOtherThan(int taken) {
        int port = freePort();
        while (port == taken) {
            port = freePort();
        }
        return port;
    }

    /** True when nothing listens on 127.0.0.1:port right now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
