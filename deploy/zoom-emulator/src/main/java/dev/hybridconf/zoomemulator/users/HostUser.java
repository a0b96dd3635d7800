package dev.hybridconf.zoomemulator.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A licensed user of the emulated account who can host meetings (and webinars, with a webinar licence).
 *
 * @param id Zoom's user id: 22 URL-safe characters, derived from the e-mail so that it is the same on every start
 * @param email the user's e-mail, which Zoom also accepts in place of the id
 * @param firstName first name
 * @param lastName last name
 * @param webinarLicence whether the user may host webinars
 */
public record HostUser(String id, String email, String firstName, String lastName, boolean webinarLicence) {

    public static HostUser of(String email, String firstName, String lastName, boolean webinarLicence) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        return new HostUser(idFor(normalised), normalised, firstName, lastName, webinarLicence);
    }

    static String idFor(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
