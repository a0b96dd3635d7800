package dev.hybridconf.registration.notification;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.registration.notification.DemoMailbox.DemoMail;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Reads the {@link DemoMailbox}: {@code GET /internal/demo-mailbox?to=<address>}. Like the demo
 * sign-in, it exists only when {@code platform.identity.demo-sign-in} is true (any other time the path
 * is a 404) and the gateway does not route it.
 */
@RestController
@ConditionalOnProperty(name = "platform.identity.demo-sign-in", havingValue = "true")
class DemoMailboxController {

    /** The messages kept for one address, newest first. */
    record DemoMailboxView(String to, List<DemoMail> messages) {
    }

    private final DemoMailbox mailbox;

    DemoMailboxController(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/internal/demo-mailbox")
    DemoMailboxView read(@RequestParam(required = false) @NotBlank @Email @Size(max = 254) String to) {
        return new DemoMailboxView(to, mailbox.to(to));
    }
}
