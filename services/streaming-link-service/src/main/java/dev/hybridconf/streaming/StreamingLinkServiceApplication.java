package dev.hybridconf.streaming;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.hybridconf.kit.EnableServiceKit;

/** Zoom meetings per session, personal join links, host pool, webhooks and attendance. */
@SpringBootApplication
@EnableServiceKit
public class StreamingLinkServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamingLinkServiceApplication.class, args);
    }
}
