package dev.hybridconf.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Put on a service's application class to get the shared wiring. An explicit import rather than
 * auto-configuration, so a reader of the service sees where its Kafka, Redis and security set-up
 * come from, and so it takes precedence over Boot's defaults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(ServiceKitConfiguration.class)
public @interface EnableServiceKit {
}
