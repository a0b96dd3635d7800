package dev.hybridconf.kit.messaging;

import dev.hybridconf.contracts.Topics;

/**
 * Maps logical topic names to the physical ones of this deployment (a namespace prefix, used by
 * tests to keep classes apart). Listeners use it in SpEL: {@code #{@topicNames.physical('registration.events')}}.
 */
public class TopicNames {

    private final String namespace;

    public TopicNames(String namespace) {
        this.namespace = namespace == null ? "" : namespace;
    }

    public String physical(String logical) {
        return namespace.isEmpty() ? logical : namespace + "." + logical;
    }

    public String deadLetter(String logical) {
        return physical(Topics.deadLetter(logical));
    }

    /** The consumer group of a service in this deployment. */
    public String group(String serviceName) {
        return physical(serviceName);
    }
}
