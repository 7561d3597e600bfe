package dev.oms.bench.measure;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Postgres server's processes on this machine, found from a backend's parent (the postmaster): their CPU time,
 * counting backends that have exited (the postmaster reaped them), and their memory. Empty when the database is
 * not on this machine's loopback.
 */
public final class PostgresProcesses {
    private final long postmaster;

    private PostgresProcesses(long postmaster) {
        this.postmaster = postmaster;
    }

    public static Optional<PostgresProcesses> of(BenchDatabase database) {
        long backend = database.query("""
                SELECT pg_backend_pid() FROM (SELECT inet_server_addr() AS addr) server
                WHERE addr IS NULL OR host(addr) IN ('127.0.0.1', '::1')""", rows -> rows.next() ? rows.getLong(1) : -1L);
        if (backend < 0) {
            return Optional.empty();
        }
        return ProcFs.stat(backend).map(ProcFs.Stat::parent)
                .filter(pid -> ProcFs.stat(pid).map(parent -> parent.command().startsWith("postgres")).orElse(false))
                .map(PostgresProcesses::new);
    }

    /** CPU seconds used so far by the server, its living processes and the exited ones. */
    public double cpuSeconds() {
        double total = ProcFs.stat(postmaster).map(s -> s.cpuSeconds() + s.childrenCpuSeconds()).orElse(0.0);
        for (long child : ProcFs.children(postmaster)) {
            total += ProcFs.stat(child).map(ProcFs.Stat::cpuSeconds).orElse(0.0);
        }
        return total;
    }

    /** Resident memory of all the server's processes now, shared pages counted once (KiB). */
    public OptionalLong pssKib() {
        List<Long> children = ProcFs.children(postmaster);
        OptionalLong own = ProcFs.pssKib(postmaster);
        if (own.isEmpty()) {
            return OptionalLong.empty();
        }
        long total = own.getAsLong();
        for (long child : children) {
            total += ProcFs.pssKib(child).orElse(0);
        }
        return OptionalLong.of(total);
    }
}
