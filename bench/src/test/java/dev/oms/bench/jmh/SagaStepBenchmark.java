package dev.oms.bench.jmh;

import com.google.protobuf.Message;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.inventory.v1.StockReserved;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.order.adapters.OrderRepository;
import dev.oms.order.adapters.OrderTransitions;
import dev.oms.order.placeorder.PlaceOrderSaga;
import dev.oms.saga.Command;
import dev.oms.saga.Outcome;
import dev.oms.saga.ReplyHandler;
import dev.oms.saga.SagaDataCodec;
import dev.oms.saga.SagaDefinition;
import dev.oms.saga.SagaStep;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The in-memory part of one PlaceOrder step transition, without the database: the stored saga data decoded, the
 * reserve_stock step's StockReserved handler applied, the next step's AuthorizePayment command built and the new
 * data encoded for the update.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SagaStepBenchmark {
    private static final SagaDataCodec<PlaceOrderSagaData> CODEC = SagaDataCodec.protobuf(PlaceOrderSagaData.parser());

    private final SagaDefinition<PlaceOrderSagaData> definition =
            PlaceOrderSaga.definition(new OrderTransitions(new OrderRepository()), (tx, orderId, why) -> { },
                    Duration.ofSeconds(10));
    private final SagaStep<PlaceOrderSagaData> reserveStock = definition.steps().get(0);
    private final SagaStep<PlaceOrderSagaData> authorizePayment = definition.steps().get(1);
    private final ReplyHandler<PlaceOrderSagaData, Message> onStockReserved =
            reserveStock.replies().get(MessageTypes.typeOf(StockReserved.getDefaultInstance()));
    private final StockReserved reply = TypicalMessages.stockReserved();
    private final byte[] storedData = CODEC.encode(TypicalMessages.sagaData());

    @Benchmark
    public void reserveStockRepliedToAuthorizePayment(Blackhole sink) {
        PlaceOrderSagaData data = CODEC.decode(storedData);
        Outcome<PlaceOrderSagaData> outcome = onStockReserved.apply(data, reply);
        PlaceOrderSagaData next = ((Outcome.Success<PlaceOrderSagaData>) outcome).data();
        Command command = authorizePayment.command().apply(next);
        sink.consume(command.payload().toByteArray());
        sink.consume(CODEC.encode(next));
    }
}
