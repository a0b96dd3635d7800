package dev.hybridconf.registration.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The transport follows {@code platform.notifications.transport}; a failed SMTP send never names the address. */
class NotificationTransportTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MailTransportConfiguration.class)
            .withBean(NotificationProperties.class, () -> new NotificationProperties(null, null, null));

    @Test
    void logsByDefaultAndUsesSmtpWhenAskedTo() {
        context.run(app -> assertThat(app).getBean(MailPort.class).isInstanceOf(LoggingMailPort.class));
        context.withPropertyValues("platform.notifications.transport=smtp")
                .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
                .run(app -> assertThat(app).getBean(MailPort.class).isInstanceOf(SmtpMailPort.class));
    }

    @Test
    void defaultsNameTheConference() {
        NotificationProperties defaults = new NotificationProperties(null, " ", null);
        assertThat(defaults.transport()).isEqualTo("log");
        assertThat(defaults.conferenceName()).isEqualTo("Local Action: Local solutions for the SDGs");
    }

    @Test
    void anUnreachableSmtpServerIsAFailureThatDoesNotNameTheRecipient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(closedPort);
        SmtpMailPort smtp = new SmtpMailPort(sender, "registration@hybridconf.dev");

        assertThatThrownBy(() -> smtp.send(new MailPort.Message("amina.yusuf@kano.gov.ng", "Subject", "Body", "en")))
                .isInstanceOf(SmtpMailPort.MailDeliveryFailedException.class)
                .hasMessageContaining("kano.gov.ng").hasMessageNotContaining("amina").hasNoCause();
    }
}
