/**
 * The programme: a conference (name, IANA time zone, working languages, dates, days with themes)
 * and its sessions (kind, start and end as instants plus the conference's zone, room, format,
 * languages, streaming, capacity, moderators, speakers, rapporteur, titles, slot, status).
 *
 * <p>Every change, whether an organiser's command or a whole-file import, goes the same way: the
 * desired programme is built as a {@link ProgrammeDocument}, checked as a whole by
 * {@link ProgrammeRules}, compared with what is stored ({@link ProgrammeDiff}), and the differences
 * are written by {@link ProgrammeStore#commit} in one Lua step guarded by the conference's programme
 * version, together with their events and one changelog entry. Reads render times in any IANA zone.
 *
 * <p>Seams for the features built on top: {@link ProgrammeStore} (public reads), {@link ProgrammeHook}
 * (join a programme write, e.g. to release enrolments of a cancelled session in the same step).
 */
package dev.hybridconf.session.programme;
