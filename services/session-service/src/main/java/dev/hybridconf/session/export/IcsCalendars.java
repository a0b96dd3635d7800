package dev.hybridconf.session.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.session.programme.ProgrammeSession;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Renders sessions as an iCalendar document (RFC 5545) with ical4j: one {@code VTIMEZONE} per zone the
 * sessions are set in (from ical4j's zone registry), and per session a {@code VEVENT} whose
 * {@code DTSTART}/{@code DTEND} carry the {@code TZID} of that zone, so every calendar app shows the
 * conference's local times converted to its user's zone.
 *
 * <p>{@code UID} is {@code <session id>@hybridconf} and {@code SEQUENCE} the session's version, so a
 * subscribed calendar updates a moved session in place. A cancelled session is rendered
 * {@code STATUS:CANCELLED}; callers listing a programme leave cancelled sessions out.
 */
@Component
public class IcsCalendars {

    /** The media type of every rendered document. */
    public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

    private static final String PRODUCT = "-//hybridconf//session-service//EN";

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final ProblemMessages messages;
    private final ExportLinks links;

    IcsCalendars(ProblemMessages messages, ExportLinks links) {
        this.messages = messages;
        this.links = links;
    }

    /**
     * The sessions as one calendar, in start order.
     *
     * @param calendarName shown by calendar apps as the calendar's name ({@code X-WR-CALNAME})
     * @param sessions     any sessions, of any conferences
     * @param language     en, fr or es: the language of titles, descriptions and labels (a text missing in it
     *                     falls back to another language)
     * @throws IllegalArgumentException when {@code language} is not one of en, fr, es
     */
    public String render(String calendarName, List<ProgrammeSession> sessions, String language) {
        if (!ExportLanguage.ALL.contains(language)) {
            throw new IllegalArgumentException("not a platform language: " + language);
        }
        return render(calendarName, sessions, new ExportLanguage(language));
    }

    String render(String calendarName, List<ProgrammeSession> sessions, ExportLanguage language) {
        List<ProgrammeSession> ordered = sessions.stream()
                .sorted(Comparator.comparing(ProgrammeSession::start).thenComparing(ProgrammeSession::id)).toList();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        Set<ZoneId> used = new LinkedHashSet<>();
        ordered.forEach(s -> used.add(s.zone()));
        if (used.size() == 1) {
            calendar.add(new XProperty("X-WR-TIMEZONE", used.iterator().next().getId()));
        }
        for (ZoneId zone : used) {
            calendar.add(vtimezone(zone));
        }
        Instant stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (ProgrammeSession session : ordered) {
            calendar.add(event(session, language, stamp));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("an exported calendar did not validate", e);
        }
        return out.toString();
    }

    private net.fortuna.ical4j.model.component.VTimeZone vtimezone(ZoneId zone) {
        TimeZone timeZone;
        synchronized (zones) {
            timeZone = zones.getTimeZone(zone.getId());
        }
        if (timeZone == null) {
            throw new IllegalStateException("ical4j has no VTIMEZONE for " + zone.getId());
        }
        return timeZone.getVTimeZone().copy();
    }

    private VEvent event(ProgrammeSession session, ExportLanguage language, Instant stamp) {
        VEvent event = new VEvent(false);
        event.add(new Uid(session.id() + "@hybridconf"));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(session.start().atZone(session.zone())));
        event.add(new DtEnd<>(session.end().atZone(session.zone())));
        event.add(new Summary(language.in(session.title())));
        String description = description(session, language);
        if (!description.isEmpty()) {
            event.add(new Description(description));
        }
        event.add(new Location(session.room() != null ? session.room()
                : messages.text("export.room.online", language.locale())));
        List<String> categories = new ArrayList<>();
        categories.add(kind(session, language));
        if (session.track() != null && !session.track().isBlank()) {
            categories.add(session.track());
        }
        event.add(new Categories(new TextList(categories)));
        event.add(session.scheduled() ? new Status(Status.VALUE_CONFIRMED) : new Status(Status.VALUE_CANCELLED));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, session.version())));
        URI portal = links.portalSession(session.id());
        if (portal != null) {
            event.add(new Url(portal));
        }
        return event;
    }

    private String description(ProgrammeSession session, ExportLanguage language) {
        StringBuilder text = new StringBuilder(language.in(session.description()));
        if (!session.speakers().isEmpty()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(messages.text("export.speakers", language.locale(), String.join(", ", session.speakers())));
        }
        return text.toString();
    }

    String kind(ProgrammeSession session, ExportLanguage language) {
        return messages.text("export.kind." + session.kind().name(), language.locale());
    }
}
