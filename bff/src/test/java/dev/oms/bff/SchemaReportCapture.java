package dev.oms.bff;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;

/** Keeps the report of Spring for GraphQL's schema inspection, which otherwise only goes to the log. */
@TestConfiguration(proxyBeanMethods = false)
class SchemaReportCapture {
    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    SchemaReport report() {
        return report.get();
    }

    @Bean
    GraphQlSourceBuilderCustomizer captureSchemaReport() {
        return builder -> builder.inspectSchemaMappings(report::set);
    }
}
