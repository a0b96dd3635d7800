package dev.hybridconf.registration.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Chooses the mail transport from {@code platform.notifications.transport}: {@code log} (default) or {@code smtp}. */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "platform.notifications", name = "transport", havingValue = "log",
            matchIfMissing = true)
    MailPort loggingMailPort() {
        return new LoggingMailPort();
    }

    /** Needs a {@link JavaMailSender}, which Spring Boot creates once {@code spring.mail.host} is set. */
    @Bean
    @ConditionalOnProperty(prefix = "platform.notifications", name = "transport", havingValue = "smtp")
    MailPort smtpMailPort(JavaMailSender sender, NotificationProperties properties) {
        return new SmtpMailPort(sender, properties.from());
    }
}
