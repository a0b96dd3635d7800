package dev.hybridconf.kit.messaging;

import java.util.Comparator;
import java.util.List;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.security.access.AccessDeniedException;

import dev.hybridconf.kit.errors.NotFoundException;

/**
 * The operator's rebuild of a view from offset 0 ({@link ViewRebuilds}), as the actuator endpoint {@code views}
 * (expose it with {@code management.endpoints.web.exposure.include}): {@code GET /actuator/views} lists the
 * service's rebuildable views, {@code POST /actuator/views/{name}} drops one and replays its topics. Signed-in
 * organisers (or an {@code operator} role, where a deployment has one) only; anyone else gets 403, an unknown view
 * 404, as problem details.
 */
@Endpoint(id = "views")
public class ViewsEndpoint {

    /** A view and the listener that keeps it. */
    public record View(String name, String listenerId) {
    }

    private final ViewRebuilds rebuilds;

    public ViewsEndpoint(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @ReadOperation
    public List<View> views(SecurityContext security) {
        requireOrganiser(security);
        return rebuilds.all().stream().map(view -> new View(view.name(), view.listenerId()))
                .sorted(Comparator.comparing(View::name)).toList();
    }

    @WriteOperation
    public ViewRebuilds.Rebuild rebuild(@Selector String name, SecurityContext security) {
        requireOrganiser(security);
        return rebuilds.rebuild(rebuilds.find(name).orElseThrow(() -> new NotFoundException("problem.not-found")));
    }

    /** Problem answers (403, 404) come from the kit's error handling, like any other endpoint's. */
    private static void requireOrganiser(SecurityContext security) {
        if (security == null || !(security.isUserInRole("organiser") || security.isUserInRole("operator"))) {
            throw new AccessDeniedException("views: organisers and operators only");
        }
    }
}
