package dev.hybridconf.interpretation.languages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.contracts.interpretation.LanguageCatalogue;

/** What the languages and demand endpoints answer. */
final class LanguagesViews {

    private LanguagesViews() {
    }

    /** A language with its name in the platform's three languages. */
    record LanguageView(String code, boolean sign, Map<String, String> name) {

        static LanguageView of(String code) {
            return LanguageCatalogue.find(code)
                    .map(l -> new LanguageView(l.code(), l.sign(), l.names()))
                    .orElseGet(() -> new LanguageView(code, false, Map.of("en", code, "fr", code, "es", code)));
        }

        static List<LanguageView> of(List<String> codes) {
            return codes.stream().map(LanguageView::of).toList();
        }
    }

    /**
     * A conference's languages: the working ones (from the programme), the extras, the channels always offered and
     * the threshold (organisers' settings).
     */
    record ConferenceLanguagesView(String conferenceId, List<LanguageView> workingLanguages, List<LanguageView> extras,
            List<LanguageView> alwaysOffer, int threshold, String changedBy, String changedAt) {
    }

    /** A channel a session offers (needs), and where. */
    record ChannelView(String language, boolean sign, Map<String, String> name, Delivery delivery) {
    }

    /**
     * One language of a session's demand, for organisers.
     *
     * @param why {@code threshold}, {@code forced}, {@code dropped} or {@code floor} (see {@link ChannelRule.Why})
     */
    record DemandView(String language, boolean sign, Map<String, String> name, int room, int remote, int listeners,
            boolean forced, boolean needed, String why) {

        static DemandView of(ChannelRule.Decision d) {
            LanguageView language = LanguageView.of(d.language());
            return new DemandView(d.language(), d.sign(), language.name(), d.room(), d.remote(), d.listeners(),
                    d.forced(), d.needed(), d.why().name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A session's languages. {@code force}, {@code drop} and {@code demand} are for organisers only (absent for
     * anyone else).
     *
     * @param deliveryFromFormat whether {@code delivery} follows the session's format (no organiser chose it)
     */
    record SessionLanguagesView(String sessionId, String conferenceId, String kind, String format,
            List<LanguageView> floorLanguages, Delivery delivery, boolean deliveryFromFormat, boolean relayAllowed,
            List<ChannelView> channels,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> force,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> drop,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DemandView> demand) {
    }

    /** Demand per session of a conference, for organisers. */
    record ConferenceDemandView(String conferenceId, int threshold, List<String> alwaysOffer,
            List<SessionDemandView> sessions) {
    }

    /** One session's demand: per language, room and remote listeners, whether needed and why. */
    record SessionDemandView(String sessionId, String kind, LocalDate day, String start, String end, String format,
            String room, String slot, Map<String, String> title, List<String> floorLanguages, Delivery delivery,
            boolean relayAllowed, List<String> force, List<String> drop, List<DemandView> languages) {
    }

    static String render(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
    }
}
