package dev.hybridconf.registration.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses the mail transport from {@code platform.notifications.transport}: {@code log} (default) or
 * {@code smtp}. With demo sign-in on, whatever the transport accepted is also kept in the
 * {@link DemoMailbox}.
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "platform.notifications", name = "transport", havingValue = "log",
            matchIfMissing = true)
    MailPort loggingMailPort(ObjectProvider<DemoMailbox> demoMailbox) {
        return withDemoMailbox(new LoggingMailPort(), demoMailbox);
    }

    /** Needs a {@link JavaMailSender}, which Spring Boot creates once {@code spring.mail.host} is set. */
    @Bean
    @ConditionalOnProperty(prefix = "platform.notifications", name = "transport", havingValue = "smtp")
    MailPort smtpMailPort(JavaMailSender sender, NotificationProperties properties,
            ObjectProvider<DemoMailbox> demoMailbox) {
        return withDemoMailbox(new SmtpMailPort(sender, properties.from()), demoMailbox);
    }

    private static MailPort withDemoMailbox(MailPort transport, ObjectProvider<DemoMailbox> demoMailbox) {
        DemoMailbox mailbox = demoMailbox.getIfAvailable();
        return mailbox == null ? transport : mailbox.around(transport);
    }
}
