package dev.hybridconf.registration.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

/**
 * What organisers see of one conference's registrations: a filtered, searched page, counts, and every
 * match in submission order (for the CSV export). Another conference's registrations are never read.
 *
 * <p>Each query reads every registration once, oldest first, in pipelined pages of {@value #READ_BATCH}
 * ({@link Registrations#forEach}), and filters in memory: a conference has thousands of participants,
 * not millions, and the filters combine freely with accent-insensitive search, which secondary
 * indexes in Redis would not give without a search module. Memory stays bounded by the page asked
 * for, not by the number of registrations.
 */
@Service
class RegistrationDirectory {

    static final int READ_BATCH = 500;

    /** One page of matches; {@code total} counts every match. */
    record Page(String conferenceId, long total, int page, int size, List<RegistrationView> items) {
    }

    /** How many registrations match, split by status, attendance mode, preferred language and country. */
    record Counts(String conferenceId, long total, Map<String, Long> byStatus, Map<String, Long> byAttendanceMode,
            Map<String, Long> byLanguage, Map<String, Long> byCountry) {
    }

    private final Registrations registrations;

    RegistrationDirectory(Registrations registrations) {
        this.registrations = registrations;
    }

    /** Every match of the conference, oldest first, to {@code action}. */
    void forEach(String conferenceId, DirectoryFilter filter, Consumer<Registration> action) {
        registrations.forEach(conferenceId, READ_BATCH, registration -> {
            if (filter.matches(registration)) {
                action.accept(registration);
            }
        });
    }

    /**
     * One page of matches by submission time.
     *
     * @param newestFirst the most recent registrations first (otherwise the oldest first)
     */
    Page page(String conferenceId, DirectoryFilter filter, boolean newestFirst, int page, int size) {
        long from = (long) page * size;
        if (!newestFirst) {
            List<RegistrationView> items = new ArrayList<>();
            long[] total = {0};
            forEach(conferenceId, filter, registration -> {
                if (total[0] >= from && total[0] < from + size) {
                    items.add(registration.view());
                }
                total[0]++;
            });
            return new Page(conferenceId, total[0], page, size, items);
        }
        // The store reads oldest first, and the total is known only at the end: keep the ids of the last
        // (page + 1) * size matches, then read the page's registrations again. A registration changed in
        // between shows its current state.
        long keep = from + size;
        Deque<String> last = new ArrayDeque<>();
        long[] total = {0};
        forEach(conferenceId, filter, registration -> {
            last.addLast(registration.id());
            if (last.size() > keep) {
                last.removeFirst();
            }
            total[0]++;
        });
        List<String> kept = new ArrayList<>(last);
        int end = (int) Math.max(0, kept.size() - from);
        List<String> ids = new ArrayList<>(kept.subList(Math.max(0, end - size), end));
        Collections.reverse(ids);
        List<RegistrationView> items = registrations.findAll(ids).stream().map(Registration::view).toList();
        return new Page(conferenceId, total[0], page, size, items);
    }

    Counts counts(String conferenceId, DirectoryFilter filter) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Registration.Status status : Registration.Status.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Long> byMode = new LinkedHashMap<>();
        for (AttendanceMode mode : AttendanceMode.values()) {
            byMode.put(mode.name(), 0L);
        }
        Map<String, Long> byLanguage = new LinkedHashMap<>();
        for (String language : List.of("en", "fr", "es")) {
            byLanguage.put(language, 0L);
        }
        Map<String, Long> byCountry = new TreeMap<>();
        long[] total = {0};
        forEach(conferenceId, filter, registration -> {
            total[0]++;
            byStatus.merge(registration.status().name(), 1L, Long::sum);
            byMode.merge(registration.attendanceMode().name(), 1L, Long::sum);
            byLanguage.merge(registration.preferredLanguage(), 1L, Long::sum);
            byCountry.merge(registration.country(), 1L, Long::sum);
        });
        return new Counts(conferenceId, total[0], byStatus, byMode, byLanguage, byCountry);
    }
}
