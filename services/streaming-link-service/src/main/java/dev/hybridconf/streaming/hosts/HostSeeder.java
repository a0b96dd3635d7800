package dev.hybridconf.streaming.hosts;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Registers {@code platform.streaming.hosts.seed} at start-up when the pool is empty (the local stack's hosts). */
@Component
class HostSeeder implements ApplicationRunner {

    private final HostRegistration registration;
    private final HostPoolProperties properties;

    HostSeeder(HostRegistration registration, HostPoolProperties properties) {
        this.registration = registration;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        registration.seed(properties.seed());
    }
}
