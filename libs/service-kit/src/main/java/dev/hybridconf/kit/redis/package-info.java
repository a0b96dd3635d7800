/**
 * Redis as each service's store: a bounded Jedis client, the service's key space, and atomic
 * writes that change state and append the resulting events to the outbox in one Lua step.
 */
package dev.hybridconf.kit.redis;
