package dev.hybridconf.registration.workflow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How CSV imports run (under {@code platform.registration.imports}). The upload size is bounded by
 * {@code platform.http.large-body-bytes}, which applies to {@code POST /api/registrations/imports}.
 *
 * @param retention  how long an import's progress, errors and invitation links stay readable after it
 *                   started and again after it finished
 * @param workers    imports that run at the same time on one replica
 * @param queue      imports that may wait for a worker; one more is refused with 429
 * @param errorsKept row errors stored per import; the others are only counted
 * @param directory  where uploads wait while they are imported (the system's temporary directory by default)
 */
@ConfigurationProperties("platform.registration.imports")
public record ImportSettings(Duration retention, int workers, int queue, int errorsKept, String directory) {

    public ImportSettings {
        retention = retention != null ? retention : Duration.ofDays(7);
        workers = workers > 0 ? workers : 2;
        queue = queue > 0 ? queue : 8;
        errorsKept = errorsKept > 0 ? errorsKept : 1000;
        directory = directory != null && !directory.isBlank() ? directory : System.getProperty("java.io.tmpdir");
    }
}
