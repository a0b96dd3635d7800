package dev.hybridconf.interpretation.plan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.AssignedInterpreter;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Channel;
import dev.hybridconf.contracts.interpretation.SessionInterpretationPublished.Delivery;
import dev.hybridconf.interpretation.planning.StaffingSolution.Turn;

/**
 * The published plan of a conference (stored): its version, every booth with its seats (each an assignment with a
 * stable id and the interpreter's answer), the declines recorded since the first publication (kept for ever, so the
 * planner never puts anyone back where they declined), and what was last emitted per session, so that a publication
 * emits only what changed.
 */
record PublishedPlan(
        String conferenceId,
        long version,
        Instant publishedAt,
        String draftId,
        List<PublishedBooth> booths,
        List<DeclineRecord> declines,
        Map<String, SessionSnapshot> emitted) {

    PublishedPlan {
        booths = booths == null ? List.of() : List.copyOf(booths);
        declines = declines == null ? List.of() : List.copyOf(declines);
        emitted = emitted == null ? Map.of() : Map.copyOf(emitted);
    }

    /** An interpreter's answer to an assignment. */
    enum Status {
        ASSIGNED, ACCEPTED, DECLINED
    }

    /**
     * A booth as published, with the session's times and room then (the schedule shifts turns if the session moved
     * since).
     */
    record PublishedBooth(String sessionId, String language, boolean sign, Delivery delivery, List<String> sources,
            String relayFrom, boolean givesRelay, Instant start, Instant end, String room, List<Assignment> seats,
            List<Turn> turns) {

        PublishedBooth {
            sources = sources == null ? List.of() : List.copyOf(sources);
            seats = seats == null ? List.of() : List.copyOf(seats);
            turns = turns == null ? List.of() : List.copyOf(turns);
        }

        /** Seats with an interpreter who has not declined. */
        Stream<Assignment> filled() {
            return seats.stream().filter(Assignment::filled);
        }

        boolean covered() {
            return seats.stream().allMatch(Assignment::filled);
        }
    }

    /**
     * One seat of a booth: {@code assignmentId} is stable for the seat (session, language, seat number) across
     * publications; {@code interpreterId} null is an empty seat. A declined seat keeps its interpreter (they still see
     * their answer) but counts as empty until the next publication.
     */
    record Assignment(String assignmentId, int seat, String interpreterId, Status status, Instant answeredAt) {

        boolean filled() {
            return interpreterId != null && status != Status.DECLINED;
        }

        Assignment answered(Status answer, Instant at) {
            return new Assignment(assignmentId, seat, interpreterId, answer, at);
        }
    }

    /** An interpreter declined the booth into {@code language} of a session. */
    record DeclineRecord(String sessionId, String language, String interpreterId, Instant at) {
    }

    /** A session's interpretation as last emitted (the event's data without its version). */
    record SessionSnapshot(List<String> floorLanguages, List<Channel> channels, List<AssignedInterpreter> interpreters) {

        SessionSnapshot {
            floorLanguages = floorLanguages == null ? List.of() : List.copyOf(floorLanguages);
            channels = channels == null ? List.of() : List.copyOf(channels);
            interpreters = interpreters == null ? List.of() : List.copyOf(interpreters);
        }

        boolean interpreted() {
            return !channels.isEmpty();
        }
    }

    /** The id of a seat: the same for the same session, language and seat number, whoever sits there. */
    static String assignmentId(String conferenceId, String sessionId, String language, int seat) {
        return UUID.nameUUIDFromBytes((conferenceId + "|" + sessionId + "|" + language + "|" + seat)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    Optional<PublishedBooth> booth(String sessionId, String language) {
        return booths.stream().filter(b -> b.sessionId().equals(sessionId) && b.language().equals(language))
                .findFirst();
    }

    boolean declined(String sessionId, String language, String interpreterId) {
        return declines.stream().anyMatch(d -> d.sessionId().equals(sessionId) && d.language().equals(language)
                && d.interpreterId().equals(interpreterId));
    }

    /** This plan with one assignment answered (and, for a decline, the decline recorded). */
    PublishedPlan answer(String assignmentId, Status answer, Instant at) {
        List<PublishedBooth> changed = new ArrayList<>(booths.size());
        List<DeclineRecord> recorded = new ArrayList<>(declines);
        for (PublishedBooth booth : booths) {
            List<Assignment> seats = new ArrayList<>(booth.seats().size());
            for (Assignment seat : booth.seats()) {
                if (seat.assignmentId().equals(assignmentId)) {
                    seats.add(seat.answered(answer, at));
                    if (answer == Status.DECLINED
                            && !declined(booth.sessionId(), booth.language(), seat.interpreterId())) {
                        recorded.add(new DeclineRecord(booth.sessionId(), booth.language(), seat.interpreterId(), at));
                    }
                } else {
                    seats.add(seat);
                }
            }
            changed.add(new PublishedBooth(booth.sessionId(), booth.language(), booth.sign(), booth.delivery(),
                    booth.sources(), booth.relayFrom(), booth.givesRelay(), booth.start(), booth.end(), booth.room(),
                    seats, booth.turns()));
        }
        return new PublishedPlan(conferenceId, version, publishedAt, draftId, changed, recorded, emitted);
    }

    /** Every assignment with its booth, in booth order. */
    List<Map.Entry<PublishedBooth, Assignment>> assignments() {
        List<Map.Entry<PublishedBooth, Assignment>> all = new ArrayList<>();
        for (PublishedBooth booth : booths) {
            for (Assignment seat : booth.seats()) {
                all.add(Map.entry(booth, seat));
            }
        }
        return all;
    }

    static Map<String, SessionSnapshot> copy(Map<String, SessionSnapshot> snapshots) {
        return new LinkedHashMap<>(snapshots);
    }
}
