package dev.hybridconf.testinfra.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Variations of a valid JSON body, each with one field (at any depth) replaced by a hostile value,
 * so that every field of every body meets the whole corpus. The replacement is spliced in as raw
 * bytes, so it may be invalid UTF-8 or a number where a string belongs.
 */
public final class JsonMutations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLACEHOLDER = "\u0001hostile-value\u0001";

    /** One variation: which field got which value, and the body. */
    public record Mutation(String label, byte[] body) {
    }

    private JsonMutations() {
    }

    /** Every field of {@code example} (objects and arrays included) with each value of {@code values}. */
    public static List<Mutation> of(String example, List<HostileValues.Value> values) {
        JsonNode root = JSON.readTree(example);
        List<JsonPointer> pointers = new ArrayList<>();
        collect(root, JsonPointer.empty(), pointers);
        String placeholder = JSON.writeValueAsString(JsonNodeFactory.instance.stringNode(PLACEHOLDER));
        List<Mutation> mutations = new ArrayList<>();
        for (JsonPointer pointer : pointers) {
            JsonNode copy = root.deepCopy();
            JsonNode parent = copy.at(pointer.head());
            if (parent instanceof ObjectNode object) {
                object.put(pointer.last().getMatchingProperty(), PLACEHOLDER);
            } else if (parent instanceof ArrayNode array) {
                array.set(pointer.last().getMatchingIndex(), JsonNodeFactory.instance.stringNode(PLACEHOLDER));
            }
            String[] halves = JSON.writeValueAsString(copy).split(java.util.regex.Pattern.quote(placeholder), 2);
            for (HostileValues.Value value : values) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
                body.writeBytes(value.raw());
                body.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));
                mutations.add(new Mutation(pointer + " = " + value.label(), body.toByteArray()));
            }
        }
        if (root instanceof ObjectNode object) {
            ObjectNode extra = object.deepCopy();
            extra.put("unknown\u0000field\u202E", "x");
            mutations.add(new Mutation("an unknown field with a hostile name", JSON.writeValueAsBytes(extra)));
        }
        return mutations;
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> pointers) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                JsonPointer child = at.appendProperty(property.getKey());
                pointers.add(child);
                collect(property.getValue(), child, pointers);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                pointers.add(child);
                collect(array.get(i), child, pointers);
            }
        }
    }
}
