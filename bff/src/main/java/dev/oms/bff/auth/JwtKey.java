package dev.oms.bff.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 key that signs and checks bearer tokens. {@code OMS_JWT_SECRET} (base64, at least 256 bits) wins;
 * otherwise the key lives in {@code $OMS_HOME/jwt-signing.key} ({@code ~/.oms} by default), created with 256 random
 * bits and mode 0600 by whichever of {@code oms up} and {@code oms token} runs first. It is per user, not per data
 * dir, so a token minted without options works against any platform that user starts.
 */
public final class JwtKey {
    public static final String SECRET_ENV = "OMS_JWT_SECRET";
    public static final String HOME_ENV = "OMS_HOME";
    public static final String FILE_NAME = "jwt-signing.key";
    private static final int MIN_BYTES = 32;

    private final SecretKey secretKey;

    private JwtKey(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a JWT signing key needs at least " + MIN_BYTES + " bytes");
        }
        this.secretKey = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public static JwtKey of(byte[] bytes) {
        return new JwtKey(bytes.clone());
    }

    /** The key this user's platform uses: from the environment, or from (a new) key file. */
    public static JwtKey fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static JwtKey fromEnvironment(Map<String, String> env) {
        String secret = env.get(SECRET_ENV);
        if (secret != null && !secret.isBlank()) {
            return new JwtKey(decode(secret, SECRET_ENV));
        }
        return loadOrCreate(keyFile(env));
    }

    /** Where this user's key comes from: the environment variable, or the key file's path. */
    public static String source() {
        Map<String, String> env = System.getenv();
        String secret = env.get(SECRET_ENV);
        return secret != null && !secret.isBlank() ? SECRET_ENV : keyFile(env).toString();
    }

    /** Where the key file is, given the environment. */
    public static Path keyFile(Map<String, String> env) {
        String home = env.get(HOME_ENV);
        Path dir = home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".oms") : Path.of(home);
        return dir.resolve(FILE_NAME);
    }

    /** Reads the key file, first creating it if it is missing; two processes racing to create it agree on one key. */
    public static JwtKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return new JwtKey(decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT signing key " + file, e);
        }
    }

    SecretKey secretKey() {
        return secretKey;
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir, ownerOnly("rwx------"));
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        Path draft = Files.createTempFile(dir, FILE_NAME, ".new", ownerOnly("rw-------"));
        try {
            Files.writeString(draft, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            publish(draft, file);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** Links the complete draft in place; a link fails if another process got there first, whose key then stands. */
    private static void publish(Path draft, Path file) throws IOException {
        try {
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException e) {
            // the other process's key is the one
        } catch (UnsupportedOperationException e) {
            try {
                Files.move(draft, file);
            } catch (FileAlreadyExistsException again) {
                // the other process's key is the one
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
        return new FileAttribute<?>[] {mode};
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not base64");
        }
    }
}
