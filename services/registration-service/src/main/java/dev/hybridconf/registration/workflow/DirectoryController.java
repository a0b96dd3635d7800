package dev.hybridconf.registration.workflow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * Organisers look at the registrations as a whole: a filtered and searched list, counts, and a CSV
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

    DirectoryController(RegistrationDirectory directory, ProblemMessages messages) {
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * One page of matching registrations.
     *
     * @param sort {@code -submittedAt} (newest first, the default) or {@code submittedAt} (oldest first)
     */
    @GetMapping
    RegistrationDirectory.Page list(@RequestParam(required = false) List<String> status,
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
        DirectoryFilter filter = DirectoryFilter.parse(status, mode, language, country, role, q, messages, locale);
        return directory.page(filter, newestFirst, page, size);
    }

    @GetMapping("/counts")
    RegistrationDirectory.Counts counts(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> mode, @RequestParam(required = false) List<String> language,
            @RequestParam(required = false) List<String> country, @RequestParam(required = false) List<String> role,
            @RequestParam(required = false) @Size(max = 200) String q, Locale locale) {
        return directory.counts(DirectoryFilter.parse(status, mode, language, country, role, q, messages, locale));
    }

    /**
     * The matching registrations as CSV, oldest first, streamed row by row. The filters are checked
     * before the first byte is written, so a bad one is still a clean 400.
     */
    @GetMapping("/export.csv")
    void export(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> mode, @RequestParam(required = false) List<String> language,
            @RequestParam(required = false) List<String> country, @RequestParam(required = false) List<String> role,
            @RequestParam(required = false) @Size(max = 200) String q, Locale locale, HttpServletResponse response)
            throws IOException {
        DirectoryFilter filter = DirectoryFilter.parse(status, mode, language, country, role, q, messages, locale);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=registrations.csv");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        RegistrationCsv csv = RegistrationCsv.open(out);
        long[] rows = {0};
        try {
            directory.forEach(filter, registration -> {
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
}
