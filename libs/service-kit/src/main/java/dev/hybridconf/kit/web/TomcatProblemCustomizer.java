package dev.hybridconf.kit.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import dev.hybridconf.kit.errors.ProblemWriter;

/**
 * Puts {@link ProblemErrorReportValve} in place of every other error report valve of the Tomcat host
 * (Tomcat's default and the one Spring Boot adds to hide stack traces). Runs after Boot's own
 * customizer, so that its valve is there to be replaced.
 */
public class TomcatProblemCustomizer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final ProblemWriter problems;

    public TomcatProblemCustomizer(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemErrorReportValve(problems));
            if (host instanceof StandardHost standard) {
                // Tomcat adds a valve of this class at start unless one is present: ours is.
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
