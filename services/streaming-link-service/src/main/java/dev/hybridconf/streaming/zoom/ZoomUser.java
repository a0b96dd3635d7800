package dev.hybridconf.streaming.zoom;

/**
 * A user of the Zoom account, as the host pool needs it.
 *
 * @param id             Zoom's user id
 * @param email          the user's e-mail
 * @param type           1 basic, 2 licensed
 * @param status         {@code active}, {@code inactive} or {@code pending}
 * @param webinarLicence whether the user may host webinars ({@code feature.webinar} of its settings), or null
 *                       when the settings could not be read
 */
public record ZoomUser(String id, String email, Integer type, String status, Boolean webinarLicence) {

    /** Licensed (type 2) or of an unknown type: a basic user cannot host the platform's long sessions. */
    public boolean licensed() {
        return type == null || type >= 2;
    }
}
