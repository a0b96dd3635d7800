package dev.hybridconf.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring test class that needs the real Kafka broker and Redis server. Its application
 * context gets their addresses and a namespace of its own ({@code platform.namespace}), so topics
 * and Redis keys of one class never meet another's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface PlatformInfrastructure {
}
