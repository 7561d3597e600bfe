package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A service the BFF reaches over the network that does not answer is a typed error the client can retry on. */
@GraphQlApiTest
class UnavailableServiceIT {
    @Autowired
    HttpGraphQlTester anonymous;

    @Test
    void aCartServiceThatDoesNotAnswerIsServiceUnavailable() {
        Testers.as(anonymous, TestTokens.customer("customer-7"))
                .document("mutation { cartCreate(input: {customerId: \"customer-7\", currency: \"XXX\"}) { cart { id } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "SERVICE_UNAVAILABLE");
                    assertThat(error.getMessage()).isEqualTo("The cart service is unavailable; try again in a moment");
                }));
    }
}
