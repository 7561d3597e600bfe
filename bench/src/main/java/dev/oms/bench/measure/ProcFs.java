package dev.oms.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Linux's /proc, for the CPU time and memory of processes; every read is empty where /proc cannot tell. */
final class ProcFs {
    /** USER_HZ: the unit of the CPU times in /proc/PID/stat, 100 on every Linux the bench runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC = Path.of("/proc");

    private ProcFs() {}

    /** A process's command name, parent and CPU seconds (its own, and its reaped children's). */
    record Stat(String command, long parent, double cpuSeconds, double childrenCpuSeconds) {}

    static Optional<Stat> stat(long pid) {
        return statAt(PROC.resolve(pid + "/stat"));
    }

    private static Optional<Stat> statAt(Path file) {
        try {
            String line = Files.readString(file);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] fields = line.substring(close + 2).split(" ");
            // fields[0] is field 3 of proc(5): state; then ppid, ..., utime (14), stime, cutime, cstime (17)
            return Optional.of(new Stat(line.substring(open + 1, close), Long.parseLong(fields[1]),
                    (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND,
                    (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every thread of this process, with its name as the kernel knows it (at most 15 characters). */
    static List<Stat> threadsOfSelf() {
        List<Stat> threads = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(PROC.resolve("self/task"))) {
            tasks.forEach(task -> statAt(task.resolve("stat")).ifPresent(threads::add));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return threads;
    }

    /** The processes whose parent is {@code parent}: from its children file, else by reading every process's stat. */
    static List<Long> children(long parent) {
        try {
            String listed = Files.readString(PROC.resolve(parent + "/task/" + parent + "/children")).trim();
            return listed.isEmpty() ? List.of() : Stream.of(listed.split(" ")).map(Long::parseLong).toList();
        } catch (IOException | RuntimeException e) {
            return childrenByScan(parent);
        }
    }

    private static List<Long> childrenByScan(long parent) {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .forEach(pid -> stat(pid).filter(s -> s.parent() == parent).ifPresent(s -> children.add(pid)));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return children;
    }

    /** A field of /proc/PID/status in KiB, e.g. VmHWM (peak resident set). */
    static OptionalLong statusKib(String pid, String field) {
        return kibField(PROC.resolve(pid + "/status"), field);
    }

    /**
     * The proportional set size in KiB: resident memory with each shared page split among the processes sharing it,
     * so that Postgres's shared buffers count once across its backends, not once per backend.
     */
    static OptionalLong pssKib(long pid) {
        return kibField(PROC.resolve(pid + "/smaps_rollup"), "Pss");
    }

    private static OptionalLong kibField(Path file, String field) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(field + ":")).findFirst()
                    .map(line -> OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", ""))))
                    .orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
