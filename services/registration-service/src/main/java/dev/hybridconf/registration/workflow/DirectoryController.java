package dev.hybridconf.registration.workflow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.ProblemDetailsAdvice.FieldProblem;
import dev.hybridconf.kit.errors.ProblemMessages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Organisers look at one conference's registrations ({@code conference}, required: a registration for
 * another conference is never shown, counted or exported): a filtered and searched list, counts, and a CSV
 * export. Every endpoint takes the same filters: {@code status}, {@code mode}, {@code language},
 * {@code country}, {@code role} (each repeatable or comma-separated; values of one filter are
 * alternatives) and {@code q} (words searched, ignoring case and accents, in name, e-mail,
 * organisation and city). An unknown value is a 400 that names the parameter.
 */
@RestController
@RequestMapping("/api/registrations")
@PreAuthorize("hasRole('organiser')")
class DirectoryController {

    private static final Logger log = LoggerFactory.getLogger(DirectoryController.class);

    private final RegistrationDirectory directory;
    private final ProblemMessages messages;
    private final ConferenceRules conferences;

    DirectoryController(RegistrationDirectory directory, ProblemMessages messages, ConferenceRules conferences) {
        this.directory = directory;
        this.messages = messages;
        this.conferences = conferences;
    }

    /**
     * One page of matching registrations.
     *
     * @param sort {@code -submittedAt} (newest first, the default) or {@code submittedAt} (oldest first)
     */
    @GetMapping
    RegistrationDirectory.Page list(@RequestParam(required = false) String conference,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> mode, @RequestParam(required = false) List<String> language,
            @RequestParam(required = false) List<String> country, @RequestParam(required = false) List<String> role,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "-submittedAt") String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Locale locale) {
        boolean newestFirst = switch (sort.strip()) {
            case "-submittedAt" -> true;
            case "submittedAt", "+submittedAt" -> false;
            default -> throw new InvalidParametersException(List.of(new FieldProblem("sort",
                    messages.text("directory.unknown-value", locale, sort, "-submittedAt, submittedAt"))));
        };
        Scope scope = scope(conference, status, mode, language, country, role, q, locale);
        return directory.page(scope.conferenceId(), scope.filter(), newestFirst, page, size);
    }

    @GetMapping("/counts")
    RegistrationDirectory.Counts counts(@RequestParam(required = false) String conference,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> mode, @RequestParam(required = false) List<String> language,
            @RequestParam(required = false) List<String> country, @RequestParam(required = false) List<String> role,
            @RequestParam(required = false) @Size(max = 200) String q, Locale locale) {
        Scope scope = scope(conference, status, mode, language, country, role, q, locale);
        return directory.counts(scope.conferenceId(), scope.filter());
    }

    /**
     * The matching registrations as CSV, oldest first, streamed row by row. The filters are checked
     * before the first byte is written, so a bad one is still a clean 400.
     */
    @GetMapping("/export.csv")
    void export(@RequestParam(required = false) String conference, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> mode, @RequestParam(required = false) List<String> language,
            @RequestParam(required = false) List<String> country, @RequestParam(required = false) List<String> role,
            @RequestParam(required = false) @Size(max = 200) String q, Locale locale, HttpServletResponse response)
            throws IOException {
        Scope scope = scope(conference, status, mode, language, country, role, q, locale);
        String id = scope.conferenceId();
        DirectoryFilter filter = scope.filter();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=registrations-" + id + ".csv");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        RegistrationCsv csv = RegistrationCsv.open(out);
        long[] rows = {0};
        try {
            directory.forEach(id, filter, registration -> {
                try {
                    csv.write(registration);
                    if (++rows[0] % RegistrationDirectory.READ_BATCH == 0) {
                        csv.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (UncheckedIOException aborted) {
            // The client went away mid-download; the response is committed, there is nobody to answer.
            log.info("CSV export stopped after {} rows: {}", rows[0], aborted.getCause().getMessage());
        }
    }

    /** The conference and the filters a view asks for. */
    private record Scope(String conferenceId, DirectoryFilter filter) {
    }

    /**
     * Reads the conference (required) and the filters, naming every bad parameter in one 400; then the
     * conference must be one the session service published (404 otherwise).
     */
    private Scope scope(String conference, List<String> status, List<String> mode, List<String> language,
            List<String> country, List<String> role, String q, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        if (conference == null || conference.isBlank()) {
            problems.add(new FieldProblem("conference", messages.text("registration.conference.parameter", locale)));
        }
        DirectoryFilter filter = null;
        try {
            filter = DirectoryFilter.parse(status, mode, language, country, role, q, messages, locale);
        } catch (InvalidParametersException invalid) {
            problems.addAll(invalid.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return new Scope(conferences.require(conference.strip()).id(), filter);
    }
}
