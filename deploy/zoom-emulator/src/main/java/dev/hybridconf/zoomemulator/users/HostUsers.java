package dev.hybridconf.zoomemulator.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.hybridconf.zoomemulator.EmulatorProperties;

/** The account's host users; the configured ones at start and after a reset. */
@Component
public class HostUsers {

    private final List<EmulatorProperties.HostSpec> configured;
    private final Map<String, HostUser> byId = new LinkedHashMap<>();

    public HostUsers(EmulatorProperties properties) {
        this.configured = properties.hostSpecs();
        reset();
    }

    public synchronized void reset() {
        byId.clear();
        int n = 1;
        for (EmulatorProperties.HostSpec spec : configured) {
            add(HostUser.of(spec.email(), "Host", Integer.toString(n++), spec.webinarLicence()));
        }
    }

    /** Adds a user, or replaces the one with the same e-mail. */
    public synchronized HostUser add(HostUser user) {
        byId.put(user.id(), user);
        return user;
    }

    public synchronized List<HostUser> all() {
        return new ArrayList<>(byId.values());
    }

    /**
     * The user a path's {@code userId} names: an id, an e-mail, or {@code me} (the account owner, here the first
     * host user).
     */
    public synchronized Optional<HostUser> find(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        if (userId.equals("me")) {
            return byId.values().stream().findFirst();
        }
        HostUser user = byId.get(userId);
        if (user != null) {
            return Optional.of(user);
        }
        String email = userId.toLowerCase(Locale.ROOT);
        return byId.values().stream().filter(candidate -> candidate.email().equals(email)).findFirst();
    }
}
