package dev.hybridconf.kit.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads an {@code Accept} header that cannot be parsed ({@code Accept: Bogotá}, {@code Accept: -1}, or
 * bytes the firewall refuses) as no preference at all, as if the header were absent. Spring MVC would
 * otherwise fail content negotiation for every answer to such a request, error answers included, and
 * send them with an empty body and no content type. A well-formed {@code Accept} that nothing matches
 * still gets 406.
 */
public class LenientAcceptHeader implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new Strategy()));
    }

    static final class Strategy implements ContentNegotiationStrategy {

        private final HeaderContentNegotiationStrategy header = new HeaderContentNegotiationStrategy();

        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
            try {
                return header.resolveMediaTypes(request);
            } catch (HttpMediaTypeNotAcceptableException | RuntimeException unreadable) {
                return MEDIA_TYPE_ALL_LIST;
            }
        }
    }
}
