package dev.oms.bff.order;

import dev.oms.bff.graphql.UserErrorView;
import dev.oms.projections.api.OrderView;
import java.util.List;

record OrderCancelPayload(String status, OrderView order, List<UserErrorView> userErrors) {

    static OrderCancelPayload refused(UserErrorView error) {
        return new OrderCancelPayload(null, null, List.of(error));
    }
}
