package dev.oms.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.payment.domain.WebhookSignature.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    // the example of the Standard Webhooks specification: its secret, message and signature
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final WebhookSignature webhooks = new WebhookSignature(SECRET);
    private final Instant sentAt = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void signsAsTheSpecificationsExample() {
        assertThat(webhooks.sign(ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(webhooks.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY, sentAt.plusSeconds(10)))
                .isEqualTo(Verdict.OK);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesWhileASecretRotates() {
        assertThat(webhooks.verify(ID, Long.toString(TIMESTAMP), "v1,b2xk v1a,zzz " + SIGNATURE, BODY, sentAt))
                .isEqualTo(Verdict.OK);
    }

    @Test
    void refusesAChangedBodyIdOrTimestamp() {
        assertThat(webhooks.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY + " ", sentAt))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(webhooks.verify("msg_other", Long.toString(TIMESTAMP), SIGNATURE, BODY, sentAt))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(webhooks.verify(ID, Long.toString(TIMESTAMP + 1), SIGNATURE, BODY, sentAt))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(new WebhookSignature("whsec_" + "b3RoZXIgc2VjcmV0").verify(ID, Long.toString(TIMESTAMP), SIGNATURE,
                BODY, sentAt)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesAMessageOutsideTheReplayWindowEitherWay() {
        assertThat(webhooks.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY, sentAt.plusSeconds(301)))
                .isEqualTo(Verdict.STALE);
        assertThat(webhooks.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY, sentAt.minusSeconds(301)))
                .isEqualTo(Verdict.STALE);
    }

    @Test
    void refusesWhatIsMissingOrUnreadable() {
        assertThat(webhooks.verify(null, Long.toString(TIMESTAMP), SIGNATURE, BODY, sentAt)).isEqualTo(Verdict.MALFORMED);
        assertThat(webhooks.verify(ID, "yesterday", SIGNATURE, BODY, sentAt)).isEqualTo(Verdict.MALFORMED);
        assertThat(webhooks.verify(ID, Long.toString(TIMESTAMP), "v1,not base64!", BODY, sentAt))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThatThrownBy(() -> new WebhookSignature("no prefix")).isInstanceOf(IllegalArgumentException.class);
    }
}
