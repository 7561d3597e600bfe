package dev.oms.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockItem;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageTypesTest {

    @Test
    void roundTripsAPayloadByItsTypeName() {
        ReserveStock command = ReserveStock.newBuilder()
                .setOrderId("o-1")
                .addItems(StockItem.newBuilder().setSku("SKU-0001").setQuantity(2))
                .build();

        String type = MessageTypes.typeOf(command);

        assertThat(type).isEqualTo("oms.inventory.v1.ReserveStock");
        assertThat(MessageTypes.schemaVersionOf(type)).isEqualTo(1);
        assertThat(MessageTypes.parse(type, command.toByteArray())).isEqualTo(command);
    }

    @Test
    void refusesUnknownTypesAndGarbage() {
        assertThatThrownBy(() -> MessageTypes.parse("oms.nope.v1.Nothing", new byte[0]))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("unknown message type");
        assertThatThrownBy(() -> MessageTypes.parse("oms.inventory.v1.ReserveStock", new byte[] {(byte) 0xff, 1}))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void envelopeSurvivesHeaders() {
        Envelope envelope = new Envelope(UUID.randomUUID(), "oms.inventory.v1.ReserveStock", 1, "order-1",
                UUID.randomUUID(), "saga-1", Instant.parse("2026-11-26T10:15:30.123Z"), null, "order");

        Envelope back = Envelope.fromHeaders(envelope.toHeaders()::get);

        assertThat(back).isEqualTo(envelope);
    }

    @Test
    void envelopeWithoutRequiredHeaderIsMalformed() {
        var headers = new java.util.HashMap<>(new Envelope(UUID.randomUUID(), "t", 1, "c", null, null,
                Instant.now(), null, "p").toHeaders());
        headers.remove(Envelope.MESSAGE_ID);

        assertThatThrownBy(() -> Envelope.fromHeaders(headers::get))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("message_id");
    }
}
