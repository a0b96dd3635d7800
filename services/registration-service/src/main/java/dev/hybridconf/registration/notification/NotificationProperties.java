package dev.hybridconf.registration.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param transport      {@code log} (default: nothing leaves the process) or {@code smtp} (Spring
 *                       Boot's {@code spring.mail.*} settings name the server)
 * @param conferenceName the conference's name as it appears in every message
 * @param from           the sender address of the messages
 */
@ConfigurationProperties("platform.notifications")
public record NotificationProperties(String transport, String conferenceName, String from) {

    public NotificationProperties {
        transport = transport != null && !transport.isBlank() ? transport : "log";
        conferenceName = conferenceName != null && !conferenceName.isBlank() ? conferenceName
                : "Local Action: Local solutions for the SDGs";
        from = from != null && !from.isBlank() ? from : "registration@hybridconf.dev";
    }
}
