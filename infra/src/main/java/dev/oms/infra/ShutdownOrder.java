package dev.oms.infra;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The JVM runs shutdown hooks concurrently, so on SIGTERM the embedded PostgreSQL and Kafka would stop while the
 * services on them still work, and every job would log lost connections. An application that stops its services
 * in its own hook declares that here; the infrastructure's hooks then wait for it (at most a while) before stopping.
 */
public final class ShutdownOrder {
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final CountDownLatch USERS_STOPPED = new CountDownLatch(1);
    private static volatile boolean usersDeclared;

    private ShutdownOrder() {}

    /** Called by an application whose shutdown hook stops what runs on the infrastructure. */
    public static void infrastructureUsersStopInTheirOwnHook() {
        usersDeclared = true;
    }

    /** Called by that hook once everything on the infrastructure has stopped. */
    public static void infrastructureUsersStopped() {
        USERS_STOPPED.countDown();
    }

    static void awaitInfrastructureUsers() {
        if (!usersDeclared) {
            return;
        }
        try {
            USERS_STOPPED.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
