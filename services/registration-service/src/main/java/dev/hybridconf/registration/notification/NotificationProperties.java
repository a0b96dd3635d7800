package dev.hybridconf.registration.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param transport      {@code log} (default: nothing leaves the process) or {@code smtp} (Spring
 *                       Boot's {@code spring.mail.*} settings name the server)
 * @param conferenceName the name messages give a conference the session service has not published (a
 *                       registration stored before conferences were the boundary); otherwise each message names
 *                       the registration's own conference, in the reader's language
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
