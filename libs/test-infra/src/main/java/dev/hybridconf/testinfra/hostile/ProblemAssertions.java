package dev.hybridconf.testinfra.hostile;

import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every refusal of the platform looks like: RFC 9457 {@code application/problem+json} with a
 * stable {@code type} under {@code https://hybridconf.dev/problems/}, a {@code title} and the
 * {@code status} of the answer; and never a 5xx for input a client sent.
 */
public final class ProblemAssertions {

    public static final String TYPE_BASE = "https://hybridconf.dev/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemAssertions() {
    }

    /** The answer is the problem {@code slug} with {@code status}. */
    public static JsonNode assertProblem(RawHttp.Response response, int status, String slug) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " " + slug + " but got " + response);
        }
        JsonNode problem = assertWellFormedProblem(response, "");
        String type = problem.path("type").asString();
        if (!type.equals(TYPE_BASE + slug)) {
            throw new AssertionError("expected problem type " + TYPE_BASE + slug + " but got " + response);
        }
        return problem;
    }

    /**
     * The answer to hostile input is acceptable: not a 5xx, not a connection dropped without an
     * answer, and when it is a refusal (anything but 2xx or 3xx), well-formed problem details.
     *
     * @param what the request, named in the failure message
     */
    public static void assertHandled(RawHttp.Response response, Object what) {
        if (response.status() < 100) {
            throw new AssertionError(what + ": the connection closed without an answer");
        }
        if (response.status() >= 500) {
            throw new AssertionError(what + ": answered with a server error: " + response);
        }
        if (response.status() >= 400) {
            assertWellFormedProblem(response, what + ": ");
        }
    }

    /** Problem details with {@code type}, {@code title} and {@code status} matching the answer. */
    public static JsonNode assertWellFormedProblem(RawHttp.Response response, String context) {
        String contentType = response.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            throw new AssertionError(context + "expected application/problem+json but got " + response);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new AssertionError(context + "problem details are not JSON: " + response, e);
        }
        if (!problem.isObject() || !problem.path("type").asString("").startsWith(TYPE_BASE)
                || problem.path("title").asString("").isBlank() || problem.path("status").asInt() != response.status()) {
            throw new AssertionError(context + "problem details lack a platform type, a title or the status: " + response);
        }
        if (response.text().contains("Exception") || response.text().contains("\tat ")) {
            throw new AssertionError(context + "problem details reveal internals: " + response);
        }
        return problem;
    }
}
