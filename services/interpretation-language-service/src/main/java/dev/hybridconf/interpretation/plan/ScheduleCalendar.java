package dev.hybridconf.interpretation.plan;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
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
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An interpreter's published schedule as an iCalendar document (RFC 5545, ical4j), like the session service's
 * agenda feed: the conference's {@code VTIMEZONE} and every time in it; per assignment not declined a
 * {@code VEVENT} whose {@code UID} is {@code <assignment id>@hybridconf-interpretation} and whose {@code SEQUENCE} is
 * the plan's version, so a subscribed calendar updates in place. An accepted assignment is {@code CONFIRMED}, one
 * not answered yet {@code TENTATIVE}, one no longer needed {@code CANCELLED}.
 */
@Component
class ScheduleCalendar {

    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

    private static final String PRODUCT = "-//hybridconf//interpretation-language-service//EN";

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final PlanTexts texts;

    ScheduleCalendar(PlanTexts texts) {
        this.texts = texts;
    }

    String render(PlanViews.ScheduleView schedule, ZoneId zone, Locale locale) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", texts.text("plan.calendar.name", locale, schedule.name(),
                schedule.conferenceId())));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        calendar.add(vtimezone(zone));
        Instant stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (PlanViews.ScheduleItem item : schedule.assignments()) {
            if ("DECLINED".equals(item.status()) || item.start() == null || item.end() == null) {
                continue;
            }
            calendar.add(event(item, schedule, zone, stamp, locale));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("a schedule calendar did not validate", e);
        }
        return out.toString();
    }

    private VEvent event(PlanViews.ScheduleItem item, PlanViews.ScheduleView schedule, ZoneId zone, Instant stamp,
            Locale locale) {
        VEvent event = new VEvent(false);
        event.add(new Uid(item.assignmentId() + "@hybridconf-interpretation"));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(item.start().atZoneSameInstant(zone)));
        event.add(new DtEnd<>(item.end().atZoneSameInstant(zone)));
        String title = item.title() == null ? item.sessionId() : item.title();
        event.add(new Summary(texts.text("plan.calendar.summary", locale, item.languageName(), title)));
        event.add(new Location("ZOOM".equals(item.where()) ? texts.text("plan.where.ZOOM", locale)
                : texts.text("plan.calendar.booth", locale, item.room())));
        event.add(new Description(description(item, locale)));
        event.add(!item.stillNeeded() ? new Status(Status.VALUE_CANCELLED)
                : "ACCEPTED".equals(item.status()) ? new Status(Status.VALUE_CONFIRMED)
                        : new Status(Status.VALUE_TENTATIVE));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, schedule.planVersion() == null ? 0
                : schedule.planVersion())));
        return event;
    }

    private String description(PlanViews.ScheduleItem item, Locale locale) {
        StringBuilder text = new StringBuilder();
        text.append(texts.text("plan.calendar.into", locale, item.languageName(),
                item.sources().stream().map(s -> texts.language(s, locale)).collect(Collectors.joining(", "))));
        if (item.relayFrom() != null) {
            text.append('\n').append(texts.text("plan.calendar.relay", locale, texts.language(item.relayFrom(), locale)));
        }
        if (!item.partners().isEmpty()) {
            text.append('\n').append(texts.text("plan.calendar.partners", locale,
                    item.partners().stream().map(p -> p.name() == null ? p.interpreterId() : p.name())
                            .collect(Collectors.joining(", "))));
        }
        if (!item.turns().isEmpty()) {
            text.append('\n').append(texts.text("plan.calendar.turns", locale));
            java.time.format.DateTimeFormatter hours = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
            item.turns().forEach(t -> text.append('\n').append(hours.format(t.from())).append('–')
                    .append(hours.format(t.to())).append(' ').append(t.name() == null ? t.interpreterId() : t.name()));
        }
        text.append('\n').append(texts.text("plan.status." + item.status(), locale));
        return text.toString();
    }

    private VTimeZone vtimezone(ZoneId zone) {
        TimeZone timeZone;
        synchronized (zones) {
            timeZone = zones.getTimeZone(zone.getId());
        }
        if (timeZone == null) {
            throw new IllegalStateException("ical4j has no VTIMEZONE for " + zone.getId());
        }
        return timeZone.getVTimeZone().copy();
    }
}
