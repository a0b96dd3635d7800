package dev.hybridconf.kit;

import java.time.Clock;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaTemplate;

import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.kit.deadletter.DeadLetterConfiguration;
import dev.hybridconf.kit.errors.ProblemDetailsAdvice;
import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.kit.errors.ProblemWriter;
import dev.hybridconf.kit.errors.RequestBodyLimitFilter;
import dev.hybridconf.kit.messaging.KafkaConfiguration;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.lease.Leases;
import dev.hybridconf.kit.outbox.OutboxRelay;
import dev.hybridconf.kit.outbox.TraceParent;
import dev.hybridconf.kit.redis.AppendFsyncCheck;
import dev.hybridconf.kit.redis.KeySpace;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.kit.redis.RedisStoreHealthIndicator;
import dev.hybridconf.kit.security.SecurityConfiguration;
import dev.hybridconf.kit.web.LenientAcceptHeader;
import dev.hybridconf.kit.web.PublicBaseUrl;
import dev.hybridconf.kit.web.MalformedRequestFilter;
import dev.hybridconf.kit.web.ProblemErrorController;
import dev.hybridconf.kit.web.ProblemRequestRejectedHandler;
import dev.hybridconf.kit.web.TomcatProblemCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.ObjectMapper;

/** The shared wiring, imported by {@link EnableServiceKit}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
@Import({KafkaConfiguration.class, DeadLetterConfiguration.class, SecurityConfiguration.class, ProblemDetailsAdvice.class,
        ProblemErrorController.class, LenientAcceptHeader.class, PublicBaseUrl.class})
public class ServiceKitConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(Clock clock) {
        return new EventCodec(clock);
    }

    /** A bounded pool: callers wait at most {@code max-wait} for a connection, then fail fast. */
    @Bean(destroyMethod = "close")
    RedisClient redisClient(PlatformProperties platform) {
        var settings = platform.redis();
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.maxTotal());
        pool.setMaxIdle(settings.maxTotal());
        pool.setMinIdle(1);
        pool.setMaxWait(settings.maxWait());
        pool.setTestWhileIdle(true);
        int timeout = (int) settings.socketTimeout().toMillis();
        var client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout)
                .socketTimeoutMillis(timeout)
                .clientName(platform.serviceName())
                .build();
        return RedisClient.builder().hostAndPort(settings.host(), settings.port()).clientConfig(client)
                .poolConfig(pool).build();
    }

    @Bean
    RedisStoreHealthIndicator redisStoreHealthIndicator(RedisClient redis) {
        return new RedisStoreHealthIndicator(redis);
    }

    @Bean
    KeySpace keySpace(PlatformProperties platform) {
        return new KeySpace(platform.namespace(), platform.keyspace());
    }

    /** Every event's outbox entry keeps the trace context of the span that emitted it (the request's). */
    @Bean
    RedisStore redisStore(RedisClient redis, KeySpace keys, EventCodec codec, PlatformProperties platform,
            ObjectProvider<Tracer> tracer) {
        return new RedisStore(redis, keys, codec, platform.serviceName(), platform.kafka().publishes(),
                () -> TraceParent.ofCurrentSpan(tracer.getIfAvailable(() -> Tracer.NOOP)));
    }

    /** Says at start-up whether Redis keeps every write it acknowledged (ADR 0018). */
    @Bean
    AppendFsyncCheck appendFsyncCheck(RedisClient redis, MeterRegistry meters) {
        return new AppendFsyncCheck(redis, meters);
    }

    /** Leases with fencing for work one replica at a time should do (the relay, workers, sweeps). */
    @Bean(destroyMethod = "close")
    Leases leases(RedisClient redis, KeySpace keys, PlatformProperties platform) {
        return new Leases(redis, keys, platform.instanceId());
    }

    @Bean
    @ConditionalOnExpression("${platform.outbox.relay-enabled:true} and '${platform.kafka.publishes:}' != ''")
    OutboxRelay outboxRelay(RedisStore store, KafkaTemplate<String, Object> kafka, TopicNames topics, Leases leases,
            PlatformProperties platform, MeterRegistry meters, ObjectProvider<Tracer> tracer) {
        return new OutboxRelay(store, kafka, topics, leases, platform, meters, tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    ProblemMessages problemMessages() {
        return new ProblemMessages();
    }

    @Bean
    ProblemWriter problemWriter(ObjectMapper mapper, ProblemMessages messages) {
        return new ProblemWriter(mapper, messages);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties platform,
            ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(platform.http().maxBodyBytes(), platform.http().largeBodyPaths(),
                        platform.http().largeBodyBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Ahead of everything that may read a parameter, the body limit and security included. */
    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new MalformedRequestFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ProblemRequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return new ProblemRequestRejectedHandler(problems);
    }

    @Bean
    TomcatProblemCustomizer tomcatProblemCustomizer(ProblemWriter problems) {
        return new TomcatProblemCustomizer(problems);
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> commonTags(PlatformProperties platform) {
        return registry -> registry.config().commonTags("service", platform.serviceName(),
                "instance", platform.instanceId());
    }
}
