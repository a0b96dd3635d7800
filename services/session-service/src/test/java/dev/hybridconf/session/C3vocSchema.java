package dev.hybridconf.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The test schema of the c3voc schedule format ({@code schemas/c3voc-schedule.schema.json}), with
 * format assertions on ({@code uri}, {@code uuid}, {@code date}, {@code date-time} are checked, not
 * just annotated).
 */
final class C3vocSchema {

    private static final JsonSchema SCHEMA = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private C3vocSchema() {
    }

    /** Every way the document breaks the format; empty when it follows it. */
    static Set<ValidationMessage> validate(String document) {
        try {
            return SCHEMA.validate(JSON.readTree(document), c -> c.getExecutionConfig().setFormatAssertionsEnabled(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load() {
        try (InputStream in = C3vocSchema.class.getClassLoader()
                .getResourceAsStream("schemas/c3voc-schedule.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
