package dev.hybridconf.rapporteur.trends;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.hybridconf.kit.redis.KeySpace;

/**
 * The keys of the analysis: {@code analysis:dirty} (sorted set of {@code <conferenceId>:<day>} to analyse, scored
 * with when they were marked), {@code analysis:<conferenceId>:<day>} (the stored analysis, JSON of
 * {@link StoredTrends}); and the one it reads of the inputs: {@code corpus:version:<conferenceId>} (hash day →
 * version).
 */
final class TrendKeys {

    /** A day to analyse. */
    record Member(String conferenceId, LocalDate day) {

        @Override
        public String toString() {
            return conferenceId + ":" + day;
        }

        static Optional<Member> parse(String member) {
            int colon = member.lastIndexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Member(member.substring(0, colon), LocalDate.parse(member.substring(colon + 1))));
            } catch (DateTimeParseException notADay) {
                return Optional.empty();
            }
        }
    }

    private final KeySpace keys;

    TrendKeys(KeySpace keys) {
        this.keys = keys;
    }

    String dirty() {
        return keys.key("analysis", "dirty");
    }

    String analysis(String conferenceId, LocalDate day) {
        return keys.key("analysis", conferenceId, day.toString());
    }

    String corpusVersions(String conferenceId) {
        return keys.key("corpus", "version", conferenceId);
    }

    /** The lease on one day's analysis (the kit makes it {@code lease:{analysis:<c>:<day>}}). */
    static String leaseName(Member member) {
        return "analysis:" + member;
    }
}
