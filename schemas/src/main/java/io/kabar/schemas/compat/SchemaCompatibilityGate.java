package io.kabar.schemas.compat;

import io.kabar.schemas.serde.SchemaHistory;
import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Checks that each current schema, and each released version, is FULL_TRANSITIVE compatible with every version
 * released before it: new readers read old data and old readers read new data, whatever the two versions.
 */
public final class SchemaCompatibilityGate {

    private SchemaCompatibilityGate() {}

    /** The current schema of every record type carried by a registered topic, by schema name. */
    public static Map<String, Schema> currentSchemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (TopicSpec<?, ?> topic : Topics.all()) {
            if (SpecificRecord.class.isAssignableFrom(topic.valueType())) {
                Schema schema = SpecificData.get().getSchema(topic.valueType());
                schemas.put(schema.getName(), schema);
            }
        }
        return schemas;
    }

    /**
     * Every incompatibility of every current schema against its released versions, and of every released version
     * against the ones released before it; empty when all pass.
     */
    public static List<String> violations() {
        List<String> violations = new ArrayList<>();
        currentSchemas()
                .forEach((name, current) -> violations.addAll(violations(current, SchemaHistory.released(name))));
        return violations;
    }

    /**
     * Every way in which one version fails to read, or to be read by, another: each released version against every
     * earlier one, and {@code current} against all of them (FULL_TRANSITIVE).
     */
    public static List<String> violations(Schema current, List<Schema> released) {
        List<String> violations = new ArrayList<>();
        String name = current.getName();
        for (int newer = 0; newer <= released.size(); newer++) {
            Schema newerSchema = newer == released.size() ? current : released.get(newer);
            String newerName = newer == released.size() ? "the current schema" : name + " v" + (newer + 1);
            for (int older = 0; older < newer; older++) {
                String olderName = name + " v" + (older + 1);
                describe(
                        violations,
                        (newer == released.size() ? "the current " + name : newerName)
                                + " cannot read data written with " + olderName,
                        SchemaCompatibility.checkReaderWriterCompatibility(newerSchema, released.get(older)));
                describe(
                        violations,
                        "readers of " + olderName + " cannot read data written with " + newerName,
                        SchemaCompatibility.checkReaderWriterCompatibility(released.get(older), newerSchema));
            }
        }
        return violations;
    }

    private static void describe(
            List<String> violations, String what, SchemaCompatibility.SchemaPairCompatibility result) {
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            violations.add(what + ": field " + fieldPath(result.getReader(), incompatibility.getLocation()) + " "
                    + incompatibility.getLocation() + ": " + incompatibility.getType() + " ("
                    + incompatibility.getMessage() + ")");
        }
    }

    /** The dotted field names along Avro's JSON-pointer {@code location} in the reader schema, e.g. "links.score". */
    static String fieldPath(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        Schema schema = reader;
        String[] steps = location.split("/");
        try {
            for (int i = 1; i < steps.length; i++) {
                switch (steps[i]) {
                    case "fields" -> {
                        Schema.Field field = schema.getFields().get(Integer.parseInt(steps[++i]));
                        names.add(field.name());
                        schema = field.schema();
                    }
                    case "items" -> schema = schema.getElementType();
                    case "values" -> schema = schema.getValueType();
                    case "type", "name", "size", "symbols" -> {}
                    default -> schema = schema.getTypes().get(Integer.parseInt(steps[i]));
                }
            }
        } catch (RuntimeException e) {
            // A location this walk does not understand: the pointer itself still names the place.
        }
        return names.isEmpty() ? "(record)" : String.join(".", names);
    }
}
