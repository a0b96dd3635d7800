package dev.hybridconf.interpretation.languages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.demand.DemandLedger;
import dev.hybridconf.interpretation.demand.KnownConference;
import dev.hybridconf.interpretation.demand.KnownSession;
import dev.hybridconf.interpretation.demand.Listeners;
import dev.hybridconf.interpretation.demand.ProgrammeCopy;
import dev.hybridconf.interpretation.needs.ChannelNeed;
import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.needs.SessionNeeds;

/**
 * The programme as interpretation needs it: the sessions kept from events, their listeners from the demand
 * counters, the organisers' settings, and {@link ChannelRule}. Reads a whole conference in six round trips
 * (the session ids, the sessions, their settings, their breakout counters, the conference's settings and counters)
 * whatever its size.
 */
@Service
public class InterpretationNeeds implements SessionNeeds {

    /** A listed session with everything decided about its languages. */
    record Assessed(KnownSession session, SessionSettings settings, Delivery delivery,
            List<ChannelRule.Decision> decisions) {

        SessionNeed need() {
            List<ChannelNeed> channels = new ArrayList<>();
            for (ChannelRule.Decision d : decisions) {
                if (d.needed()) {
                    channels.add(new ChannelNeed(d.language(), d.sign(), delivery, d.room(), d.remote(), d.forced()));
                }
            }
            KnownSession s = session;
            return new SessionNeed(s.id(), s.conferenceId(), s.kind(), s.day(), s.start(), s.end(), s.timeZone(),
                    s.room(), s.slot(), s.format(), s.floorLanguages(), settings.relayAllowed(), channels, s.title());
        }
    }

    private final ProgrammeCopy programme;
    private final DemandLedger ledger;
    private final LanguageSettings settings;

    InterpretationNeeds(ProgrammeCopy programme, DemandLedger ledger, LanguageSettings settings) {
        this.programme = programme;
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public List<SessionNeed> forConference(String conferenceId) {
        return assessConference(conferenceId).stream().map(Assessed::need).toList();
    }

    @Override
    public Optional<SessionNeed> forSession(String sessionId) {
        return assessSession(sessionId).map(Assessed::need);
    }

    @Override
    public Optional<ZoneId> timeZone(String conferenceId) {
        return programme.conference(conferenceId).map(KnownConference::timeZone);
    }

    @Override
    public Optional<List<LocalDate>> days(String conferenceId) {
        return programme.conference(conferenceId).map(KnownConference::days);
    }

    /** Every listed session of the conference, by start then id. */
    List<Assessed> assessConference(String conferenceId) {
        List<KnownSession> sessions = programme.sessions(conferenceId).stream().filter(KnownSession::listed).toList();
        if (sessions.isEmpty()) {
            return List.of();
        }
        ConferenceSettings conference = settings.conference(conferenceId);
        List<String> ids = sessions.stream().map(KnownSession::id).toList();
        Map<String, SessionSettings> sessionSettings = settings.sessions(ids);
        Map<String, Listeners> breakouts = ledger.sessions(
                sessions.stream().filter(KnownSession::countsEnrolments).map(KnownSession::id).toList());
        Listeners approved = ledger.conference(conferenceId);
        List<Assessed> assessed = new ArrayList<>(sessions.size());
        for (KnownSession s : sessions) {
            Listeners listeners = s.countsEnrolments() ? breakouts.getOrDefault(s.id(), Listeners.NONE) : approved;
            assessed.add(assess(s, listeners, conference, sessionSettings.get(s.id())));
        }
        return assessed;
    }

    /** The session, if it is listed (known, on the programme, not a break). */
    Optional<Assessed> assessSession(String sessionId) {
        return programme.session(sessionId).filter(KnownSession::listed).map(s -> assess(s,
                s.countsEnrolments() ? ledger.session(s.id()) : ledger.conference(s.conferenceId()),
                settings.conference(s.conferenceId()), settings.session(s.id())));
    }

    private static Assessed assess(KnownSession s, Listeners listeners, ConferenceSettings conference,
            SessionSettings session) {
        Listeners attending = "ONLINE".equals(s.format()) ? listeners.allRemote() : listeners;
        var delivery = session.deliveryFor(s.format());
        return new Assessed(s, session, delivery,
                ChannelRule.decide(s.floorLanguages(), attending.reachedBy(delivery), conference, session));
    }
}
