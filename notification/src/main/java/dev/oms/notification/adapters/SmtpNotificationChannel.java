package dev.oms.notification.adapters;

import dev.oms.notification.api.Notification;
import dev.oms.notification.api.NotificationChannel;
import dev.oms.notification.domain.MailKind;
import dev.oms.notification.domain.MailTemplates;
import dev.oms.notification.domain.MessageIds;
import dev.oms.notification.domain.Recipients;
import dev.oms.notification.domain.RenderedMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each notification as an email (multipart/alternative: text and HTML) through an SMTP server. Its Message-ID
 * is derived from the dedup key, so every attempt at one notification is the same message to the receiving side.
 * A refusal or an unreachable server throws {@link MailDeliveryException}: the command is retried.
 */
public final class SmtpNotificationChannel implements NotificationChannel {
    private static final Logger log = LoggerFactory.getLogger(SmtpNotificationChannel.class);
    private final SmtpSettings settings;
    private final Session session;

    public SmtpNotificationChannel(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    @Override
    public void send(Notification n) {
        MailKind kind = MailKind.of(n.template()).orElseThrow(() -> new IllegalArgumentException(
                "no email template '" + n.template() + "' (known: order_confirmed, order_shipped, order_delivered,"
                        + " order_cancelled, order_refunded)"));
        RenderedMail mail = MailTemplates.render(kind, n.orderId(), n.params());
        String to = Recipients.address(n.recipient(), n.customerId(), settings.toTemplate());
        String messageId = MessageIds.messageId(n.dedupKey(), settings.from());
        try {
            MimeMessage message = message(mail, to, messageId);
            if (settings.credentials().isPresent()) {
                Transport.send(message, settings.credentials().get().user(), settings.credentials().get().password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new MailDeliveryException("email " + messageId + " to " + to + " via " + settings.host() + ":"
                    + settings.port() + " failed: " + e.getMessage(), e);
        }
        log.info("notification {} emailed to {} as {}: {}", n.notificationId(), to, messageId, mail.subject());
    }

    private MimeMessage message(RenderedMail mail, String to, String messageId) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(new InternetAddress(settings.from()));
        try {
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        } catch (AddressException e) {
            throw new IllegalArgumentException("recipient '" + to + "' is not an email address", e);
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        // alternatives go from the plainest to the richest: clients show the last one they can
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        return message;
    }

    private static Properties properties(SmtpSettings s) {
        String protocol = s.tls() == SmtpSettings.Tls.SMTPS ? "smtps" : "smtp";
        String timeout = Long.toString(s.timeout().toMillis());
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", Integer.toString(s.port()));
        p.put("mail." + protocol + ".auth", Boolean.toString(s.credentials().isPresent()));
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        p.put("mail." + protocol + ".from", s.from());
        if (s.tls() == SmtpSettings.Tls.STARTTLS) {
            // required: never fall back to plain text when the server does not offer STARTTLS
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (s.tls() != SmtpSettings.Tls.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return p;
    }

    /** Keeps the Message-ID it is given instead of making a new one when the message is saved. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
