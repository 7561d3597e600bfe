package dev.oms.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves the CI gate bites: a copy of the contracts with a deliberately breaking edit fails
 * {@code buf breaking} against the released contract set, with buf's message. Needs buf from npm
 * ({@code npm ci} at the project root, which .ci/run does); without it the test is skipped.
 */
class BreakingChangeGateIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BUF = ROOT.resolve("node_modules/.bin/buf");
    private static final Path PROTO = ROOT.resolve("contracts/src/main/proto");
    private static final Path RELEASED = ROOT.resolve("contracts/released/oms-contracts-0.1.0.binpb");
    private static final Path COMMANDS = Path.of("oms/inventory/v1/inventory_commands.proto");

    @Test
    void theContractsAsTheyAreBreakNothing(@TempDir Path copy) throws Exception {
        assertThat(breaking(copyOf(copy)).exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a changed field type         | int32 quantity = 2;  | string quantity = 2;  | changed type",
            "a reused field number        | int32 quantity = 2;  | int32 quantity = 1;   | ",
            "a removed field not reserved | int32 quantity = 2;  | ''                    | deleted"})
    void aBreakingEditFailsTheGate(String edit, String from, String to, String message, @TempDir Path copy) throws Exception {
        Path module = copyOf(copy);
        Path file = module.resolve(COMMANDS);
        String proto = Files.readString(file);
        assertThat(proto).contains(from);
        Files.writeString(file, proto.replaceFirst(java.util.regex.Pattern.quote(from), to));

        Result result = breaking(module);

        assertThat(result.exitCode()).as(edit).isNotZero();
        if (message != null) {
            assertThat(result.output()).containsIgnoringCase(message);
        }
    }

    private static Path copyOf(Path target) throws IOException {
        assumeTrue(Files.isExecutable(BUF), "buf is not installed (run npm ci at the project root)");
        try (Stream<Path> files = Files.walk(PROTO)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(PROTO.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        Files.writeString(target.resolve("buf.yaml"), "version: v2\nbreaking:\n  use:\n    - FILE\n");
        return target;
    }

    private static Result breaking(Path module) throws Exception {
        Process buf = new ProcessBuilder(List.of(BUF.toString(), "breaking", module.toString(),
                "--against", RELEASED.toString())).redirectErrorStream(true).start();
        String output = new String(buf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(buf.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(buf.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
