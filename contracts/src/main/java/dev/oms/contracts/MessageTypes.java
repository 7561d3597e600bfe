package dev.oms.contracts;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.oms.contracts.cart.v1.CartEvents;
import dev.oms.contracts.fulfillment.v1.FulfillmentCommands;
import dev.oms.contracts.fulfillment.v1.FulfillmentEvents;
import dev.oms.contracts.inventory.v1.InventoryCommands;
import dev.oms.contracts.inventory.v1.InventoryEvents;
import dev.oms.contracts.notification.v1.NotificationCommands;
import dev.oms.contracts.notification.v1.NotificationEvents;
import dev.oms.contracts.order.v1.OrderEvents;
import dev.oms.contracts.payment.v1.PaymentCommands;
import dev.oms.contracts.payment.v1.PaymentEvents;
import dev.oms.contracts.platform.v1.DeadLetter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every message type on the bus, by its type name: the Protobuf full name, e.g.
 * {@code oms.inventory.v1.ReserveStock}. The schema version is the package's version suffix.
 */
public final class MessageTypes {
    private static final Pattern VERSION = Pattern.compile("\\.v(\\d+)\\.");
    private static final Map<String, Descriptor> DESCRIPTORS = Stream.of(
                    CartEvents.getDescriptor(),
                    InventoryCommands.getDescriptor(),
                    InventoryEvents.getDescriptor(),
                    PaymentCommands.getDescriptor(),
                    PaymentEvents.getDescriptor(),
                    FulfillmentCommands.getDescriptor(),
                    FulfillmentEvents.getDescriptor(),
                    NotificationCommands.getDescriptor(),
                    NotificationEvents.getDescriptor(),
                    OrderEvents.getDescriptor(),
                    dev.oms.contracts.inventory.v2.InventoryEvents.getDescriptor(),
                    DeadLetter.getDescriptor())
            .map(FileDescriptor::getMessageTypes)
            .flatMap(List::stream)
            .collect(Collectors.toUnmodifiableMap(Descriptor::getFullName, d -> d));
    private static final Map<String, Parser<? extends Message>> PARSERS = DESCRIPTORS.values().stream()
            .collect(Collectors.toUnmodifiableMap(Descriptor::getFullName, MessageTypes::parserOf));

    private MessageTypes() {}

    public static String typeOf(Message message) {
        return message.getDescriptorForType().getFullName();
    }

    public static int schemaVersionOf(String type) {
        Matcher m = VERSION.matcher(type);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    public static boolean isKnown(String type) {
        return PARSERS.containsKey(type);
    }

    /** Every type this build knows, by name. */
    public static java.util.Set<String> all() {
        return DESCRIPTORS.keySet();
    }

    /** The type without its version: {@code oms.inventory.v2.StockReserved} is of family {@code oms.inventory.StockReserved}. */
    public static String familyOf(String type) {
        return VERSION.matcher(type).replaceFirst(".");
    }

    /**
     * A fingerprint of the type's schema as this build compiled it: SHA-256 over its descriptor and those of the
     * message types it uses, so that any change to a field the type carries changes it.
     */
    public static String fingerprintOf(String type) {
        return FINGERPRINTS.computeIfAbsent(type, MessageTypes::computeFingerprint);
    }

    private static final Map<String, String> FINGERPRINTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String computeFingerprint(String type) {
        Descriptor descriptor = DESCRIPTORS.get(type);
        if (descriptor == null) {
            throw new MalformedMessageException("unknown message type " + type, null);
        }
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            digest(descriptor, sha, new java.util.HashSet<>());
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The serialized descriptor of the type (a DescriptorProto), as a schema registry keeps it. */
    public static byte[] descriptorOf(String type) {
        Descriptor descriptor = DESCRIPTORS.get(type);
        if (descriptor == null) {
            throw new MalformedMessageException("unknown message type " + type, null);
        }
        return descriptor.toProto().toByteArray();
    }

    private static void digest(Descriptor descriptor, java.security.MessageDigest sha, java.util.Set<String> seen) {
        if (!seen.add(descriptor.getFullName())) {
            return;
        }
        sha.update(descriptor.toProto().toByteArray());
        for (com.google.protobuf.Descriptors.FieldDescriptor field : descriptor.getFields()) {
            if (field.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
                digest(field.getMessageType(), sha, seen);
            }
        }
    }

    /** Parses a payload into its generated class; unknown types and bad bytes are {@link MalformedMessageException}. */
    public static Message parse(String type, byte[] payload) {
        Parser<? extends Message> parser = PARSERS.get(type);
        if (parser == null) {
            throw new MalformedMessageException("unknown message type " + type, null);
        }
        try {
            return parser.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedMessageException("cannot parse " + type + ": " + e.getMessage(), e);
        }
    }

    private static Parser<? extends Message> parserOf(Descriptor descriptor) {
        String javaPackage = descriptor.getFile().getOptions().getJavaPackage();
        try {
            Class<?> generated = Class.forName(javaPackage + "." + descriptor.getName());
            @SuppressWarnings("unchecked")
            Parser<? extends Message> parser = (Parser<? extends Message>) generated.getMethod("parser").invoke(null);
            return parser;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no generated class for " + descriptor.getFullName(), e);
        }
    }
}
