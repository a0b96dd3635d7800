package dev.hybridconf.streaming.hosts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;

/**
 * Whether the pool is big enough for a day: the stretches of time in which more sessions need a host at once
 * (each session occupying its host from its start to its end plus the buffer) than the pool has hosts, and the
 * sessions that still have no host or no meeting. The day's sessions are those starting on it; the day before's
 * sessions still running after midnight count in the stretches they share with this day's.
 */
@Component
class HostPlan {

    private final Sessions sessions;
    private final HostPool pool;

    HostPlan(Sessions sessions, HostPool pool) {
        this.sessions = sessions;
        this.pool = pool;
    }

    record Shortfall(Instant from, Instant to, int concurrentSessions, int hosts, int missingHosts,
            List<String> sessionIds) {
    }

    record Waiting(String sessionId, String kind, Instant start, Instant end, String provisioning,
            String failureReason) {
    }

    record Plan(LocalDate day, int hosts, int webinarHosts, Duration buffer, int sessionsNeedingHost,
            List<Shortfall> shortfalls, List<Waiting> withoutHost) {
    }

    Plan of(LocalDate day) {
        List<Host> hosts = pool.all();
        Duration buffer = pool.properties().buffer();
        List<SessionView> needing = needingHost(sessions.onDay(day));
        // The day before's sessions that run past midnight (with their buffer) into this day's first sessions
        // hold hosts then too: counted in this day's stretches, listed under the day they start.
        Instant firstStart = needing.isEmpty() ? null : needing.get(0).start();
        List<SessionView> carried = firstStart == null ? List.of() : needingHost(sessions.onDay(day.minusDays(1)))
                .stream().filter(s -> s.end().plus(buffer).isAfter(firstStart)).toList();
        Set<String> ofThisDay = needing.stream().map(SessionView::sessionId).collect(Collectors.toSet());
        List<SessionView> occupying = new ArrayList<>(carried);
        occupying.addAll(needing);
        occupying.sort(Comparator.comparing(SessionView::start));
        TreeSet<Instant> edges = new TreeSet<>();
        occupying.forEach(s -> {
            edges.add(s.start());
            edges.add(s.end().plus(buffer));
        });
        List<Shortfall> shortfalls = new ArrayList<>();
        Instant previous = null;
        for (Instant edge : edges) {
            if (previous != null) {
                Instant from = previous;
                List<String> busy = occupying.stream()
                        .filter(s -> s.start().isBefore(edge) && s.end().plus(buffer).isAfter(from))
                        .map(SessionView::sessionId).toList();
                // A stretch with none of this day's sessions is the day before's to report.
                if (busy.size() > hosts.size() && busy.stream().anyMatch(ofThisDay::contains)) {
                    Shortfall last = shortfalls.isEmpty() ? null : shortfalls.get(shortfalls.size() - 1);
                    if (last != null && last.to().equals(from) && last.sessionIds().equals(busy)) {
                        shortfalls.set(shortfalls.size() - 1, new Shortfall(last.from(), edge, busy.size(),
                                hosts.size(), busy.size() - hosts.size(), busy));
                    } else {
                        shortfalls.add(new Shortfall(from, edge, busy.size(), hosts.size(),
                                busy.size() - hosts.size(), busy));
                    }
                }
            }
            previous = edge;
        }
        List<Waiting> waiting = needing.stream()
                .filter(s -> s.hostUserId() == null || !s.provisioned())
                .map(s -> new Waiting(s.sessionId(), s.kind(), s.start(), s.end(), s.provisioning(),
                        s.failureReason()))
                .toList();
        return new Plan(day, hosts.size(), (int) hosts.stream().filter(Host::webinarLicence).count(), buffer,
                needing.size(), shortfalls, waiting);
    }

    private static List<SessionView> needingHost(List<SessionView> ofDay) {
        return ofDay.stream().filter(s -> s.needsMeeting() && !s.cancelled() && s.start() != null && s.end() != null)
                .sorted(Comparator.comparing(SessionView::start)).toList();
    }
}
