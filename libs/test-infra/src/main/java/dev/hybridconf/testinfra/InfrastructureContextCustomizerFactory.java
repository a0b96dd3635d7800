package dev.hybridconf.testinfra;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds the infrastructure addresses and a per-class namespace to contexts of classes marked
 * {@link PlatformInfrastructure}. The namespace is part of the customizer's identity, so Spring's
 * context cache never hands one class's context to another.
 */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!AnnotatedElementUtils.hasAnnotation(testClass, PlatformInfrastructure.class)) {
            return null;
        }
        return new Customizer(namespaceFor(testClass));
    }

    /** A short, stable namespace derived from the test class. */
    public static String namespaceFor(Class<?> testClass) {
        String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return simple + "-" + Integer.toHexString(testClass.getName().hashCode() & 0xfffff);
    }

    private static final class Customizer implements ContextCustomizer {

        private final String namespace;

        Customizer(String namespace) {
            this.namespace = namespace;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Infrastructure infra = SharedInfrastructure.get();
            Map<String, Object> properties = Map.of(
                    "spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers(),
                    "platform.redis.host", infra.redisHost(),
                    "platform.redis.port", infra.redisPort(),
                    "platform.namespace", namespace);
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("platform-test-infrastructure", properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer that && Objects.equals(namespace, that.namespace);
        }

        @Override
        public int hashCode() {
            return namespace.hashCode();
        }
    }
}
