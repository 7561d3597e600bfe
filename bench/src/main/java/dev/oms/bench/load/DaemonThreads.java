package dev.oms.bench.load;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Thread pools of the load driver: daemon threads, so that a bench never keeps the JVM from exiting. */
final class DaemonThreads {
    private DaemonThreads() {}

    static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
