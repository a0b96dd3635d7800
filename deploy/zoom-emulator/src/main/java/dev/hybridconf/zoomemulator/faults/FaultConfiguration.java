package dev.hybridconf.zoomemulator.faults;

import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hybridconf.zoomemulator.gate.Limits;
import tools.jackson.databind.json.JsonMapper;

/** Puts the {@link FaultValve} into the embedded Tomcat. */
@Configuration(proxyBeanMethods = false)
class FaultConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> faultValve(Faults faults, CallLog calls, Limits limits,
            JsonMapper json) {
        return factory -> factory.addContextValves(new FaultValve(faults, calls, limits, json));
    }
}
