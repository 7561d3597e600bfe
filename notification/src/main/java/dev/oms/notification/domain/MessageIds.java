package dev.oms.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Identities derived from a dedup key, so that every attempt at one notification carries the same ones. */
public final class MessageIds {
    private MessageIds() {}

    /** The notification's id: the same for every delivery of the command, whichever attempt records it. */
    public static String notificationId(String dedupKey) {
        return UUID.nameUUIDFromBytes(("notification:" + dedupKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The left part of the email's Message-ID: {@code <key@sender-domain>}. 32 hex digits of SHA-256. */
    public static String messageKey(String dedupKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
            return "oms." + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The Message-ID header value for a sender address such as {@code shop@example.com}. */
    public static String messageId(String dedupKey, String fromAddress) {
        int at = fromAddress.lastIndexOf('@');
        String domain = at < 0 || at == fromAddress.length() - 1 ? "oms.invalid" : fromAddress.substring(at + 1);
        return "<" + messageKey(dedupKey) + "@" + domain + ">";
    }
}
