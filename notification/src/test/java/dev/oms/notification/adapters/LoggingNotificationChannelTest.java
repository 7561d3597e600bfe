package dev.oms.notification.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.oms.notification.api.Notification;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingNotificationChannelTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingNotificationChannel.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureLogLines() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void restoreLogger() {
        logger.detachAppender(lines);
        logger.setLevel(previousLevel);
    }

    @Test
    void writesOneLogLinePerNotification() {
        new LoggingNotificationChannel().send(new Notification("n-1", "order-1", "customer-1", "email",
                "order-confirmed", "ada@example.com", "order-1:confirmed", Map.of("total", "49.90 EUR")));

        assertThat(lines.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .contains("n-1", "email", "ada@example.com", "order-confirmed", "order-1", "total=49.90 EUR"));
    }
}
