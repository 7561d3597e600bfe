package dev.oms.bff.graphql;

import dev.oms.projections.api.Page;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/** Refuses queries deeper or costlier than {@link GraphQlLimits} allow, before any resolver runs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
class QueryLimits {
    private static final int DEFAULT_PAGE_SIZE = 20;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refused(ErrorCodes.QUERY_TOO_DEEP,
                        "The query nests " + depth + " levels deep; at most " + maxDepth + " are allowed");
            }
        };
    }

    /**
     * Computes the cost once per operation: refuses it over the limit, else hands it to the {@link QueryCostGate}
     * (the rate limiter), if there is one.
     */
    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits, ObjectProvider<QueryCostGate> gates) {
        QueryCostGate gate = gates.getIfAvailable(() -> (cost, execution) -> {});
        FieldComplexityCalculator calculator = pagedFieldsCountPerItem();
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), calculator) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                ExecutionContext execution = parameters.getExecutionContext();
                int complexity = QueryComplexityCalculator.newCalculator().fieldComplexityCalculator(calculator)
                        .schema(execution.getGraphQLSchema()).document(execution.getDocument())
                        .operationName(execution.getExecutionInput().getOperationName())
                        .variables(execution.getCoercedVariables()).build().calculate();
                if (complexity > limits.maxComplexity()) {
                    throw mkAbortException(complexity, limits.maxComplexity());
                }
                gate.admit(complexity, execution);
                return SimpleInstrumentationContext.noOp();
            }

            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return refused(ErrorCodes.QUERY_TOO_COMPLEX,
                        "The query costs " + complexity + "; at most " + maxComplexity + " is allowed");
            }
        };
    }

    /**
     * A field with a {@code first} argument returns up to that many items (20 when left out), so its selection is
     * counted that often; a page size beyond the maximum counts as the maximum, as the resolver refuses it anyway.
     */
    static FieldComplexityCalculator pagedFieldsCountPerItem() {
        return (FieldComplexityEnvironment env, int childComplexity) -> {
            if (env.getFieldDefinition().getArgument("first") == null) {
                return 1 + childComplexity;
            }
            Object first = env.getArguments().get("first");
            int items = first instanceof Integer n ? Math.max(1, Math.min(n, Page.MAX_SIZE)) : DEFAULT_PAGE_SIZE;
            return (int) Math.min(Integer.MAX_VALUE, 1 + (long) childComplexity * items);
        };
    }

    /** graphql-java answers an abort with its underlying errors, which carry our classification and code. */
    private static AbortExecutionException refused(String code, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message)
                .extensions(Map.of("code", code)).build();
        return new AbortExecutionException(List.of(error));
    }
}
