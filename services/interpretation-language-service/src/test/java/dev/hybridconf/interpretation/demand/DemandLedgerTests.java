package dev.hybridconf.interpretation.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.registration.AttendanceChanged;
import dev.hybridconf.contracts.registration.LanguageChanged;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationRejected;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;
import dev.hybridconf.contracts.session.SessionEnrolled;
import dev.hybridconf.contracts.session.SessionEnrolmentCancelled;
import dev.hybridconf.contracts.session.SessionEnrolmentPromoted;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/**
 * The demand counters on a real Redis: randomized histories of registrations and breakout enrolments, applied in a
 * shuffled order by eight threads at once, with exact repeats and repeats under new ids (a relay takeover, a
 * dead-letter replay). Whatever the interleaving, the counters equal a recount from the participant records, and
 * both equal what the histories say when read in version order (the last word of each registration and enrolment).
 */
@SpringBootTest
@PlatformInfrastructure
class DemandLedgerTests {

    static final List<String> LANGUAGES = List.of("en", "fr", "es");
    static final List<String> MODES = List.of("IN_PERSON", "REMOTE");

    @Autowired
    DemandEventsListener listener;

    @Autowired
    DemandLedger ledger;

    private final EventCodec codec = new EventCodec();

    /** The last word of one registration, as its history in version order says. */
    static final class Person {
        String status;
        String mode;
        String preferred;
        String interpretation;
        boolean erased;
    }

    /** One randomized world: its events in commit order, and what they add up to. */
    final class World {
        final String conference = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        final List<String> sessions = new ArrayList<>();
        final Map<String, Person> people = new TreeMap<>();
        /** session → registration → last enrolment status */
        final Map<String, Map<String, String>> enrolments = new TreeMap<>();
        final List<CloudEvent> events = new ArrayList<>();

        World(Random random, int registrations, int breakouts) {
            for (int s = 0; s < breakouts; s++) {
                sessions.add(conference + "-breakout-" + s);
            }
            List<String> ids = new ArrayList<>();
            for (int r = 0; r < registrations; r++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                history(random, id);
            }
            for (String session : sessions) {
                enrolmentHistory(random, session, ids);
            }
        }

        private void history(Random random, String id) {
            Person p = new Person();
            people.put(id, p);
            long v = 0;
            p.mode = pick(random, MODES);
            p.preferred = pick(random, LANGUAGES);
            p.status = "PENDING";
            add(new RegistrationSubmitted(id, conference, p.mode, p.preferred, "SN"), ++v);
            double first = random.nextDouble();
            if (first < 0.7) {
                p.status = "APPROVED";
                p.interpretation = random.nextBoolean() ? null : pick(random, LANGUAGES);
                add(new RegistrationApproved(id, conference, p.mode, p.preferred, p.interpretation, null,
                        List.of("participant")), ++v);
            } else if (first < 0.85) {
                p.status = "WAITLISTED";
                add(new RegistrationWaitlisted(id, conference, p.mode), ++v);
            } else {
                p.status = "REJECTED";
                add(new RegistrationRejected(id, conference), ++v);
            }
            int more = random.nextInt(4);
            for (int i = 0; i < more && !p.erased; i++) {
                double step = random.nextDouble();
                if (step < 0.35) {
                    p.preferred = pick(random, LANGUAGES);
                    p.interpretation = random.nextBoolean() ? null : pick(random, LANGUAGES);
                    add(new LanguageChanged(id, conference, p.preferred, p.interpretation), ++v);
                } else if (step < 0.65) {
                    String before = p.mode;
                    p.mode = "IN_PERSON".equals(before) ? "REMOTE" : "IN_PERSON";
                    add(new AttendanceChanged(id, conference, before, p.mode, p.status), ++v);
                } else if (step < 0.85) {
                    p.status = "CANCELLED";
                    add(new RegistrationCancelled(id, conference, p.mode, true), ++v);
                } else {
                    p.erased = true;
                    add(new ParticipantErased(id, conference, p.mode, true), ++v);
                }
            }
        }

        private void enrolmentHistory(Random random, String session, List<String> ids) {
            Map<String, String> last = enrolments.computeIfAbsent(session, s -> new TreeMap<>());
            long v = 0;
            int steps = ids.size() / 2 + random.nextInt(ids.size());
            for (int i = 0; i < steps; i++) {
                String id = pick(random, ids);
                String held = last.getOrDefault(id, "NONE");
                if ("NONE".equals(held)) {
                    String status = random.nextDouble() < 0.75 ? "ENROLLED" : "WAITLISTED";
                    last.put(id, status);
                    add(new SessionEnrolled(session, conference, id, status, null), ++v);
                } else if ("WAITLISTED".equals(held) && random.nextBoolean()) {
                    last.put(id, "ENROLLED");
                    add(new SessionEnrolmentPromoted(session, conference, id, null), ++v);
                } else {
                    last.put(id, "NONE");
                    add(new SessionEnrolmentCancelled(session, conference, id, held, "ENROLLED".equals(held), "LEFT"),
                            ++v);
                }
            }
        }

