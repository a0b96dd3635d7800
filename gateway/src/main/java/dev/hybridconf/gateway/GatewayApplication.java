package dev.hybridconf.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The platform's only public entry point: routes {@code /api/**} and the Zoom webhooks to the
 * services, checks bearer tokens before anything reaches them, and serves the participant portal.
 * Routes, timeouts and the token issuer are configuration ({@code application.yml}).
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
