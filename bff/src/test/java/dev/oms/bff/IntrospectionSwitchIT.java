package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Production settings: introspection off, while ordinary queries work on. */
@SpringBootTest(classes = BffApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.graphql.schema.introspection.enabled=false")
@AutoConfigureHttpGraphQlTester
@Import(FakeBackends.class)
class IntrospectionSwitchIT {

    @Autowired
    HttpGraphQlTester anonymous;

    @Test
    void refusesIntrospectionWhenSwitchedOff() {
        anonymous.document("{ __schema { queryType { name } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        anonymous.document("{ product(sku: \"SKU-1\") { name } }").execute()
                .path("product.name").entity(String.class).isEqualTo("Anvil");
    }
}
