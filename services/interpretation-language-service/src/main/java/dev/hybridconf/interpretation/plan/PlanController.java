package dev.hybridconf.interpretation.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.web.PublicBaseUrl;

/**
 * The organisers' side of the plan (role {@code organiser}, checked before anything else by
 * {@code platform.security.role-paths}): solve in the background and follow it, read the draft, publish it, and the
 * coverage matrix and load per interpreter.
 */
@RestController
@RequestMapping("/api/interpretation/conferences/{conferenceId}/plan")
class PlanController {

    /** Optional body of a solve request: a time limit other than the configured one. */
    record SolveRequest(Integer limitSeconds) {
    }

    record PublishView(String conferenceId, long planVersion, Instant publishedAt, int sessionsChanged, int sessions,
            int seats, int gaps, int hardViolations) {
    }

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final PlanConferences conferences;
    private final PlanSolves solves;
    private final Publications publications;
    private final PlanViews views;
    private final CoverageCsv csv;
    private final PublicBaseUrl links;

    PlanController(PlanConferences conferences, PlanSolves solves, Publications publications, PlanViews views,
            CoverageCsv csv, PublicBaseUrl links) {
        this.conferences = conferences;
        this.solves = solves;
        this.publications = publications;
        this.views = views;
        this.csv = csv;
        this.links = links;
    }

    /** Starts a solve: 202 and where to follow it; 409 with the running one's progress if one runs. */
    @PostMapping("/solve")
    ResponseEntity<PlanViews.ProgressView> solve(@PathVariable String conferenceId,
            @RequestBody(required = false) SolveRequest request) {
        Locale locale = PlanTexts.reader(null);
        conferences.require(conferenceId);
        Duration limit = null;
        if (request != null && request.limitSeconds() != null) {
            long max = solves.maxTimeLimit().toSeconds();
            if (request.limitSeconds() < 1 || request.limitSeconds() > max) {
                throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("limitSeconds",
                        "plan.field.limit", max)));
            }
            limit = Duration.ofSeconds(request.limitSeconds());
        }
        SolveState started = solves.start(conferenceId, PlanSolves.REQUESTED, limit);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, links.resolve(path(conferenceId) + "/solve"))
                .body(views.progress(conferenceId, started, locale));
    }

    @GetMapping("/solve")
    PlanViews.ProgressView progress(@PathVariable String conferenceId, @RequestParam(required = false) String lang) {
        Locale locale = PlanTexts.reader(lang);
        conferences.require(conferenceId);
        return views.progress(conferenceId, solves.progress(conferenceId), locale);
    }

    @GetMapping
    PlanViews.PlanView plan(@PathVariable String conferenceId, @RequestParam(required = false) String lang) {
        Locale locale = PlanTexts.reader(lang);
        ZoneId zone = conferences.require(conferenceId);
        return views.plan(conferenceId, zone, solves.progress(conferenceId), locale);
    }

    /** Publishes the draft; {@code override=true} publishes one that breaks hard rules. */
    @PostMapping("/publish")
    PublishView publish(@PathVariable String conferenceId,
            @RequestParam(required = false, defaultValue = "false") boolean override) {
        Publications.Outcome outcome = publications.publish(conferenceId, override);
        return new PublishView(conferenceId, outcome.planVersion(), outcome.publishedAt(), outcome.sessionsChanged(),
                outcome.sessions(), outcome.seats(), outcome.gaps(), outcome.hardViolations());
    }

    /** The coverage matrix as JSON, or CSV when the caller accepts {@code text/csv} and not JSON first. */
    @GetMapping("/coverage")
    ResponseEntity<?> coverage(@PathVariable String conferenceId, @RequestParam(required = false) String day,
            @RequestParam(required = false) String plan, @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Locale locale = PlanTexts.reader(lang);
        LocalDate date = day(day);
        String source = PlanViews.planParameter(plan);
        ZoneId zone = conferences.require(conferenceId);
        PlanViews.CoverageView coverage = views.coverage(conferenceId, zone, date, source, locale);
        if (wantsCsv(accept)) {
            return csv(conferenceId, date, coverage, locale);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(coverage);
    }

    @GetMapping("/coverage.csv")
    ResponseEntity<String> coverageCsv(@PathVariable String conferenceId, @RequestParam(required = false) String day,
            @RequestParam(required = false) String plan, @RequestParam(required = false) String lang) {
        Locale locale = PlanTexts.reader(lang);
        LocalDate date = day(day);
        String source = PlanViews.planParameter(plan);
        ZoneId zone = conferences.require(conferenceId);
        return csv(conferenceId, date, views.coverage(conferenceId, zone, date, source, locale), locale);
    }

    @GetMapping("/load")
    PlanViews.LoadView load(@PathVariable String conferenceId, @RequestParam(required = false) String plan) {
        String source = PlanViews.planParameter(plan);
        conferences.require(conferenceId);
        return views.load(conferenceId, source);
    }

    private ResponseEntity<String> csv(String conferenceId, LocalDate day, PlanViews.CoverageView coverage,
            Locale locale) {
        String name = "coverage-" + conferenceId + (day == null ? "" : "-" + day) + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(csv.render(coverage, locale));
    }

    /**
     * Whether {@code text/csv} is asked for by name, with a quality above JSON's (or the same, listed first); a
     * wildcard alone, no header or an unreadable one read as JSON.
     */
    static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException unreadable) {
            return false;
        }
        double csv = 0;
        double json = 0;
        int csvAt = Integer.MAX_VALUE;
        int jsonAt = Integer.MAX_VALUE;
        for (int i = 0; i < types.size(); i++) {
            MediaType type = types.get(i);
            double quality = type.getQualityValue();
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype()) && quality > csv) {
                csv = quality;
                csvAt = Math.min(csvAt, i);
            }
            if ("application".equals(type.getType()) && "json".equals(type.getSubtype()) && quality > json) {
                json = quality;
                jsonAt = Math.min(jsonAt, i);
            }
        }
        return csv > 0 && (csv > json || csv == json && csvAt < jsonAt);
    }

    private static LocalDate day(String day) {
        if (day == null) {
            return null;
        }
        try {
            return LocalDate.parse(day.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid("day", "plan.field.day")));
        }
    }

    static String path(String conferenceId) {
        return "/api/interpretation/conferences/" + conferenceId + "/plan";
    }
}
