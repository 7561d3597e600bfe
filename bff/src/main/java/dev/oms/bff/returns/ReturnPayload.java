package dev.oms.bff.returns;

import dev.oms.bff.graphql.UserErrorView;
import dev.oms.projections.api.ReturnView;
import java.util.List;

/**
 * A return request's, withdrawal's or receipt's answer: the return's id and status as the deciding service reports
 * them now, the return as the read side shows it (it may lag behind status; null when not seen yet), or why not.
 */
record ReturnPayload(String returnId, String status, ReturnView returnView, List<UserErrorView> userErrors) {

    static ReturnPayload refused(UserErrorView error) {
        return new ReturnPayload(null, null, null, List.of(error));
    }
}
