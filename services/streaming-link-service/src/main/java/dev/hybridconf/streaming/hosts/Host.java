package dev.hybridconf.streaming.hosts;

/**
 * A licensed Zoom host user of the pool, stored as JSON in the {@code hosts} hash under {@link #userId()}.
 *
 * @param userId         the id provisioning uses in Zoom calls ({@code /users/{userId}/meetings}): an e-mail or a
 *                       Zoom user id, as registered
 * @param zoomUserId     Zoom's own id of the user, when Zoom was asked (null for seeded hosts)
 * @param webinarLicence whether the user may host webinars (plenaries become webinars on such hosts)
 * @param addedAt        ISO instant
 * @param addedBy        who registered it (a staff subject, or {@code seed})
 */
public record Host(String userId, String zoomUserId, boolean webinarLicence, String addedAt, String addedBy) {
}
