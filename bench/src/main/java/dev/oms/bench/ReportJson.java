package dev.oms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The report as JSON, for scripts: {@code jq .sagasPerSecond}. */
public final class ReportJson {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ReportJson() {}

    public static String render(BenchReport report) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    public static void write(BenchReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(report) + "\n");
    }
}
