package dev.hybridconf.session;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import dev.hybridconf.kit.EnableServiceKit;

/** The programme, breakout enrolment, conclusions and live status; learns participants from registration events. */
@SpringBootApplication
@EnableServiceKit
@EnableConfigurationProperties(SessionProperties.class)
public class SessionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SessionServiceApplication.class, args);
    }
}
