package dev.oms.bff.operations;

import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.PageInfo;
import dev.oms.bff.graphql.Paging;
import dev.oms.bff.graphql.Unavailable;
import dev.oms.bff.graphql.UserErrorView;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.SagaActionResult;
import dev.oms.order.api.SagaOperations;
import dev.oms.projections.api.Page;
import dev.oms.projections.api.ProjectionUpdates;
import dev.oms.projections.api.SagaFilter;
import dev.oms.projections.api.SagaQueries;
import dev.oms.projections.api.SagaView;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Sagas for operators: read from the projection, acted on through the order service's saga operations. */
@Controller
class SagaController {
    private final SagaQueries sagas;
    private final SagaOperations operations;
    private final ProjectionUpdates updates;

    SagaController(SagaQueries sagas, SagaOperations operations, ProjectionUpdates updates) {
        this.sagas = sagas;
        this.operations = operations;
        this.updates = updates;
    }

    @QueryMapping
    Page<SagaView> sagas(@Argument Integer first, @Argument String after, @Argument String status,
            @Argument Instant updatedBefore, @Argument Integer olderThanSeconds) {
        Callers.current().requireOps();
        Instant before = olderThanSeconds == null ? updatedBefore : Instant.now().minusSeconds(Math.max(0, olderThanSeconds));
        return sagas.sagas(new SagaFilter(status, before), Paging.size(first), after);
    }

    @QueryMapping
    SagaView saga(@Argument String id) {
        Callers.current().requireOps();
        return sagas.saga(id).orElse(null);
    }

    @MutationMapping
    SagaActionPayload sagaRetry(@Argument String id) {
        return act(id, operations::retry);
    }

    @MutationMapping
    SagaActionPayload sagaCompensate(@Argument String id) {
        return act(id, operations::compensate);
    }

    /** Every new saga snapshot, or those in {@code status}; sent off the projection's consumer thread. */
    @SubscriptionMapping
    Flux<SagaView> sagaUpdated(@Argument String status) {
        Callers.current().requireOps();
        return Flux.<SagaView>create(sink -> {
                    ProjectionUpdates.Registration registration = updates.onSagaUpdate(sink::next);
                    sink.onDispose(registration::close);
                })
                .filter(saga -> status == null || status.equals(saga.status()))
                .publishOn(Schedulers.boundedElastic());
    }

    @SchemaMapping(typeName = "SagaConnection")
    PageInfo pageInfo(Page<SagaView> page) {
        return new PageInfo(page.hasNextPage(), page.endCursor());
    }

    private SagaActionPayload act(String sagaId, Function<String, SagaActionResult> action) {
        Callers.current().requireOps();
        SagaActionResult result = Unavailable.orRefused(() -> action.apply(sagaId),
                message -> SagaActionResult.refused(sagaId, ErrorCodes.SERVICE_UNAVAILABLE, message));
        OrderError error = result.error();
        if (error != null) {
            return new SagaActionPayload(null, null, null, List.of(UserErrorView.of("id", error.message(), error.code())));
        }
        return new SagaActionPayload(result.status(), result.compensationPending(), sagas.saga(sagaId).orElse(null),
                List.of());
    }
}
