package dev.hybridconf.zoomemulator.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns errors of the emulated Zoom endpoints into Zoom's error shape. Applies to the controllers annotated with
 * {@link ZoomApi}; the admin API answers with problem details instead.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = ZoomApi.class)
public class ZoomErrors {

    @ExceptionHandler(ZoomApiException.class)
    ResponseEntity<ObjectNode> zoom(ZoomApiException e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::set);
        return ResponseEntity.status(e.status()).headers(headers).contentType(MediaType.APPLICATION_JSON).body(body(e));
    }

    @ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class })
    ResponseEntity<ObjectNode> unreadable(Exception e) {
        return zoom(ZoomApiException.notJson());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ObjectNode> missingParameter(MissingServletRequestParameterException e) {
        return zoom(ZoomApiException.validation(
                List.of(new ZoomApiException.FieldError(e.getParameterName(), "Invalid field."))));
    }

    /** Zoom's error body for {@code e}. */
    public static ObjectNode body(ZoomApiException e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        if (!e.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            e.errors().forEach(error -> errors.addObject().put("field", error.field()).put("message", error.message()));
        }
        return body;
    }

    /** Writes {@code e} directly, for filters that answer before any controller runs. */
    public static void write(HttpServletResponse response, ZoomApiException e, JsonMapper json) throws IOException {
        response.setStatus(e.status());
        e.headers().forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(body(e)));
    }
}
