package dev.hybridconf.session.export;

import java.util.List;

import dev.hybridconf.session.programme.ProgrammeSession;

/**
 * The seam between the personal calendar feed and whatever decides what is on a participant's
 * agenda. The feed ({@code GET /api/sessions/calendars/{token}.ics}) renders exactly what this
 * returns, through {@link IcsCalendars#render}.
 *
 * <p>The default ({@link EveryNonBreakoutSession}, a {@link org.springframework.context.annotation.Fallback}
 * bean) lists every scheduled non-breakout session. Breakout enrolment replaces it by declaring its
 * own {@code AgendaSource} bean (plenaries, wrap-ups and the like plus the participant's enrolled
 * breakouts); no change to the feed is needed.
 */
public interface AgendaSource {

    /**
     * The scheduled sessions on a participant's agenda, in any order.
     *
     * @param participantId the registration id (the token's subject) the feed belongs to
     * @param conferenceId  the conference the feed was issued for, or null for every conference
     */
    List<ProgrammeSession> agenda(String participantId, String conferenceId);
}
