package dev.hybridconf.launcher;

import org.junit.jupiter.api.BeforeAll;

/**
 * An end-to-end flow test on the stack the flow tests share ({@link FlowStack}): started by the first of them, stopped
 * when the JVM exits. Gives the stack, the gateway and an organiser's demo token.
 */
abstract class FlowTest {

    static FlowStack flow;
    static LocalStack stack;
    static Http gateway;
    static String organiser;

    @BeforeAll
    static void startStack() {
        flow = FlowStack.get();
        stack = flow.stack;
        gateway = flow.gateway;
        organiser = flow.organiser;
    }
}
