package dev.hybridconf.zoomemulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

import dev.hybridconf.zoomemulator.EmulatorProperties;

/** The fault rules in force: the configured ones at start and after a reset, replaced at run time by the admin API. */
@Component
public class Faults {

    /** What to do to one request. */
    public enum Action {
        NONE, DROP, SERVER_ERROR, TOO_MANY_REQUESTS
    }

    /**
     * The decision for one request.
     *
     * @param latencyMillis the delay to add
     * @param action what to answer instead of the real answer, if anything
     * @param status the status of a server error
     */
    public record Decision(long latencyMillis, Action action, int status) {
    }

    /** A rule with what is left of its {@code times}. */
    public record Active(FaultRule rule, Integer remaining) {
    }

    private final AntPathMatcher matcher = new AntPathMatcher();
    private final List<FaultRule> configured;
    private final List<Active> rules = new ArrayList<>();

    public Faults(EmulatorProperties properties) {
        this.configured = properties.faults();
        reset();
    }

    public synchronized List<Active> rules() {
        return List.copyOf(rules);
    }

    public synchronized void set(List<FaultRule> replacement) {
        rules.clear();
        replacement.forEach(rule -> rules.add(new Active(rule, rule.times())));
    }

    public synchronized void reset() {
        set(configured);
    }

    /** Decides for one request; every matching rule counts the request against its {@code times}. */
    public synchronized Decision decide(String method, String path) {
        long latency = 0;
        Action action = Action.NONE;
        int status = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < rules.size(); i++) {
            Active active = rules.get(i);
            FaultRule rule = active.rule();
            if (!matcher.match(rule.path(), path) || !(rule.methods().isEmpty() || rule.methods().contains(method))) {
                continue;
            }
            if (active.remaining() != null) {
                if (active.remaining() <= 1) {
                    rules.remove(i--);
                } else {
                    rules.set(i, new Active(rule, active.remaining() - 1));
                }
            }
            latency += rule.latencyMillis();
            if (action != Action.NONE) {
                continue;
            }
            if (hit(random, rule.dropRate())) {
                action = Action.DROP;
            } else if (hit(random, rule.serverErrorRate())) {
                action = Action.SERVER_ERROR;
                status = rule.serverErrorStatus();
            } else if (hit(random, rule.tooManyRequestsRate())) {
                action = Action.TOO_MANY_REQUESTS;
            }
        }
        return new Decision(latency, action, status);
    }

    private static boolean hit(ThreadLocalRandom random, double rate) {
        return rate >= 1.0 || (rate > 0 && random.nextDouble() < rate);
    }
}
