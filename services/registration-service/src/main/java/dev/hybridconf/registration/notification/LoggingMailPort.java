package dev.hybridconf.registration.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default transport: nothing is sent, a line is logged. Only the recipient's domain, the subject
 * and the body's length are logged; the full address and the body (with any access link) never are.
 */
class LoggingMailPort implements MailPort {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailPort.class);

    @Override
    public void send(Message message) {
        log.info("Mail not sent (transport=log): to *@{}, language {}, subject \"{}\", body {} characters",
                message.recipientDomain(), message.language(), message.subject(), message.body().length());
    }
}
