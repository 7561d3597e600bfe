package dev.oms.bff.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitPropertiesTest {
    private static final String OK = "capacity=2000,refill=200/s";

    private static RateLimitProperties properties(String enabled, String customer, String ops, String anonymous) {
        return new RateLimitProperties(enabled, customer, ops, anonymous, "1000");
    }

    @Test
    void readsALimitPerCallerClass() {
        RateLimitProperties.Settings settings = properties("on", " capacity = 3000 , refill = 2.5/s ",
                "capacity=20000,refill=10000/s", OK).settings(2000);

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.limits().get(CallerClass.CUSTOMER)).isEqualTo(new Limit(3000, 2.5));
        assertThat(settings.limits().get(CallerClass.OPS)).isEqualTo(new Limit(20000, 10000));
        assertThat(settings.limits().get(CallerClass.ANONYMOUS)).isEqualTo(new Limit(2000, 200));
        assertThat(settings.maxBuckets()).isEqualTo(1000);
        assertThat(settings.limits().get(CallerClass.CUSTOMER)).hasToString("capacity=3000,refill=2.5/s");
        assertThat(settings.limits().get(CallerClass.OPS)).hasToString("capacity=20000,refill=10000/s");
    }

    @Test
    void turnsOff() {
        assertThat(properties("off", OK, OK, OK).settings(2000).enabled()).isFalse();
    }

    @Test
    void namesTheVariableOfABadLimit() {
        assertThatThrownBy(() -> properties("on", OK, "2000 per second", OK).settings(2000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OMS_RATE_LIMIT_OPS (oms.rate-limits.ops)=\"2000 per second\"")
                .hasMessageContaining("capacity=<cost>,refill=<cost>/s");
        assertThatThrownBy(() -> properties("on", OK, OK, "capacity=10,refill=0/s").settings(5))
                .hasMessageContaining("OMS_RATE_LIMIT_ANONYMOUS");
        assertThatThrownBy(() -> properties("maybe", OK, OK, OK).settings(2000))
                .hasMessageContaining("OMS_RATE_LIMITS (oms.rate-limits.enabled)=\"maybe\" must be on or off");
        assertThatThrownBy(() -> new RateLimitProperties("on", OK, OK, OK, "lots").settings(2000))
                .hasMessageContaining("OMS_RATE_LIMIT_MAX_BUCKETS");
    }

    @Test
    void refusesACapacityBelowTheMostAnOperationMayCost() {
        assertThatThrownBy(() -> properties("on", "capacity=500,refill=100/s", OK, OK).settings(2000))
                .hasMessageContaining("OMS_RATE_LIMIT_CUSTOMER (oms.rate-limits.customer)")
                .hasMessageContaining("oms.graphql.max-complexity=2000");
    }
}
