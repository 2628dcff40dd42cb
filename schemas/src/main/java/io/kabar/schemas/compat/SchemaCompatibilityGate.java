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
 * Checks that each current schema is FULL_TRANSITIVE compatible with every released version of it: new readers
 * read old data and old readers read new data.
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

    /** Every incompatibility of every current schema against its released versions; empty when all pass. */
    public static List<String> violations() {
        List<String> violations = new ArrayList<>();
        currentSchemas()
                .forEach((name, current) -> violations.addAll(violations(current, SchemaHistory.released(name))));
        return violations;
    }

    /** Every way in which {@code current} fails to read, or to be read by, one of the {@code released} versions. */
    public static List<String> violations(Schema current, List<Schema> released) {
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            String version = current.getName() + " v" + (i + 1);
            describe(
                    violations,
                    "the current " + current.getName() + " cannot read data written with " + version,
                    SchemaCompatibility.checkReaderWriterCompatibility(current, released.get(i)));
            describe(
                    violations,
                    "readers of " + version + " cannot read data written with the current schema",
                    SchemaCompatibility.checkReaderWriterCompatibility(released.get(i), current));
        }
        return violations;
    }

    private static void describe(
            List<String> violations, String what, SchemaCompatibility.SchemaPairCompatibility result) {
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            violations.add(what + ": field " + incompatibility.getLocation() + ": " + incompatibility.getType() + " ("
                    + incompatibility.getMessage() + ")");
        }
    }
}
