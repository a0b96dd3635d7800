package dev.hybridconf.zoomemulator.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import dev.hybridconf.zoomemulator.api.ZoomApiException;
import dev.hybridconf.zoomemulator.api.ZoomErrors;
import dev.hybridconf.zoomemulator.gate.Limits;
import dev.hybridconf.zoomemulator.gate.RateCategory;
import dev.hybridconf.zoomemulator.gate.ZoomRoute;
import dev.hybridconf.zoomemulator.gate.ZoomRoutes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sits in Tomcat in front of the application for Zoom's paths (the token endpoint and {@code /v2}): applies the
 * {@link Faults} and writes every call to the {@link CallLog}. It is a Tomcat valve rather than a servlet filter
 * because dropping a connection without an answer needs the connector: the response is marked committed (so that
 * nothing, not even a status line, is written) and the connection is closed at once, which a client sees as an
 * {@link IOException} (for OkHttp, "unexpected end of stream").
 */
public class FaultValve extends ValveBase {

    private final Faults faults;
    private final CallLog calls;
    private final Limits limits;
    private final JsonMapper json;

    public FaultValve(Faults faults, CallLog calls, Limits limits, JsonMapper json) {
        super(true);
        this.faults = faults;
        this.calls = calls;
        this.limits = limits;
        this.json = json;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String path = request.getRequestURI();
        if (!ZoomRoutes.isZoomPath(path)) {
            getNext().invoke(request, response);
            return;
        }
        long started = System.nanoTime();
        String method = request.getMethod();
        ZoomRoute route = ZoomRoutes.match(method, path).orElse(null);
        String endpoint = route != null ? route.endpoint() : method + " " + path;
        Faults.Decision decision = faults.decide(method, path);
        if (decision.latencyMillis() > 0) {
            try {
                Thread.sleep(decision.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        switch (decision.action()) {
            case DROP -> {
                calls.record(endpoint, path, "dropped", "drop", millis(started));
                response.getCoyoteResponse().setCommitted(true);
                response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
                return;
            }
            case SERVER_ERROR -> {
                write(response, new ZoomApiException(decision.status(), decision.status(),
                        "Internal Error (injected by the Zoom emulator)."));
                calls.record(endpoint, path, Integer.toString(decision.status()), "server-error", millis(started));
                return;
            }
            case TOO_MANY_REQUESTS -> {
                RateCategory category = route != null && route.category() != null ? route.category()
                        : RateCategory.LIGHT;
                write(response, limits.tooManyRequests(category));
                calls.record(endpoint, path, "429", "too-many-requests", millis(started));
                return;
            }
            case NONE -> {
            }
        }
        getNext().invoke(request, response);
        calls.record(endpoint, path, Integer.toString(response.getStatus()), null, millis(started));
    }

    private void write(Response response, ZoomApiException e) throws IOException {
        byte[] body = json.writeValueAsBytes(ZoomErrors.body(e));
        response.setStatus(e.status());
        e.headers().forEach(response::setHeader);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
