package dev.oms.bench.jmh;

import com.google.protobuf.Message;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.saga.SagaDataCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Protobuf on the hot path: the event that starts a saga, a command it sends (written by the outbox, parsed by the
 * participant's consumer through the type registry) and the saga data stored with every transition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProtobufBenchmark {
    private static final String CHECKOUT_TYPE = MessageTypes.typeOf(CheckoutCompleted.getDefaultInstance());
    private static final String RESERVE_TYPE = MessageTypes.typeOf(ReserveStock.getDefaultInstance());
    private static final SagaDataCodec<PlaceOrderSagaData> CODEC = SagaDataCodec.protobuf(PlaceOrderSagaData.parser());

    private final CheckoutCompleted checkout = TypicalMessages.checkoutCompleted();
    private final byte[] checkoutBytes = checkout.toByteArray();
    private final ReserveStock reserveStock = TypicalMessages.reserveStock();
    private final byte[] reserveStockBytes = reserveStock.toByteArray();
    private final PlaceOrderSagaData sagaData = TypicalMessages.sagaData();
    private final byte[] sagaDataBytes = CODEC.encode(sagaData);

    @Benchmark
    public byte[] serializeCheckoutCompletedEvent() {
        return checkout.toByteArray();
    }

    @Benchmark
    public Message parseCheckoutCompletedEvent() {
        return MessageTypes.parse(CHECKOUT_TYPE, checkoutBytes);
    }

    @Benchmark
    public byte[] serializeReserveStockCommand() {
        return reserveStock.toByteArray();
    }

    @Benchmark
    public Message parseReserveStockCommand() {
        return MessageTypes.parse(RESERVE_TYPE, reserveStockBytes);
    }

    @Benchmark
    public byte[] encodeSagaData() {
        return CODEC.encode(sagaData);
    }

    @Benchmark
    public PlaceOrderSagaData decodeSagaData() {
        return CODEC.decode(sagaDataBytes);
    }
}
