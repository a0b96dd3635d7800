package dev.hybridconf.streaming.interpretation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.streaming.interpretation}: how the interpretation set-up batches, defers and retries.
 *
 * @param linger          how long a session waits after a change of its interpretation before Zoom is updated, so
 *                        that changes arriving together (a plan published twice in a row) cost one update
 * @param pollInterval    how often each replica looks for due sessions
 * @param leaseTtl        one replica's lease on a session it updates, renewed while it works
 * @param sessionsPerPoll at most this many due sessions per look
 * @param reserveWrites   meeting create/update requests kept for provisioning on each host per day: when a host has
 *                        this many or fewer left, an interpretation update waits for the next day (00:00 UTC) unless
 *                        the session starts before then
 * @param backoffInitial  the wait after Zoom failed (5xx, timeouts), doubled per failure up to {@code backoffMax}
 * @param backoffMax      the longest wait between two tries
 * @param rememberEvents  how long consumed event ids are remembered (redelivery protection besides the positions)
 * @param signLanguages   the sign languages the platform's codes stand for in Zoom ({@code sign_language}: a name of
 *                        the host account's {@code sign_language_interpretation.languages}, or of its
 *                        {@code custom_languages} added in Zoom's web portal); a sign language not listed is reported,
 *                        not sent
 */
@ConfigurationProperties("platform.streaming.interpretation")
public record InterpretationProperties(Duration linger, Duration pollInterval, Duration leaseTtl,
        Integer sessionsPerPoll, Integer reserveWrites, Duration backoffInitial, Duration backoffMax,
        Duration rememberEvents, Map<String, String> signLanguages) {

    /**
     * Zoom's own sign languages by the ISO 639-3 code of each, and International Sign, which an account adds in Zoom's
     * web portal as a custom language under that name.
     */
    public static final Map<String, String> ZOOM_SIGN_LANGUAGES = Map.ofEntries(
            Map.entry("ase", "American"), Map.entry("csl", "Chinese"), Map.entry("fsl", "French"),
            Map.entry("gsg", "German"), Map.entry("jsl", "Japanese"), Map.entry("rsl", "Russian"),
            Map.entry("bzs", "Brazilian"), Map.entry("ssp", "Spanish"), Map.entry("mfs", "Mexican"),
            Map.entry("bfi", "British"), Map.entry("ils", "International Sign"));

    public InterpretationProperties {
        linger = linger == null ? Duration.ofSeconds(2) : linger;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(30) : leaseTtl;
        sessionsPerPoll = sessionsPerPoll == null || sessionsPerPoll < 1 ? 50 : sessionsPerPoll;
        reserveWrites = reserveWrites == null || reserveWrites < 0 ? 10 : reserveWrites;
        backoffInitial = backoffInitial == null ? Duration.ofSeconds(5) : backoffInitial;
        backoffMax = backoffMax == null ? Duration.ofMinutes(10) : backoffMax;
        rememberEvents = rememberEvents == null ? Duration.ofDays(14) : rememberEvents;
        Map<String, String> names = new LinkedHashMap<>(ZOOM_SIGN_LANGUAGES);
        if (signLanguages != null) {
            signLanguages.forEach((code, name) -> {
                String key = code.trim().toLowerCase(Locale.ROOT);
                if (name == null || name.isBlank()) {
                    names.remove(key);
                } else {
                    names.put(key, name.strip());
                }
            });
        }
        signLanguages = Map.copyOf(names);
    }

    /** The wait before try {@code failures + 1}. */
    Duration backoff(int failures) {
        long factor = 1L << Math.min(20, Math.max(0, failures - 1));
        Duration wait = backoffInitial.multipliedBy(factor);
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
