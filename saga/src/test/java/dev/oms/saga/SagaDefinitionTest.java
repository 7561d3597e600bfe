package dev.oms.saga;

import static dev.oms.saga.StepKind.COMPENSATABLE;
import static dev.oms.saga.StepKind.PIVOT;
import static dev.oms.saga.StepKind.RETRIABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.StringValue;
import com.google.protobuf.Int32Value;
import org.junit.jupiter.api.Test;

class SagaDefinitionTest {
    private static final Command COMMAND = new Command("topic", StringValue.of("do"));

    @Test
    void acceptsCompensatableStepsThenPivotThenRetriableOnes() {
        SagaDefinition<String> saga = SagaDefinition.<String>named("Good")
                .step("reserve", COMPENSATABLE).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                    .withCompensation(d -> COMMAND, Int32Value.class)
                .step("confirm", COMPENSATABLE).local((tx, d) -> Outcome.success(d)).withLocalCompensation((tx, d, why) -> { })
                .step("ship", PIVOT).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                .step("notify", RETRIABLE).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                .build();

        assertThat(saga.steps()).extracting(SagaStep::name).containsExactly("reserve", "confirm", "ship", "notify");
        assertThat(saga.replyTypes()).containsExactlyInAnyOrder("google.protobuf.StringValue", "google.protobuf.Int32Value");
    }

    @Test
    void refusesACompensatableStepWithoutCompensation() {
        assertThatThrownBy(() -> SagaDefinition.<String>named("Bad")
                .step("reserve", COMPENSATABLE).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessage("saga Bad: step 'reserve' is compensatable but declares no compensation");
    }

    @Test
    void refusesACompensatableStepAfterThePivot() {
        assertThatThrownBy(() -> SagaDefinition.<String>named("Bad")
                .step("ship", PIVOT).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                .step("late", COMPENSATABLE).local((tx, d) -> Outcome.success(d)).withLocalCompensation((tx, d, why) -> { })
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'late' is compensatable but comes after the pivot");
    }

    @Test
    void refusesAPivotAfterARetriableStep() {
        assertThatThrownBy(() -> SagaDefinition.<String>named("Bad")
                .step("notify", RETRIABLE).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                .step("ship", PIVOT).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'ship'");
    }

    @Test
    void refusesACompensationOnARetriableStep() {
        assertThatThrownBy(() -> SagaDefinition.<String>named("Bad")
                .step("notify", RETRIABLE).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                    .withCompensation(d -> COMMAND, Int32Value.class)
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessage("saga Bad: step 'notify' is RETRIABLE and must not declare a compensation");
    }

    @Test
    void refusesARemoteStepThatExpectsNoReplyAndDuplicateNames() {
        assertThatThrownBy(() -> SagaDefinition.<String>named("Bad")
                .step("ship", PIVOT).invoke(d -> COMMAND).build())
                .hasMessageContaining("step 'ship' invokes a participant but expects no reply");
        assertThatThrownBy(() -> SagaDefinition.<String>named("Bad")
                .step("a", RETRIABLE).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                .step("a", RETRIABLE).invoke(d -> COMMAND).onReply(StringValue.class, (d, r) -> Outcome.success(d))
                .build())
                .hasMessageContaining("step 'a' is declared twice");
    }

    @Test
    void sagaStatusAllowsOnlyForwardTransitions() {
        assertThat(SagaStatus.RUNNING.canBecome(SagaStatus.COMPLETED)).isTrue();
        assertThat(SagaStatus.RUNNING.canBecome(SagaStatus.COMPENSATING)).isTrue();
        assertThat(SagaStatus.COMPENSATING.canBecome(SagaStatus.COMPLETED)).isFalse();
        assertThat(SagaStatus.COMPLETED.canBecome(SagaStatus.RUNNING)).isFalse();
        assertThat(SagaStatus.COMPENSATED.isTerminal()).isTrue();
    }
}
