package dev.oms.bench.load;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A progress bar on a terminal (redrawn in place a few times a second), or a plain line every few seconds when the
 * output goes to a file or a pipe.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;

    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows {@code done} of {@code total} with a detail line until the returned handle is closed. */
    public Shown show(String label, long total, LongSupplier done, Supplier<String> detail) {
        return new Shown(label, total, done, detail);
    }

    public final class Shown implements AutoCloseable {
        private final String label;
        private final long total;
        private final LongSupplier done;
        private final Supplier<String> detail;
        private final long startedNanos = System.nanoTime();
        private final Thread thread;
        private volatile boolean running = true;

        private Shown(String label, long total, LongSupplier done, Supplier<String> detail) {
            this.label = label;
            this.total = Math.max(1, total);
            this.done = done;
            this.detail = detail;
            this.thread = new Thread(this::loop, "bench-progress");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            long every = terminal ? TimeUnit.MILLISECONDS.toNanos(250) : TimeUnit.SECONDS.toNanos(5);
            while (running) {
                LockSupport.parkNanos(every);
                if (running) {
                    draw(false);
                }
            }
        }

        private synchronized void draw(boolean last) {
            long now = Math.min(done.getAsLong(), total);
            int filled = (int) (WIDTH * now / total);
            String line = String.format("%-9s [%s%s] %3d%% %d/%d %5.1fs  %s", label, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), 100 * now / total, now, total,
                    (System.nanoTime() - startedNanos) / 1e9, detail.get());
            if (terminal) {
                out.print("\r" + line + "\033[K" + (last ? "\n" : ""));
            } else {
                out.println(line);
            }
            out.flush();
        }

        @Override
        public void close() {
            running = false;
            LockSupport.unpark(thread);
            try {
                thread.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            draw(true);
        }
    }
}
