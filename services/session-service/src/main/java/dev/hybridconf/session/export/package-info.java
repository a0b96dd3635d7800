/**
 * Schedule exports read from {@code ProgrammeStore}: the Frab-compatible JSON (c3voc schedule format,
 * as pretalx emits it) and XML that conference apps read, and iCalendar files (whole programme, one
 * day, one session) with a VTIMEZONE of the conference zone. {@link dev.hybridconf.session.export.IcsCalendars}
 * renders any list of sessions, which the personal-agenda feed uses: a private subscription address
 * per participant ({@link dev.hybridconf.session.export.CalendarTokens}) whose sessions come from an
 * {@link dev.hybridconf.session.export.AgendaSource}.
 */
package dev.hybridconf.session.export;
