package dev.hybridconf.registration.workflow;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.errors.ProblemDetailsAdvice.FieldProblem;
import dev.hybridconf.kit.errors.ProblemMessages;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Organisers import registrations or invitations from a CSV file: {@code POST} answers 202 with the
 * new import as soon as the file is stored and checked; the rows are imported in the background, and
 * {@code GET /api/registrations/imports/{id}} (on any replica) shows progress and row errors. For
 * invitations it also lists each created invitation's link: the only place its code is ever shown.
 */
@RestController
@RequestMapping("/api/registrations/imports")
@PreAuthorize("hasRole('organiser')")
class ImportController {

    private final CsvImports imports;
    private final ImportJobs jobs;
    private final ProblemMessages messages;
    private final ConferenceRules conferences;

    ImportController(CsvImports imports, ImportJobs jobs, ProblemMessages messages, ConferenceRules conferences) {
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
        this.conferences = conferences;
    }

    /**
     * Starts an import of the CSV body ({@code text/csv}, UTF-8 unless its charset says otherwise).
     *
     * @param kind       {@code registrations} or {@code invitations}
     * @param conference the conference every row is registered for, or invited to
     */
    @PostMapping
    ResponseEntity<ImportJobs.View> start(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String conference, HttpServletRequest request,
            @AuthenticationPrincipal Jwt caller, Locale locale) throws IOException {
        ImportKind parsed = ImportKind.fromParameter(kind).orElseThrow(() -> new InvalidParametersException(
                List.of(new FieldProblem("kind", messages.text("import.kind", locale)))));
        String conferenceId = conferences.requireParameter(conference).id();
        Charset charset = CsvImportFile.charset(request.getContentType());
        ImportJobs.View job = imports.start(parsed, conferenceId, request.getInputStream(), charset, locale,
                caller == null ? null : caller.getSubject());
        return ResponseEntity.accepted().location(URI.create("/api/registrations/imports/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    ImportJobs.View get(@PathVariable UUID id, Locale locale) {
        return jobs.find(id.toString(), locale).orElseThrow(() -> new NotFoundException("import.not-found", id));
    }
}
