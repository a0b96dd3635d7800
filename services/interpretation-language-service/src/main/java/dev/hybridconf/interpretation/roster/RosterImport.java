package dev.hybridconf.interpretation.roster;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.hybridconf.interpretation.roster.ImportRefusedException.RowError;
import dev.hybridconf.interpretation.roster.ImportReport.Outcome;
import dev.hybridconf.interpretation.roster.ImportReport.RowOutcome;
import dev.hybridconf.kit.errors.InvalidFieldsException.Invalid;
import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * Imports a roster from CSV, all or nothing: every row is checked (its cells, then against the other rows and the
 * roster: e-mails and registrations once each, partners known), and only when every row passes are the new and
 * changed entries written, in one atomic step. Rows match existing entries by e-mail (an upsert); a row that
 * changes nothing writes nothing (a second import of the same file changes no version). A column the file does
 * not have ({@code zoom_email}, {@code partners}, {@code registration_id}) keeps what matched entries hold.
 *
 * <p>A dry run checks and reports the same, and writes nothing. Refusals list each problem with its line and
 * column, in the reader's language.
 */
@Service
class RosterImport {

    private static final Logger log = LoggerFactory.getLogger(RosterImport.class);
    private static final int ATTEMPTS = 4;

    private final RedisRoster roster;
    private final ProblemMessages messages;

    RosterImport(RedisRoster roster, ProblemMessages messages) {
        this.roster = roster;
        this.messages = messages;
    }

    /** An organiser's upload; new entries get random ids. */
    ImportReport upload(String conferenceId, byte[] body, String contentType, boolean dryRun, Locale locale) {
        Charset charset = CsvRosterFile.charset(contentType);
        return run(conferenceId, CsvRosterFile.read(body, charset), dryRun, locale, email -> UUID.randomUUID().toString());
    }

