package dev.oms.bff.operations;

import dev.oms.bff.graphql.UserErrorView;
import dev.oms.projections.api.SagaView;
import java.util.List;

record SagaActionPayload(String status, Boolean compensationPending, SagaView saga, List<UserErrorView> userErrors) {}
