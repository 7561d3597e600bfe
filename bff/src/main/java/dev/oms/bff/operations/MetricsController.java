package dev.oms.bff.operations;

import dev.oms.bff.auth.Callers;
import dev.oms.projections.api.BusinessMetrics;
import dev.oms.projections.api.MetricsQueries;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MetricsController {
    private final MetricsQueries metrics;

    MetricsController(MetricsQueries metrics) {
        this.metrics = metrics;
    }

    @QueryMapping
    BusinessMetrics metrics() {
        Callers.current().requireOps();
        return metrics.metrics();
    }
}
