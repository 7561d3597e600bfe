package dev.oms.bff.order;

import dev.oms.bff.graphql.UserErrorView;
import dev.oms.projections.api.OrderView;
import java.util.List;

record OrderCancelPayload(String status, String cancellation, OrderView order, List<UserErrorView> userErrors) {

    static OrderCancelPayload refused(UserErrorView error) {
        return new OrderCancelPayload(null, null, null, List.of(error));
    }
}
