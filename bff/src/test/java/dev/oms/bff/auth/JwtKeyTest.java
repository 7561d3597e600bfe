package dev.oms.bff.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeyTest {

    @Test
    void createsAKeyFileReadableByItsOwnerOnlyAndReusesIt(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of(JwtKey.HOME_ENV, home.resolve("oms").toString());

        JwtKey first = JwtKey.fromEnvironment(env);
        JwtKey again = JwtKey.fromEnvironment(env);

        Path file = home.resolve("oms").resolve(JwtKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        assertThat(again.secretKey().getEncoded()).isEqualTo(first.secretKey().getEncoded());
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void letsTokensMintedByOneProcessBeCheckedByAnotherOnTheSameFile(@TempDir Path home) {
        Map<String, String> env = Map.of(JwtKey.HOME_ENV, home.toString());
        String token = Tokens.issue(JwtKey.fromEnvironment(env), "alice", Role.CUSTOMER, Duration.ofMinutes(5));

        assertThat(Tokens.decoder(JwtKey.fromEnvironment(env)).decode(token).getSubject()).isEqualTo("alice");
    }

    @Test
    void agreesOnOneKeyWhenProcessesCreateItAtOnce(@TempDir Path home) throws Exception {
        Path file = home.resolve(JwtKey.FILE_NAME);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<byte[]> load = () -> JwtKey.loadOrCreate(file).secretKey().getEncoded();
            List<Future<byte[]>> keys = pool.invokeAll(List.of(load, load, load, load, load, load, load, load));
            byte[] first = keys.get(0).get();
            for (Future<byte[]> key : keys) {
                assertThat(key.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.list(home)).containsExactly(file);
    }

    @Test
    void takesTheSecretFromTheEnvironmentBeforeAnyFile(@TempDir Path home) {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();
        Map<String, String> env = Map.of(JwtKey.SECRET_ENV, Base64.getEncoder().encodeToString(secret),
                JwtKey.HOME_ENV, home.toString());

        assertThat(JwtKey.fromEnvironment(env).secretKey().getEncoded()).isEqualTo(secret);
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void refusesASecretShorterThan256Bits() {
        Map<String, String> env = Map.of(JwtKey.SECRET_ENV, Base64.getEncoder().encodeToString(new byte[31]));

        assertThatThrownBy(() -> JwtKey.fromEnvironment(env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
