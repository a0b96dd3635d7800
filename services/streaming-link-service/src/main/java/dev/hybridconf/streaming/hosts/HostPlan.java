package dev.hybridconf.streaming.hosts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;

/**
 * Whether the pool is big enough for a day: the stretches of time in which more sessions need a host at once
 * (each session occupying its host from its start to its end plus the buffer) than the pool has hosts, and the
 * sessions that still have no host or no meeting.
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
        List<SessionView> needing = sessions.onDay(day).stream()
                .filter(s -> s.needsMeeting() && !s.cancelled() && s.start() != null && s.end() != null)
                .sorted(Comparator.comparing(SessionView::start)).toList();
        TreeSet<Instant> edges = new TreeSet<>();
        needing.forEach(s -> {
            edges.add(s.start());
            edges.add(s.end().plus(buffer));
        });
        List<Shortfall> shortfalls = new ArrayList<>();
        Instant previous = null;
        for (Instant edge : edges) {
            if (previous != null) {
                Instant from = previous;
                List<String> busy = needing.stream()
                        .filter(s -> s.start().isBefore(edge) && s.end().plus(buffer).isAfter(from))
                        .map(SessionView::sessionId).toList();
                if (busy.size() > hosts.size()) {
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
}
