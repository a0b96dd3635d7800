package dev.hybridconf.gateway.problem;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.netty.NettyPipeline;

/** Puts {@link DecodingFailureProblems} right after each connection's HTTP codec. */
@Configuration(proxyBeanMethods = false)
class NettyProblemConfiguration {

    @Bean
    NettyServerCustomizer decodingFailureProblems(ProblemResponses problems) {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "hybridconf.decodingFailureProblems",
                        new DecodingFailureProblems(problems));
            }
        });
    }
}
