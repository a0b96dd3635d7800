package dev.hybridconf.interpretation.languages;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.interpretation.demand.KnownConference;
import dev.hybridconf.interpretation.demand.KnownSession;
import dev.hybridconf.interpretation.demand.ProgrammeCopy;
import dev.hybridconf.interpretation.languages.InterpretationNeeds.Assessed;
import dev.hybridconf.interpretation.languages.LanguagesViews.ChannelView;
import dev.hybridconf.interpretation.languages.LanguagesViews.ConferenceDemandView;
import dev.hybridconf.interpretation.languages.LanguagesViews.ConferenceLanguagesView;
import dev.hybridconf.interpretation.languages.LanguagesViews.DemandView;
import dev.hybridconf.interpretation.languages.LanguagesViews.LanguageView;
import dev.hybridconf.interpretation.languages.LanguagesViews.SessionDemandView;
import dev.hybridconf.interpretation.languages.LanguagesViews.SessionLanguagesView;
import dev.hybridconf.kit.errors.NotFoundException;
import tools.jackson.databind.JsonNode;

/**
 * The languages of a conference and of its sessions, and the demand behind the channels. Anyone signed in reads a
 * conference's or a session's languages; organisers also see a session's demand and the channels they forced or
 * dropped, set the settings and read a conference's demand. A conference or session this service has not learnt
 * from the programme's events (or a cancelled session, or a break) is 404.
 */
@RestController
@RequestMapping("/api/interpretation")
class LanguagesController {

    private final ProgrammeCopy programme;
    private final LanguageSettings settings;
    private final InterpretationNeeds needs;

    LanguagesController(ProgrammeCopy programme, LanguageSettings settings, InterpretationNeeds needs) {
        this.programme = programme;
        this.settings = settings;
        this.needs = needs;
    }

    @GetMapping("/conferences/{conferenceId}/languages")
    ConferenceLanguagesView conferenceLanguages(@PathVariable String conferenceId) {
        KnownConference conference = conference(conferenceId);
        return conferenceView(conference, settings.conference(conference.id()));
    }

    /** {@code {"extras":["ar","ils"],"alwaysOffer":["en","fr","es"],"threshold":1}}: replaces the settings. */
    @PutMapping("/conferences/{conferenceId}/languages")
    @PreAuthorize("hasRole('organiser')")
    ConferenceLanguagesView setConferenceLanguages(@PathVariable String conferenceId,
            @RequestBody(required = false) JsonNode body, Authentication caller) {
        KnownConference conference = conference(conferenceId);
        SettingsForms.ConferenceForm form = SettingsForms.conference(body, conference);
        return conferenceView(conference, settings.replace(conference.id(), form.extras(), form.alwaysOffer(),
                form.threshold(), caller.getName()));
    }

    @GetMapping("/sessions/{sessionId}/languages")
    SessionLanguagesView sessionLanguages(@PathVariable String sessionId, Authentication caller) {
        return sessionView(assessed(sessionId), organiser(caller));
    }

    /** {@code {"delivery":"ROOM|ZOOM|BOTH|null","relayAllowed":true,"force":["ar"],"drop":["es"]}}: replaces them. */
    @PutMapping("/sessions/{sessionId}/languages")
    @PreAuthorize("hasRole('organiser')")
    SessionLanguagesView setSessionLanguages(@PathVariable String sessionId,
            @RequestBody(required = false) JsonNode body, Authentication caller) {
        KnownSession session = assessed(sessionId).session();
        SettingsForms.SessionForm form = SettingsForms.session(body, session);
        settings.replace(session.id(), form.delivery(), form.relayAllowed(), form.force(), form.drop(),
                caller.getName());
        return sessionView(assessed(sessionId), true);
    }

    @GetMapping("/conferences/{conferenceId}/demand")
    @PreAuthorize("hasRole('organiser')")
    ConferenceDemandView demand(@PathVariable String conferenceId) {
        KnownConference conference = conference(conferenceId);
        ConferenceSettings conferenceSettings = settings.conference(conference.id());
        List<SessionDemandView> sessions = needs.assessConference(conference.id()).stream().map(a -> {
            KnownSession s = a.session();
            return new SessionDemandView(s.id(), s.kind(), s.day(), LanguagesViews.render(s.start(), s.timeZone()),
                    LanguagesViews.render(s.end(), s.timeZone()), s.format(), s.room(), s.slot(), s.title(),
                    s.floorLanguages(), a.delivery(), a.settings().relayAllowed(), a.settings().force(),
                    a.settings().drop(), a.decisions().stream().map(DemandView::of).toList());
        }).toList();
        return new ConferenceDemandView(conference.id(), conferenceSettings.threshold(),
                conferenceSettings.alwaysOffer(), sessions);
    }

    private KnownConference conference(String conferenceId) {
        return programme.conference(conferenceId)
                .orElseThrow(() -> new NotFoundException("languages.conference.not-found", conferenceId));
    }

    private Assessed assessed(String sessionId) {
        Optional<Assessed> found = needs.assessSession(sessionId);
        return found.orElseThrow(() -> new NotFoundException("languages.session.not-found", sessionId));
    }

    private static ConferenceLanguagesView conferenceView(KnownConference conference, ConferenceSettings s) {
        return new ConferenceLanguagesView(conference.id(), LanguageView.of(conference.languages()),
                LanguageView.of(s.extras()), LanguageView.of(s.alwaysOffer()), s.threshold(), s.changedBy(),
                s.changedAt() == null ? null : LanguagesViews.render(s.changedAt(), conference.timeZone()));
    }

    private static SessionLanguagesView sessionView(Assessed a, boolean organiser) {
        KnownSession s = a.session();
        List<ChannelView> channels = a.decisions().stream().filter(ChannelRule.Decision::needed)
                .map(d -> new ChannelView(d.language(), d.sign(), LanguageView.of(d.language()).name(), a.delivery()))
                .toList();
        return new SessionLanguagesView(s.id(), s.conferenceId(), s.kind(), s.format(),
                LanguageView.of(s.floorLanguages()), a.delivery(), a.settings().delivery() == null,
                a.settings().relayAllowed(), channels,
                organiser ? a.settings().force() : null, organiser ? a.settings().drop() : null,
                organiser ? a.decisions().stream().map(DemandView::of).toList() : null);
    }

    private static boolean organiser(Authentication caller) {
        return caller != null
                && caller.getAuthorities().stream().anyMatch(a -> "ROLE_organiser".equals(a.getAuthority()));
    }
}
