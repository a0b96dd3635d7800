package dev.hybridconf.kit.messaging;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;

/**
 * The operator's rebuild of a view from offset 0 ({@link ViewRebuilds}): {@code GET /api/operations/views} lists
 * the service's rebuildable views, {@code POST /api/operations/views/{name}/rebuild} drops one and replays its
 * topics. Organisers and operators only.
 */
@RestController
@RequestMapping("/api/operations/views")
@PreAuthorize("hasAnyRole('organiser', 'operator')")
class ViewRebuildController {

    record ViewResponse(String name, String listenerId) {
    }

    private final ViewRebuilds rebuilds;

    ViewRebuildController(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    List<ViewResponse> views() {
        return rebuilds.all().stream().map(view -> new ViewResponse(view.name(), view.listenerId()))
                .sorted(java.util.Comparator.comparing(ViewResponse::name)).toList();
    }

    @PostMapping("/{name}/rebuild")
    ViewRebuilds.Rebuild rebuild(@PathVariable String name) {
        return rebuilds.rebuild(rebuilds.find(name).orElseThrow(() -> new NotFoundException("problem.not-found")));
    }
}