        private void add(EventPayload payload, long version) {
            events.add(codec.wrap(payload instanceof RegistrationSubmitted || payload instanceof RegistrationApproved
                    || payload instanceof RegistrationWaitlisted || payload instanceof RegistrationRejected
                    || payload instanceof LanguageChanged || payload instanceof AttendanceChanged
                    || payload instanceof RegistrationCancelled || payload instanceof ParticipantErased
                            ? "registration-service" : "session-service",
                    payload).withAggregateVersion(version));
        }

        /** The counters these histories must leave, by key relative to the key space. */
        Map<String, Map<String, Long>> expected() {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            people.forEach((id, p) -> {
                if (p.erased || !"APPROVED".equals(p.status)) {
                    return;
                }
                String field = p.mode + ":" + (p.interpretation != null ? p.interpretation : p.preferred);
                counts.computeIfAbsent("demand:conference:" + conference, k -> new TreeMap<>()).merge(field, 1L,
                        Long::sum);
                enrolments.forEach((session, statuses) -> {
                    if ("ENROLLED".equals(statuses.get(id))) {
                        counts.computeIfAbsent("demand:session:" + session, k -> new TreeMap<>()).merge(field, 1L,
                                Long::sum);
                    }
                });
            });
            return counts;
        }

        /** Only this world's counters, of everything the store holds. */
        Map<String, Map<String, Long>> mine(Map<String, Map<String, Long>> all) {
            Map<String, Map<String, Long>> mine = new TreeMap<>(all);
            mine.keySet().removeIf(key -> !key.equals("demand:conference:" + conference)
                    && sessions.stream().noneMatch(s -> key.equals("demand:session:" + s)));
            return mine;
        }
    }

    @Test
    void countersEqualARecountAndTheHistoriesUnderAnyInterleavingAndRepeats() throws Exception {
        for (long seed : new long[] {1L, 42L, System.nanoTime()}) {
            Random random = new Random(seed);
            World world = new World(random, 80, 6);
            List<CloudEvent> deliveries = new ArrayList<>();
            for (CloudEvent event : world.events) {
                deliveries.add(event);
                double repeat = random.nextDouble();
                if (repeat < 0.2) {
                    deliveries.add(event);
                } else if (repeat < 0.3) {
                    // the same event again under another id and the same version: a dead letter replayed, or a
                    // repeat the marker does not catch
                    deliveries.add(new CloudEvent(event.specversion(), UUID.randomUUID(), event.source(), event.type(),
                            event.subject(), event.time(), event.datacontenttype(), event.data(),
                            event.aggregateversion()));
                }
            }
            Collections.shuffle(deliveries, random);
            applyConcurrently(deliveries, 8);

            assertThat(ledger.counters()).as("seed %d", seed).isEqualTo(ledger.recount());
            assertThat(world.mine(ledger.counters())).as("seed %d", seed).isEqualTo(world.expected());
        }
    }

    @Test
    void aReplayOfEverythingChangesNothing() throws Exception {
        Random random = new Random(7);
        World world = new World(random, 40, 3);
        applyConcurrently(world.events, 4);
        Map<String, Map<String, Long>> before = world.mine(ledger.counters());
        assertThat(before).isEqualTo(world.expected());

        List<CloudEvent> again = new ArrayList<>(world.events);
        for (CloudEvent event : world.events) {
            again.add(new CloudEvent(event.specversion(), UUID.randomUUID(), event.source(), event.type(),
                    event.subject(), event.time(), event.datacontenttype(), event.data(), event.aggregateversion()));
        }
        Collections.shuffle(again, random);
        applyConcurrently(again, 4);

        assertThat(world.mine(ledger.counters())).isEqualTo(before);
        assertThat(ledger.counters()).isEqualTo(ledger.recount());
    }

    private void applyConcurrently(List<CloudEvent> deliveries, int threads) throws Exception {
        ConcurrentLinkedQueue<CloudEvent> queue = new ConcurrentLinkedQueue<>(deliveries);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (CloudEvent event = queue.poll(); event != null; event = queue.poll()) {
                        listener.on(event);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
