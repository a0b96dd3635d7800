package dev.hybridconf.streaming.emulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import dev.hybridconf.testinfra.TestTokens;

/**
 * Starts the Zoom emulator of a class marked {@link OnZoomEmulator} with the class's application context (one
 * emulator per class, so one class's meetings, faults and call counts never meet another's), and stops it when
 * that context closes.
 */
public class ZoomEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return AnnotatedElementUtils.hasAnnotation(testClass, OnZoomEmulator.class) ? new Customizer(testClass) : null;
    }

    private static final class Customizer implements ContextCustomizer {

        private final Class<?> testClass;

        Customizer(Class<?> testClass) {
            this.testClass = testClass;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ZoomEmulatorServer emulator = ZoomEmulatorServer.start();
            Map<String, Object> properties = new HashMap<>(emulator.clientProperties());
            properties.putAll(TestTokens.shared().properties());
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("zoom-emulator", properties));
            context.getBeanFactory().registerSingleton("zoomEmulator", emulator);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    emulator.close();
                }
            });
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer that && Objects.equals(testClass, that.testClass);
        }

        @Override
        public int hashCode() {
            return testClass.hashCode();
        }
    }
}
