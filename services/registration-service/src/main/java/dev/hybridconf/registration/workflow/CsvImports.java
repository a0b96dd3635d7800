package dev.hybridconf.registration.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.kit.errors.ProblemMessages;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validator;

/**
 * Imports registrations or invitations from a CSV file, in the background.
 *
 * <p>Every row of one import is for the same conference (the {@code conference} parameter). The upload is
 * streamed to a temporary file (the body limit of the import path bounds it), then
 * checked as a whole ({@link CsvImportFile#check}): a file that is not CSV, has no header or names
 * unknown columns is refused before any row is written. The import then runs on a worker thread,
 * row by row. Each row is validated with the same Bean Validation as the JSON form and written with
 * {@link Registrations#submit} or {@link Invitations#issue}: one atomic Redis step per row, so a row
 * is either completely written (with its {@code registration.submitted.v1} event in the outbox) or not
 * at all. Rows that fail are reported with their number, field and a message in the language of the
 * request that started the import; the others go through.
 *
 * <p>If the process dies mid-import, the rows already written stay complete and published, the
 * import's state stays RUNNING with an {@code updatedAt} that no longer moves, and its temporary file
 * is lost with the replica. Importing the same file again is safe: rows already stored fail as
 * duplicates (one registration or open invitation per e-mail) and only the missing ones are added.
 * An invitation created just before a crash may not have its link saved yet; revoke it and invite
 * again. On an orderly shutdown the running import stops between rows and is marked FAILED, saying
 * where it stopped.
 */