    /**
     * @param newId the roster id of a new entry, from its e-mail
     * @throws ImportRefusedException when any row is refused (nothing written)
     * @throws RosterProblem          409 when the roster kept changing meanwhile, or would grow too large
     */
    ImportReport run(String conferenceId, CsvRosterFile file, boolean dryRun, Locale locale,
            Function<String, String> newId) {
        Locale language = ProblemMessages.supported(locale);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, InterpreterProfile> current = roster.load(conferenceId);
            Plan plan = plan(conferenceId, file, current, roster.conferenceDays(conferenceId), language, newId);
            if (!dryRun) {
                try {
                    roster.apply(conferenceId, plan.writes(), current);
                } catch (RosterProblem.Stale stale) {
                    continue;
                }
            }
            ImportReport report = plan.report(conferenceId, dryRun);
            log.info("Roster import for {}{}: {} created, {} updated, {} unchanged", conferenceId,
                    dryRun ? " (dry run)" : "", report.created(), report.updated(), report.unchanged());
            return report;
        }
        throw RosterProblem.changedConcurrently();
    }

    /** The entries to write, and every row's outcome. */
    private record Plan(List<RedisRoster.Planned> writes, List<RowOutcome> outcomes) {

        ImportReport report(String conferenceId, boolean dryRun) {
            return new ImportReport(conferenceId, dryRun, count(Outcome.CREATED), count(Outcome.UPDATED),
                    count(Outcome.UNCHANGED), outcomes);
        }

        private int count(Outcome outcome) {
            return (int) outcomes.stream().filter(row -> row.outcome() == outcome).count();
        }
    }

    /** A row read on its own: its draft (partners as e-mails) and the entry it matches, or its problems. */
    private static final class Read {
        final CsvRosterFile.Row row;
        final List<Invalid> problems = new ArrayList<>();
        InterpreterDraft draft;
        InterpreterProfile existing;
        String id;
        /** The row's e-mail and registration when valid, even if other cells are not (to report repeats). */
        String email;
        String registrationId;

        Read(CsvRosterFile.Row row) {
            this.row = row;
        }
    }

    private Plan plan(String conferenceId, CsvRosterFile file, Map<String, InterpreterProfile> current,
            Optional<Set<LocalDate>> days, Locale language, Function<String, String> newId) {
        Map<String, InterpreterProfile> byEmail = new HashMap<>();
        current.values().forEach(p -> byEmail.put(p.email(), p));
        List<Read> reads = new ArrayList<>();
        Map<String, Long> emailLines = new HashMap<>();
        Map<String, Long> registrationLines = new HashMap<>();
        for (CsvRosterFile.Row row : file.rows()) {
            Read read = read(row, file.columns(), byEmail, days);
            reads.add(read);
            if (read.email != null) {
                Long first = emailLines.putIfAbsent(read.email, row.line());
                if (first != null) {
                    read.problems.add(new Invalid("email", "roster.import.email-twice", first));
                }
            }
            if (read.registrationId != null && row.has("registration_id")) {
                Long taken = registrationLines.putIfAbsent(read.registrationId, row.line());
                if (taken != null) {
                    read.problems.add(new Invalid("registration_id", "roster.import.registration-twice", taken));
                }
            }
            if (read.draft != null) {
                read.id = read.existing != null ? read.existing.interpreterId() : newId.apply(read.draft.email());
            }
        }
        Map<String, String> idsByEmail = new HashMap<>();
        current.values().forEach(p -> idsByEmail.put(p.email(), p.interpreterId()));
        Map<String, String> registrationsAfter = new HashMap<>();
        current.values().forEach(p -> {
            if (p.registrationId() != null) {
                registrationsAfter.put(p.email(), p.registrationId());
            }
        });
        for (Read read : reads) {
            if (read.draft != null && read.id != null) {
                idsByEmail.put(read.draft.email(), read.id);
                if (read.draft.registrationId() == null) {
                    registrationsAfter.remove(read.draft.email());
                } else {
                    registrationsAfter.put(read.draft.email(), read.draft.registrationId());
                }
            }
        }
        List<RedisRoster.Planned> writes = new ArrayList<>();
        List<RowOutcome> outcomes = new ArrayList<>();
        long creates = 0;
        for (Read read : reads) {
            if (read.draft == null || !read.problems.isEmpty()) {
                continue;
            }
            InterpreterDraft draft = read.draft;
            if (draft.registrationId() != null) {
                registrationsAfter.forEach((email, registration) -> {
                    if (registration.equals(draft.registrationId()) && !email.equals(draft.email())
                            && !emailLines.containsKey(email)) {
                        read.problems.add(new Invalid("registration_id", "roster.import.registration-taken"));
                    }
                });
            }
            Set<String> partners = new LinkedHashSet<>();
            for (String email : draft.partners()) {
                String partner = idsByEmail.get(email);
                if (email.equals(draft.email())) {
                    read.problems.add(new Invalid("partners", "roster.import.partner-self"));
                } else if (partner == null) {
                    read.problems.add(new Invalid("partners", "roster.import.partner-unknown", email));
                } else {
                    partners.add(partner);
                }
            }
            if (!read.problems.isEmpty()) {
                continue;
            }
            InterpreterProfile existing = read.existing;
            InterpreterProfile after = new InterpreterProfile(read.id, conferenceId, draft.registrationId(),
                    draft.name(), draft.email(), draft.zoomEmail(), draft.languages(), draft.mode(), draft.availability(),
                    partners, existing == null ? 1 : existing.version() + 1);
            Outcome outcome;
            if (existing == null) {
                outcome = Outcome.CREATED;
                creates++;
                writes.add(new RedisRoster.Planned(null, after));
            } else if (ProfileRules.sameContent(existing, after)) {
                outcome = Outcome.UNCHANGED;
            } else {
                outcome = Outcome.UPDATED;
                writes.add(new RedisRoster.Planned(existing, after));
            }
            outcomes.add(new RowOutcome(read.row.line(), draft.email(), read.id, outcome));
        }
        refuseIfAnyProblem(reads, language);
        if (current.size() + creates > RedisRoster.MAX_INTERPRETERS) {
            throw RosterProblem.full(RedisRoster.MAX_INTERPRETERS);
        }
        return new Plan(writes, outcomes);
    }

    /** Reads one row's cells; a column the file lacks takes the matched entry's value (or none). */
    private Read read(CsvRosterFile.Row row, Set<String> columns, Map<String, InterpreterProfile> byEmail,
            Optional<Set<LocalDate>> days) {
        Read read = new Read(row);
        List<Invalid> problems = read.problems;
        if (row.extra()) {
            problems.add(new Invalid("", "roster.import.extra-cells", columns.size()));
        }
        Set<String> tooLong = new HashSet<>();
        for (String column : columns) {
            if (row.get(column).length() > CsvRosterFile.MAX_CELL) {
                problems.add(new Invalid(column, "roster.field.too-long", CsvRosterFile.MAX_CELL));
                tooLong.add(column);
            }
        }
        String name = tooLong.contains("name") ? null : ProfileRules.name(row.get("name"), "name", problems);
        String email = tooLong.contains("email") ? null : ProfileRules.email(row.get("email"), "email", true, problems);
        InterpreterProfile existing = email == null ? null : byEmail.get(email);
        String zoomEmail = !row.has("zoom_email") ? (existing == null ? null : existing.zoomEmail())
                : tooLong.contains("zoom_email") ? null
                : ProfileRules.email(row.get("zoom_email"), "zoom_email", false, problems);
        List<LanguageSkill> languages = tooLong.contains("languages") ? List.of()
                : RosterCsv.languages(row.get("languages"), problems);
        WorkMode mode = null;
        if (!tooLong.contains("mode")) {
            String cell = row.get("mode");
            if (cell.isEmpty()) {
                problems.add(new Invalid("mode", "roster.field.required"));
            } else {
                mode = ProfileRules.mode(cell).orElse(null);
                if (mode == null) {
                    problems.add(new Invalid("mode", "roster.import.mode", RosterCsv.shorten(cell)));
                }
            }
        }
        List<Availability> availability = tooLong.contains("availability") ? List.of()
                : RosterCsv.availability(row.get("availability"), days, problems);
        List<String> partners = new ArrayList<>();
        if (!row.has("partners")) {
            if (existing != null) {
                Map<String, String> emails = new HashMap<>();
                byEmail.values().forEach(p -> emails.put(p.interpreterId(), p.email()));
                existing.preferredPartners().stream().map(emails::get).filter(Objects::nonNull).sorted()
                        .forEach(partners::add);
            }
        } else if (!tooLong.contains("partners")) {
            List<String> tokens = RosterCsv.tokens(row.get("partners"));
            if (tokens.size() > ProfileRules.PARTNERS_MAX) {
                problems.add(new Invalid("partners", "roster.field.too-many", ProfileRules.PARTNERS_MAX));
            } else {
                for (String token : tokens) {
                    String partner = ProfileRules.email(token, "partners", true, new ArrayList<>());
                    if (partner == null) {
                        problems.add(new Invalid("partners", "roster.import.partner-email", RosterCsv.shorten(token)));
                    } else if (partners.contains(partner)) {
                        problems.add(new Invalid("partners", "roster.import.partner-twice", partner));
                    } else {
                        partners.add(partner);
                    }
                }
            }
        }
        String registrationId = !row.has("registration_id") ? (existing == null ? null : existing.registrationId())
                : tooLong.contains("registration_id") ? null
                : ProfileRules.registrationId(row.get("registration_id"), "registration_id", problems);
        read.email = email;
        read.registrationId = registrationId;
        if (problems.isEmpty()) {
            read.draft = new InterpreterDraft(name, email, zoomEmail, registrationId, languages, mode, availability,
                    partners);
            read.existing = existing;
        }
        return read;
    }

    private void refuseIfAnyProblem(List<Read> reads, Locale language) {
        List<RowError> errors = new ArrayList<>();
        Set<Long> refused = new TreeSet<>();
        for (Read read : reads) {
            for (Invalid problem : read.problems) {
                refused.add(read.row.line());
                errors.add(new RowError(read.row.line(), problem.field().isEmpty() ? null : problem.field(),
                        messages.text(problem.messageKey(), language, problem.arguments())));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingLong(RowError::line)
                    .thenComparing(RowError::column, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(RowError::message));
            throw new ImportRefusedException(errors, refused.size(), reads.size());
        }
    }
}
