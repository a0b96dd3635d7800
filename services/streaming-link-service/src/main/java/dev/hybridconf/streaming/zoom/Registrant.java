package dev.hybridconf.streaming.zoom;

/**
 * Someone to register for a meeting or webinar. Zoom allows 3 registration requests per e-mail per
 * meeting per day; the platform registers each approved participant once and keeps the join link.
 *
 * @param language Zoom's registrant language, e.g. {@code en-US}, {@code fr-FR}, {@code es-ES} (single registration only)
 */
public record Registrant(String email, String firstName, String lastName, String language) {

    public Registrant {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a registrant needs an e-mail");
        }
        if (firstName == null || firstName.isBlank()) {
            throw new IllegalArgumentException("a registrant needs a first name");
        }
    }

    public static Registrant of(String email, String firstName, String lastName) {
        return new Registrant(email, firstName, lastName, null);
    }
}