@Service
class CsvImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CsvImports.class);

    /** Progress is saved after this many rows, or {@link #SAVE_EVERY} after the last save, whichever comes first. */
    private static final int SAVE_ROWS = 100;
    private static final Duration SAVE_EVERY = Duration.ofMillis(500);

    private static final Set<String> YES = Set.of("true", "yes", "y", "1", "oui", "o", "si", "sí", "x");
    private static final Set<String> NO = Set.of("false", "no", "n", "0", "non");

    private final ImportJobs jobs;
    private final Registrations registrations;
    private final Invitations invitations;
    private final Validator validator;
    private final ProblemMessages messages;
    private final ImportSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor workers;

    CsvImports(ImportJobs jobs, Registrations registrations, Invitations invitations, Validator validator,
            ProblemMessages messages, ImportSettings settings, Clock clock, MeterRegistry meters) {
        this.jobs = jobs;
        this.registrations = registrations;
        this.invitations = invitations;
        this.validator = validator;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queue()), task -> {
                    Thread thread = new Thread(task, "csv-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Takes an upload: stores it, checks it, and starts importing it.
     *
     * @param conferenceId the conference every row is registered for, or invited to
     * @param requested    the language of the request; row errors are written in it
     * @return the new import, RUNNING
     * @throws ImportException  (400) when the file cannot be read as CSV of this kind, (429) when too many imports wait
     * @throws ProblemException (413) when the upload is larger than the import path accepts
     */
    ImportJobs.View start(ImportKind kind, String conferenceId, InputStream body, Charset charset, Locale requested,
            String startedBy) throws IOException {
        Locale language = ProblemMessages.supported(requested);
        Path file = Files.createTempFile(Path.of(settings.directory()), "registration-import-", ".csv");
        boolean handedOver = false;
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            CsvImportFile csv = CsvImportFile.check(file, charset, kind);
            String id = UUID.randomUUID().toString();
            ImportJobs.Created created = jobs.create(id, kind, conferenceId, language, csv.rows(), startedBy);
            try {
                workers.execute(new Run(kind, conferenceId, csv, file, language, created.progress()));
            } catch (RejectedExecutionException full) {
                jobs.delete(id);
                throw ImportException.busy();
            }
            handedOver = true;
            log.info("Import {} of {} started: {} rows", id, kind.parameter(), csv.rows());
            return created.view();
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** One import on a worker thread. */
    private final class Run implements Runnable {

        private final ImportKind kind;
        private final String conferenceId;
        private final CsvImportFile csv;
        private final Path file;
        private final Locale language;
        private final ImportJobs.Progress progress;
        /** E-mail (normalised) to the row that imported it, to name the first row in a duplicate's error. */
        private final Map<String, Long> imported = new HashMap<>();
        private long currentRow;
        private long failedRows;
        private Instant savedAt;

        Run(ImportKind kind, String conferenceId, CsvImportFile csv, Path file, Locale language,
                ImportJobs.Progress progress) {
            this.kind = kind;
            this.conferenceId = conferenceId;
            this.csv = csv;
            this.file = file;
            this.language = language;
            this.progress = progress;
        }

        @Override
        public void run() {
            long started = System.nanoTime();
            savedAt = clock.instant();
            // Bean Validation interpolates its messages in the locale of the current thread's context.
            LocaleContextHolder.setLocale(language);
            ImportJobs.Status outcome = ImportJobs.Status.FAILED;
            try {
                csv.forEachRow(row -> {
                    if (Thread.interrupted()) {
                        throw new Stopped();
                    }
                    currentRow = row.number();
                    importRow(row);
                    if (progress.holdsLinks() || progress.rowsSinceSave() >= SAVE_ROWS
                            || clock.instant().isAfter(savedAt.plus(SAVE_EVERY))) {
                        jobs.save(progress);
                        savedAt = clock.instant();
                    }
                });
                jobs.finish(progress, ImportJobs.Status.DONE, null);
                outcome = ImportJobs.Status.DONE;
            } catch (Stopped stopped) {
                stop("import.interrupted");
            } catch (IOException | RuntimeException e) {
                boolean interrupted = Thread.interrupted();
                if (!interrupted) {
                    log.error("Import {} stopped at row {}", progress.id(), currentRow, e);
                }
                stop(interrupted ? "import.interrupted" : "import.failed");
            } finally {
                LocaleContextHolder.resetLocaleContext();
                delete(file);
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                meters.counter("registration.imports", "kind", kind.parameter(), "status", outcome.name()).increment();
                log.info("Import {} of {} {} in {} ms: {} rows read, {} refused", progress.id(), kind.parameter(),
                        outcome, millis, progress.rowsRead(), failedRows);
            }
        }

        /** Marks the import FAILED, saying where it stopped; if even that fails it stays RUNNING. */
        private void stop(String reason) {
            try {
                jobs.finish(progress, ImportJobs.Status.FAILED, text(reason, currentRow));
            } catch (RuntimeException unsaved) {
                log.warn("Import {} could not record that it stopped at row {}", progress.id(), currentRow, unsaved);
            }
        }

        private void importRow(CsvImportFile.Row row) {
            if (row.cells() != csv.width()) {
                fail(List.of(new ImportJobs.RowError(row.number(), null,
                        text("import.row.cells", row.cells(), csv.width()))));
                return;
            }
            if (kind == ImportKind.REGISTRATIONS) {
                importRegistration(row);
            } else {
                importInvitation(row);
            }
        }

        private void importRegistration(CsvImportFile.Row row) {
            Map<String, String> conversion = new LinkedHashMap<>();
            AttendanceMode mode = attendanceMode(row, conversion);
            SubmitRegistrationRequest form = new SubmitRegistrationRequest(conferenceId, row.get("fullName"),
                    row.get("email"),
                    row.get("organisation"), row.get("position"), row.get("city"), upper(row.get("country")), mode,
                    lower(row.get("preferredLanguage")), yesNo(row, "interpretationNeeded", conversion),
                    lower(row.get("interpretationLanguage")), row.get("accessibilityNeeds"), row.get("timeZone"),
                    yesNo(row, "sponsorshipRequested", conversion), row.get("sponsorshipJustification"), null,
                    yesNo(row, "privacyConsent", conversion));
            List<ImportJobs.RowError> errors = errors(row, conversion, validator.validate(form));
            if (errors.isEmpty()) {
                String email = Registration.normaliseEmail(form.email());
                try {
                    duplicateInFile(row, email);
                    registrations.submitForOrganiser(form);
                    imported.put(email, row.number());
                    progress.succeeded(null);
                    return;
                } catch (ProblemException refused) {
                    errors = List.of(rowError(row, refused));
                }
            }
            fail(errors);
        }

        private void importInvitation(CsvImportFile.Row row) {
            Map<String, String> conversion = new LinkedHashMap<>();
            String roles = row.get("roles");
            InvitationController.InviteRequest request = new InvitationController.InviteRequest(conferenceId,
                    row.get("email"),
                    roles == null ? null : Arrays.stream(roles.split("[;|,]")).map(String::strip)
                            .filter(role -> !role.isEmpty()).map(role -> role.toLowerCase(Locale.ROOT)).toList(),
                    yesNo(row, "skipReview", conversion),
                    lower(row.get("language")));
            List<ImportJobs.RowError> errors = errors(row, conversion, validator.validate(request));
            if (errors.isEmpty()) {
                String email = Registration.normaliseEmail(request.email());
                try {
                    duplicateInFile(row, email);
                    Invitations.Issued issued = invitations.issue(conferenceId, request.email(), request.roles(),
                            Boolean.TRUE.equals(request.skipReview()), request.language());
                    imported.put(email, row.number());
                    progress.succeeded(new ImportJobs.IssuedLink(row.number(), issued.invitation().email(),
                            issued.invitation().id(), issued.link()));
                    return;
                } catch (ProblemException refused) {
                    errors = List.of(rowError(row, refused));
                }
            }
            fail(errors);
        }

        private void fail(List<ImportJobs.RowError> errors) {
            failedRows++;
            progress.failed(errors);
        }

        private void duplicateInFile(CsvImportFile.Row row, String email) {
            Long first = imported.get(email);
            if (first != null) {
                throw new DuplicateInFile(first);
            }
        }

        /** Conversion errors first; a field that could not be converted is not reported again by validation. */
        private <T> List<ImportJobs.RowError> errors(CsvImportFile.Row row, Map<String, String> conversion,
                Set<ConstraintViolation<T>> violations) {
            List<ImportJobs.RowError> errors = new ArrayList<>();
            conversion.forEach((field, message) -> errors.add(new ImportJobs.RowError(row.number(), field, message)));
            for (ConstraintViolation<T> violation : violations) {
                String field = field(violation);
                if (!conversion.containsKey(field)) {
                    errors.add(new ImportJobs.RowError(row.number(), field, violation.getMessage()));
                }
            }
            errors.sort(Comparator.comparing(ImportJobs.RowError::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ImportJobs.RowError::message));
            return errors;
        }

        private ImportJobs.RowError rowError(CsvImportFile.Row row, ProblemException refused) {
            String field = switch (refused.slug()) {
                case "duplicate-registration", "already-invited", "duplicate-in-file" -> "email";
                default -> null;
            };
            return new ImportJobs.RowError(row.number(), field,
                    text(refused.messageKey(), refused.arguments()));
        }

        private AttendanceMode attendanceMode(CsvImportFile.Row row, Map<String, String> conversion) {
            String value = row.get("attendanceMode");
            if (value == null) {
                return null;
            }
            try {
                return AttendanceMode.valueOf(value.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
            } catch (IllegalArgumentException unknown) {
                conversion.put("attendanceMode", text("import.row.choice", value, "IN_PERSON, REMOTE"));
                return null;
            }
        }

        private Boolean yesNo(CsvImportFile.Row row, String column, Map<String, String> conversion) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            String folded = value.toLowerCase(Locale.ROOT);
            if (YES.contains(folded)) {
                return Boolean.TRUE;
            }
            if (NO.contains(folded)) {
                return Boolean.FALSE;
            }
            conversion.put(column, text("import.row.yes-no", value));
            return null;
        }

        private String text(String key, Object... arguments) {
            return messages.text(key, language, arguments);
        }
    }

    /** Thrown between rows when the service shuts down. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The e-mail of a row already imported from the same file. */
    private static final class DuplicateInFile extends ProblemException {
        DuplicateInFile(long firstRow) {
            super(HttpStatus.CONFLICT, "duplicate-in-file", "import.row.duplicate", firstRow);
        }
    }

    /** The property a violation is about: {@code roles} for {@code roles[2].<list element>}. */
    private static String field(ConstraintViolation<?> violation) {
        for (Node node : violation.getPropertyPath()) {
            if (node.getName() != null && !node.getName().isEmpty()) {
                return node.getName();
            }
        }
        return null;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import file {}", file, e);
        }
    }

    /**
     * On shutdown: the running imports stop between rows and are marked FAILED; the waiting ones are
     * marked FAILED without having written anything.
     */
    @Override
    public void destroy() throws InterruptedException {
        for (Runnable waiting : workers.shutdownNow()) {
            if (waiting instanceof Run run) {
                try {
                    jobs.finish(run.progress, ImportJobs.Status.FAILED, messages.text("import.not-started", run.language));
                } catch (RuntimeException unsaved) {
                    log.warn("Import {} could not record that it never started", run.progress.id(), unsaved);
                }
                delete(run.file);
            }
        }
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("CSV imports still running at shutdown; they stay RUNNING");
        }
    }
}
