package dev.hybridconf.rapporteur.corpus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.rapporteur.programme.ConferenceInfo;
import dev.hybridconf.rapporteur.programme.ProgrammeCopy;
import dev.hybridconf.rapporteur.programme.SessionInfo;

/**
 * A breakout's conclusions as this service keeps them (rapporteurs and organisers, by the role paths): the current
 * revision, every revision (what trend evidence cites by revision number) and the lock decision last heard. Times in
 * the conference's zone. A session neither the programme copy nor the corpus knows is 404.
 */
@RestController
class ConclusionsController {

    /** One revision. */
    record RevisionView(long revision, String language, String summary, List<String> keyPoints,
            List<String> recommendations, List<String> themes, List<Integer> sdgs, String postedBy, String postedAt) {

        static RevisionView of(Conclusion c, ZoneId zone) {
            return new RevisionView(c.revision(), c.language(), c.summary(), c.keyPoints(), c.recommendations(),
                    c.themes(), c.sdgs(), c.postedBy(), render(c.postedAt(), zone));
        }
    }

    /** The lock decision: {@code locked} at the time of the answer. */
    record LockView(boolean locked, String lockAt, String source, String relockAt) {
    }

    /** The answer. */
    record ConclusionsView(String sessionId, String conferenceId, LocalDate day, boolean cancelled, LockView lock,
            RevisionView current, List<RevisionView> revisions) {
    }

    private final CorpusStore corpus;
    private final ProgrammeCopy programme;
    private final Clock clock;

    ConclusionsController(CorpusStore corpus, ProgrammeCopy programme, Clock clock) {
        this.corpus = corpus;
        this.programme = programme;
        this.clock = clock;
    }

    @GetMapping("/api/rapporteur/sessions/{sessionId}/conclusions")
    ConclusionsView conclusions(@PathVariable String sessionId) {
        Optional<SessionInfo> session = programme.session(sessionId);
        List<Conclusion> revisions = corpus.revisions(sessionId);
        if (session.isEmpty() && revisions.isEmpty()) {
            throw new NotFoundException("inputs.session.not-found", sessionId);
        }
        String conferenceId = session.map(SessionInfo::conferenceId)
                .orElseGet(() -> revisions.get(revisions.size() - 1).conferenceId());
        ZoneId zone = programme.conference(conferenceId).map(ConferenceInfo::zone).orElse(ZoneOffset.UTC);
        Optional<Conclusion> current = corpus.current(sessionId);
        LocalDate day = session.map(SessionInfo::day)
                .orElseGet(() -> revisions.get(revisions.size() - 1).day());
        LockState lock = corpus.lock(sessionId);
        return new ConclusionsView(sessionId, conferenceId, day, session.map(SessionInfo::cancelled).orElse(false),
                new LockView(lock.lockedAt(clock.instant()), render(lock.lockAt(), zone), lock.source(),
                        render(lock.relockAt(), zone)),
                current.map(c -> RevisionView.of(c, zone)).orElse(null),
                revisions.stream().map(c -> RevisionView.of(c, zone)).toList());
    }

    private static String render(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toOffsetDateTime().toString();
    }
}
