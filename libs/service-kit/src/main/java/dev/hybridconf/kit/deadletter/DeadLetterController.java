package dev.hybridconf.kit.deadletter;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The operator's view of the service's dead letters, for organisers: the consumed topics with their depth, a page of
 * one topic's dead letters, one dead letter in full, and a replay of chosen ones or all. Runbook:
 * {@code docs/runbooks/dead-letters.md}.
 */
@RestController
@RequestMapping("${platform.dead-letters.path:/api/operations/dead-letters}")
@PreAuthorize("hasRole('organiser')")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final DeadLetterDepth depth;

    DeadLetterController(DeadLetters deadLetters, DeadLetterDepth depth) {
        this.deadLetters = deadLetters;
        this.depth = depth;
    }

    record Topics(List<DeadLetters.TopicState> topics) {
    }

    /** A replay names either records (at most 500) or {@code all: true}. */
    record ReplayRequest(@Valid @Size(max = DeadLetterProperties.MAX_PAGE) List<@NotNull @Valid DeadLetterPosition> records,
            Boolean all) {
    }

    @GetMapping
    Topics topics() {
        return new Topics(deadLetters.consumedTopics().stream().map(deadLetters::state).toList());
    }

    @GetMapping("/{topic}")
    DeadLetters.Page list(@PathVariable String topic, @RequestParam(required = false) String order,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        boolean newestFirst = true;
        if (order != null) {
            switch (order.toLowerCase(Locale.ROOT)) {
                case "newest" -> newestFirst = true;
                case "oldest" -> newestFirst = false;
                default -> throw new InvalidFieldsException(List.of(
                        new InvalidFieldsException.Invalid("order", "problem.dead-letters.invalid-order")));
            }
        }
        return deadLetters.list(topic, newestFirst, limit == null ? 50 : limit, cursor);
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    DeadLetter one(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        if (partition < 0 || offset < 0) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.Invalid(partition < 0 ? "partition"
                    : "offset", "problem.invalid-value")));
        }
        return deadLetters.get(topic, partition, offset);
    }

    @PostMapping("/{topic}/replay")
    DeadLetters.ReplayResult replay(@PathVariable String topic, @Valid @RequestBody ReplayRequest request,
            Principal caller) {
        boolean all = Boolean.TRUE.equals(request.all());
        boolean some = request.records() != null && !request.records().isEmpty();
        if (all == some) {
            throw new InvalidFieldsException(List.of(
                    new InvalidFieldsException.Invalid("records", "problem.dead-letters.replay-what")));
        }
        String by = caller == null ? "unknown" : caller.getName();
        by = by.length() > 200 ? by.substring(0, 200) : by;
        DeadLetters.ReplayResult result = all ? deadLetters.replayAll(topic, by)
                : deadLetters.replay(topic, request.records(), by);
        depth.refreshSoon();
        return result;
    }
}
