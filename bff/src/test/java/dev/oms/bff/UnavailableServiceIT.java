package dev.oms.bff;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A service the BFF reaches over the network that does not answer is a user error the client can retry on. */
@GraphQlApiTest
class UnavailableServiceIT {
    @Autowired
    HttpGraphQlTester anonymous;

    @Test
    void aCartServiceThatDoesNotAnswerIsAUserErrorTheClientMayRetryOn() {
        Testers.as(anonymous, TestTokens.customer("customer-7"))
                .document("mutation { cartCreate(input: {customerId: \"customer-7\", currency: \"XXX\"}) {"
                        + " cart { id } userErrors { message code } } }")
                .execute()
                .path("cartCreate.cart").valueIsNull()
                .path("cartCreate.userErrors[0].code").entity(String.class).isEqualTo("SERVICE_UNAVAILABLE")
                .path("cartCreate.userErrors[0].message").entity(String.class)
                .isEqualTo("The cart service is unavailable; try again in a moment");
    }
}
