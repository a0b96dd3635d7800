package dev.hybridconf.kit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Settings every service shares, under {@code platform}. Defaults suit the local stack; each
 * service's {@code application.yml} maps them to environment variables.
 *
 * @param serviceName CloudEvents source, consumer group and metrics tag, e.g. {@code registration-service}
 * @param keyspace    the service's own Redis key prefix, e.g. {@code registration}
 * @param namespace   optional prefix for topics, consumer groups and Redis keys (tests isolate by it)
 * @param instanceId  this replica's name (lease holder, metrics tag)
 */
@ConfigurationProperties("platform")
public record PlatformProperties(
        String serviceName,
        String keyspace,
        String namespace,
        String instanceId,
        Redis redis,
        Kafka kafka,
        Outbox outbox,
        Security security,
        Http http) {

    public PlatformProperties {
        if (!StringUtils.hasText(serviceName)) {
            throw new IllegalArgumentException("platform.service-name is required");
        }
        if (!StringUtils.hasText(keyspace)) {
            keyspace = serviceName.replaceFirst("-service$", "");
        }
        namespace = namespace == null ? "" : namespace.trim();
        if (!StringUtils.hasText(instanceId)) {
            instanceId = defaultInstanceId();
        }
        redis = redis == null ? new Redis(null, 0, 0, null, null) : redis;
        kafka = kafka == null ? new Kafka(0, (short) 0, null, null, 0, null, null) : kafka;
        outbox = outbox == null ? new Outbox(null, 0, null, null, null, null, null) : outbox;
        security = security == null ? new Security(null, null, null, null) : security;
        http = http == null ? new Http(0, null, 0) : http;
    }

    private static String defaultInstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "local");
        return host + "-" + ProcessHandle.current().pid();
    }

    /**
     * Redis connection and pool bounds.
     *
     * @param socketTimeout must stay above the outbox relay's blocking read
     */
    public record Redis(String host, int port, int maxTotal, Duration maxWait, Duration socketTimeout) {
        public Redis {
            host = StringUtils.hasText(host) ? host : "localhost";
            port = port > 0 ? port : 6379;
            maxTotal = maxTotal > 0 ? maxTotal : 16;
            maxWait = maxWait != null ? maxWait : Duration.ofSeconds(2);
            socketTimeout = socketTimeout != null ? socketTimeout : Duration.ofSeconds(5);
        }
    }

    /**
     * Topic layout.
     *
     * @param publishes the logical topic this service produces to (none for pure consumers)
     * @param consumes  logical topics this service reads; each gets a dead-letter topic
     * @param maxAttempts      deliveries of an event whose failure is unexpected (a defect) before it is
     *                         dead-lettered; transient failures are retried without limit, broken events not at all
     * @param retryInterval    first wait before retrying a failed event; doubles on every attempt
     * @param retryMaxInterval the longest wait between retries of a transient failure (default 30 s)
     */
    public record Kafka(int partitions, short replicationFactor, String publishes, List<String> consumes,
            int maxAttempts, Duration retryInterval, Duration retryMaxInterval) {
        public Kafka {
            partitions = partitions > 0 ? partitions : 6;
            replicationFactor = replicationFactor > 0 ? replicationFactor : 1;
            consumes = consumes == null ? List.of() : List.copyOf(consumes);
            maxAttempts = maxAttempts > 0 ? maxAttempts : 3;
            retryInterval = retryInterval != null ? retryInterval : Duration.ofMillis(500);
            retryMaxInterval = retryMaxInterval != null ? retryMaxInterval : Duration.ofSeconds(30);
        }
    }

    /**
     * Outbox relay behaviour: one relay per outbox at a time, across replicas (a lease), publishing in stream
     * order and never past an entry Kafka did not acknowledge.
     *
     * @param relayEnabled  whether this replica takes part in relaying (each replica does by default; one is active)
     * @param batchSize     entries read per pass
     * @param blockFor      how long a pass waits for new entries; also how often a replica without the lease
     *                      tries to take it (below the Redis socket timeout)
     * @param leaseTtl      how long the active relay's lease lasts without renewal (renewed every third of it):
     *                      after a relay died, another replica continues within about this long
     * @param sendTimeout   how long a pass waits for Kafka's acknowledgements
     * @param retryInitial  wait before the first retry of an entry Kafka did not take; doubles up to
     *                      {@code retryMax}
     * @param retryMax      the longest wait between retries
     */
    public record Outbox(Boolean relayEnabled, int batchSize, Duration blockFor, Duration leaseTtl,
            Duration sendTimeout, Duration retryInitial, Duration retryMax) {
        public Outbox {
            relayEnabled = relayEnabled == null || relayEnabled;
            batchSize = batchSize > 0 ? batchSize : 100;
            blockFor = blockFor != null ? blockFor : Duration.ofSeconds(1);
            leaseTtl = leaseTtl != null ? leaseTtl : Duration.ofSeconds(10);
            sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(30);
            retryInitial = retryInitial != null ? retryInitial : Duration.ofMillis(200);
            retryMax = retryMax != null ? retryMax : Duration.ofSeconds(5);
        }
    }

    /**
     * Token validation.
     *
     * @param publicPaths request patterns open without a token, as {@code "POST /api/registrations"}
     *                    or {@code "/oauth2/jwks"} (any method)
     * @param rolePaths   request patterns only a role (or any of a comma list) may call, as {@code "organiser POST
     *                    /api/registrations/bulk"} or {@code "rapporteur,organiser GET /api/rapporteur/x"}:
     *                    checked before the body is read, so others get 403 rather than a validation answer
     */
    public record Security(String jwkSetUri, String issuer, List<String> publicPaths, List<String> rolePaths) {
        public Security {
            jwkSetUri = StringUtils.hasText(jwkSetUri) ? jwkSetUri : "http://localhost:8081/oauth2/jwks";
            issuer = StringUtils.hasText(issuer) ? issuer : "http://localhost:8081";
            publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
            rolePaths = rolePaths == null ? List.of() : List.copyOf(rolePaths);
        }
    }

    /**
     * Request body limits.
     *
     * @param maxBodyBytes   larger request bodies are refused with 413 (default 64 KiB)
     * @param largeBodyPaths the few requests allowed {@code largeBodyBytes} instead, as
     *                       {@code "POST /api/registrations/imports"} or {@code "/uploads/**"} (any method);
     *                       path patterns as in Spring MVC mappings
     * @param largeBodyBytes the limit on those paths (default 16 MiB); the handler must stream the body,
     *                       not hold it in memory
     */
    public record Http(long maxBodyBytes, List<String> largeBodyPaths, long largeBodyBytes) {
        public Http {
            maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : 64 * 1024;
            largeBodyPaths = largeBodyPaths == null ? List.of() : List.copyOf(largeBodyPaths);
            largeBodyBytes = largeBodyBytes > 0 ? largeBodyBytes : 16 * 1024 * 1024;
        }
    }
}
