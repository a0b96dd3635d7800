package dev.hybridconf.zoomemulator.gate;

import static dev.hybridconf.zoomemulator.gate.RateCategory.HEAVY;
import static dev.hybridconf.zoomemulator.gate.RateCategory.LIGHT;
import static dev.hybridconf.zoomemulator.gate.RateCategory.MEDIUM;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every endpoint the emulator answers as Zoom would, with the rate-limit category Zoom's reference gives it
 * (where the reference was not checked, the category is the emulator's assumption; see the module README).
 * Meetings and webinars have the same endpoints under {@code /meetings/} and {@code /webinars/}.
 */
public final class ZoomRoutes {

    public static final String TOKEN = "/oauth/token";

    private static final List<ZoomRoute> ROUTES = routes();

    private ZoomRoutes() {
    }

    private static List<ZoomRoute> routes() {
        List<ZoomRoute> routes = new ArrayList<>();
        routes.add(new ZoomRoute("POST", TOKEN, null));
        routes.add(new ZoomRoute("GET", "/v2/users", MEDIUM));
        routes.add(new ZoomRoute("GET", "/v2/users/{userId}", LIGHT));
        routes.add(new ZoomRoute("GET", "/v2/users/{userId}/settings", MEDIUM));
        for (String kind : List.of("meeting", "webinar")) {
            String base = "/v2/" + kind + "s/{" + kind + "Id}";
            RateCategory create = kind.equals("meeting") ? MEDIUM : LIGHT;
            routes.add(new ZoomRoute("POST", "/v2/users/{userId}/" + kind + "s", create));
            routes.add(new ZoomRoute("GET", "/v2/users/{userId}/" + kind + "s", MEDIUM));
            routes.add(new ZoomRoute("GET", base, LIGHT));
            routes.add(new ZoomRoute("PATCH", base, LIGHT));
            routes.add(new ZoomRoute("DELETE", base, LIGHT));
            routes.add(new ZoomRoute("POST", base + "/registrants", LIGHT));
            routes.add(new ZoomRoute("GET", base + "/registrants", MEDIUM));
            routes.add(new ZoomRoute("PUT", base + "/registrants/status", MEDIUM));
            routes.add(new ZoomRoute("POST", base + "/batch_registrants", HEAVY));
            routes.add(new ZoomRoute("GET", base + "/livestream", LIGHT));
            routes.add(new ZoomRoute("PATCH", base + "/livestream", LIGHT));
            routes.add(new ZoomRoute("PATCH", base + "/livestream/status", LIGHT));
        }
        return List.copyOf(routes);
    }

    public static List<ZoomRoute> all() {
        return ROUTES;
    }

    /** The emulated endpoint a request is for, if any. */
    public static Optional<ZoomRoute> match(String method, String path) {
        return ROUTES.stream().filter(route -> route.matches(method, path)).findFirst();
    }

    /** The rate category of the endpoint {@code method} {@code template}, e.g. {@code POST /v2/users/{userId}/meetings}. */
    public static RateCategory category(String method, String template) {
        return ROUTES.stream().filter(route -> route.method().equals(method) && route.template().equals(template))
                .findFirst().map(ZoomRoute::category)
                .orElseThrow(() -> new IllegalArgumentException("No emulated endpoint " + method + " " + template));
    }

    /** Whether the emulator treats {@code path} as Zoom's (faults and the call log apply only there). */
    public static boolean isZoomPath(String path) {
        return path.equals(TOKEN) || path.startsWith("/v2/");
    }
}
