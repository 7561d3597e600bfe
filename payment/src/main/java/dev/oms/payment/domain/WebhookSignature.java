package dev.oms.payment.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of provider webhooks as the Standard Webhooks specification has them: the secret is {@code whsec_} and
 * the key in base64; a message {@code <id>.<timestamp>.<body>} is signed with HMAC-SHA256 and sent as
 * {@code v1,<base64 signature>} (several, space-separated, while a secret is being rotated). A message is accepted
 * when one of its signatures matches and its timestamp is within the tolerance of now, either way: an old message
 * replayed, or one from a clock far ahead, is refused.
 */
public final class WebhookSignature {
    public static final String PREFIX = "whsec_";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    public WebhookSignature(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        this.key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /** Why a message was refused, or OK. */
    public enum Verdict { OK, MALFORMED, STALE, BAD_SIGNATURE }

    public String sign(String id, long timestamp, String body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id + "." + timestamp + "." + body));
    }

    public Verdict verify(String id, String timestamp, String signatures, String body, Instant now) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null || body == null) {
            return Verdict.MALFORMED;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - sent) > TOLERANCE.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] expected = mac(id + "." + sent + "." + body);
        for (String signature : signatures.trim().split(" ")) {
            int comma = signature.indexOf(',');
            if (comma > 0 && signature.substring(0, comma).equals("v1")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(signature.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return Verdict.OK;
                }
            }
        }
        return Verdict.BAD_SIGNATURE;
    }

    private byte[] mac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
