package dev.hybridconf.streaming.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.hybridconf.testinfra.PlatformInfrastructure;

/**
 * Marks a Spring test class whose service talks to a Zoom emulator of its own: the real emulator
 * ({@link ZoomEmulatorServer}) is started with the class's application context, the service's Zoom client and
 * token issuer are pointed at it and at the shared test issuer, the emulator is a bean the test can autowire, and
 * it stops when the context closes. Implies {@link PlatformInfrastructure} (real Kafka and Redis).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@PlatformInfrastructure
public @interface OnZoomEmulator {
}
