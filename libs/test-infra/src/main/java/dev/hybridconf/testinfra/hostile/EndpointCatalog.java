package dev.hybridconf.testinfra.hostile;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint a servlet service maps, read from its {@link RequestMappingHandlerMapping}, so that
 * an endpoint added tomorrow is in the hostile-input tests without anyone listing it.
 */
public final class EndpointCatalog {

    private static final Map<RequestMethod, Integer> ORDER = Map.of(RequestMethod.GET, 0, RequestMethod.HEAD, 1,
            RequestMethod.OPTIONS, 2, RequestMethod.POST, 3, RequestMethod.PUT, 4, RequestMethod.PATCH, 5,
            RequestMethod.DELETE, 6, RequestMethod.TRACE, 7);

    private EndpointCatalog() {
    }

    /**
     * The endpoints, reads before writes and deletions last, so that a deletion does not take the
     * sample objects away from the endpoints tried after it.
     */
    public static List<Endpoint> of(RequestMappingHandlerMapping mapping) {
        record Ordered(int order, Endpoint endpoint) {
        }
        List<Ordered> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = Set.of(RequestMethod.GET);
            }
            List<String> query = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            boolean body = false;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                if (param != null) {
                    String name = StringUtils.hasText(param.name()) ? param.name() : param.value();
                    query.add(StringUtils.hasText(name) ? name : parameter.getParameterName());
                } else if (header != null) {
                    String name = StringUtils.hasText(header.name()) ? header.name() : header.value();
                    headers.add(StringUtils.hasText(name) ? name : parameter.getParameterName());
                } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = true;
                } else if (!parameter.hasParameterAnnotation(PathVariable.class) && simple(parameter.getParameterType())
                        && parameter.getParameterName() != null) {
                    // Spring MVC binds an unannotated simple parameter from the query string.
                    query.add(parameter.getParameterName());
                }
            }
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    endpoints.add(new Ordered(ORDER.getOrDefault(method, 9), new Endpoint(method.name(), pattern,
                            Endpoint.variablesOf(pattern), List.copyOf(new LinkedHashSet<>(query)),
                            List.copyOf(new LinkedHashSet<>(headers)), body)));
                }
            }
        }
        endpoints.sort(Comparator.comparingInt(Ordered::order).thenComparing(o -> o.endpoint().pattern()));
        return endpoints.stream().map(Ordered::endpoint).toList();
    }

    private static boolean simple(Class<?> type) {
        return type.isPrimitive() || type == String.class || Number.class.isAssignableFrom(type) || type == Boolean.class
                || type.isEnum() || type == UUID.class || Temporal.class.isAssignableFrom(type);
    }
}
