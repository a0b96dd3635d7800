package dev.hybridconf.session.programme;

import java.util.List;
import java.util.Map;

/**
 * The languages a participant can follow a session in: what is spoken on the floor and, once the interpretation
 * plan is published, the interpretation channels with where they reach listeners. Names in en, fr and es.
 *
 * @param floor       the floor languages (the programme's)
 * @param channels    the interpretation channels of the last published plan; empty before one is published, or when
 *                    the session is not interpreted
 * @param planVersion the published interpretation plan the channels come from; null before any
 */
public record SessionLanguages(List<Floor> floor, List<Channel> channels, Long planVersion) {

    public SessionLanguages {
        floor = List.copyOf(floor);
        channels = List.copyOf(channels);
    }

    /** A floor language. */
    public record Floor(String code, Map<String, String> name) {
    }

    /**
     * An interpretation channel.
     *
     * @param delivery {@code ROOM}, {@code ZOOM} or {@code BOTH}
     * @param inRoom   through booth headsets in the room
     * @param onZoom   as a Zoom interpretation channel
     * @param covered  whether the plan fills every seat of its booth (if not, the channel may not be given)
     */
    public record Channel(String code, Map<String, String> name, boolean signLanguage, String delivery,
            boolean inRoom, boolean onZoom, boolean covered) {
    }

    /** The floor languages of {@code session} and the channels published for it ({@code published} may be null). */
    static SessionLanguages of(ProgrammeSession session, InterpretationReader.Published published) {
        List<Floor> floor = session.floorLanguages().stream().map(code -> new Floor(code, LanguageNames.of(code)))
                .toList();
        if (published == null) {
            return new SessionLanguages(floor, List.of(), null);
        }
        List<Channel> channels = published.channels().stream()
                .map(c -> new Channel(c.language(), LanguageNames.of(c.language()), c.signLanguage(), c.delivery(),
                        !"ZOOM".equals(c.delivery()), !"ROOM".equals(c.delivery()), c.covered()))
                .toList();
        return new SessionLanguages(floor, channels, published.planVersion());
    }
}
