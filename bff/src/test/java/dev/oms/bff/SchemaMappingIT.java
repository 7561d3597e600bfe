package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.SchemaReport;

@GraphQlApiTest
class SchemaMappingIT {

    @Autowired
    SchemaReportCapture capture;

    @Test
    void mapsEverySchemaFieldAndArgument() {
        SchemaReport report = capture.report();

        assertThat(report).isNotNull();
        assertThat(report.unmappedFields()).isEmpty();
        assertThat(report.unmappedRegistrations()).isEmpty();
        assertThat(report.unmappedArguments()).isEmpty();
        assertThat(report.skippedTypes()).isEmpty();
    }
}
