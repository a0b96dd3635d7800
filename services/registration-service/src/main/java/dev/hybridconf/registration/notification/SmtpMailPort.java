package dev.hybridconf.registration.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends plain-text mail through the SMTP server that Spring Boot's {@code spring.mail.*} settings name. */
class SmtpMailPort implements MailPort {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailPort.class);

    private final JavaMailSender sender;
    private final String from;

    SmtpMailPort(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(Message message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(message.to());
        mail.setSubject(message.subject());
        mail.setText(message.body());
        try {
            sender.send(mail);
        } catch (MailException e) {
            // The mail exception's text may list the recipient's address: keep it out of the logs.
            throw new MailDeliveryFailedException("mail to *@" + message.recipientDomain() + " was not accepted ("
                    + e.getClass().getSimpleName() + ")");
        }
        log.debug("Mail sent to *@{}, language {}, subject \"{}\"", message.recipientDomain(), message.language(),
                message.subject());
    }

    /** A refused or failed send, described without the recipient's address; the event is retried. */
    static final class MailDeliveryFailedException extends RuntimeException {

        MailDeliveryFailedException(String message) {
            super(message);
        }
    }
}
