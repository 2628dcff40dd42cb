package io.kabar.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.schemas.serde.SchemaHistory;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityGateTest {

    private static final Schema RELEASED = new Schema.Parser().parse("""
            {"type": "record", "name": "Sample", "namespace": "io.kabar.test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "title", "type": "string"},
              {"name": "note", "type": ["null", "string"], "default": null}
            ]}""");

    @Test
    void everyCurrentSchemaIsFullTransitiveCompatibleWithItsReleasedVersions() {
        assertThat(SchemaCompatibilityGate.violations())
                .as("schema changes must be FULL_TRANSITIVE compatible; see schemas/README.md")
                .isEmpty();
    }

    @Test
    void everyCurrentSchemaHasBeenReleasedAtLeastOnce() {
        SchemaCompatibilityGate.currentSchemas()
                .keySet()
                .forEach(name ->
                        assertThat(SchemaHistory.released(name)).as(name).isNotEmpty());
    }

    @Test
    void acceptsAnOptionalFieldAddedWithADefault() {
        Schema current = new Schema.Parser().parse("""
                {"type": "record", "name": "Sample", "namespace": "io.kabar.test", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "title", "type": "string"},
                  {"name": "note", "type": ["null", "string"], "default": null},
                  {"name": "rank", "type": "int", "default": 0}
                ]}""");

        assertThat(SchemaCompatibilityGate.violations(current, List.of(RELEASED)))
                .isEmpty();
    }

    @Test
    void namesTheFieldOfARequiredFieldAddedWithoutDefault() {
        Schema current = new Schema.Parser().parse("""
                {"type": "record", "name": "Sample", "namespace": "io.kabar.test", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "title", "type": "string"},
                  {"name": "note", "type": ["null", "string"], "default": null},
                  {"name": "rank", "type": "int"}
                ]}""");

        assertThat(SchemaCompatibilityGate.violations(current, List.of(RELEASED)))
                .singleElement()
                .asString()
                .contains("cannot read data written with Sample v1")
                .contains("rank");
    }

    @Test
    void namesTheFieldOfARequiredFieldRemoved() {
        Schema current = new Schema.Parser().parse("""
                {"type": "record", "name": "Sample", "namespace": "io.kabar.test", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "note", "type": ["null", "string"], "default": null}
                ]}""");

        assertThat(SchemaCompatibilityGate.violations(current, List.of(RELEASED)))
                .singleElement()
                .asString()
                .contains("readers of Sample v1 cannot read data written with the current schema")
                .contains("title");
    }
}
