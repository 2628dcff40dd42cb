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

    @Test
    void checksTheCurrentSchemaAgainstEveryReleasedVersionNotOnlyTheLatest() {
        Schema v1 = sample("{\"name\": \"note\", \"type\": \"string\"}");
        Schema v2 = sample("{\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}");
        Schema current = sample();

        assertThat(SchemaCompatibilityGate.violations(current, List.of(v2))).isEmpty();
        assertThat(SchemaCompatibilityGate.violations(current, List.of(v1, v2)))
                .singleElement()
                .asString()
                .contains("readers of Sample v1 cannot read data written with the current schema")
                .contains("note");
    }

    @Test
    void checksEachReleasedVersionAgainstTheVersionsReleasedBeforeIt() {
        Schema v1 = sample("{\"name\": \"note\", \"type\": \"string\"}");
        Schema v2 = sample();

        assertThat(SchemaCompatibilityGate.violations(v2, List.of(v1, v2)))
                .contains("readers of Sample v1 cannot read data written with Sample v2: field note /fields/1: "
                        + "READER_FIELD_MISSING_DEFAULT_VALUE (note)")
                .allSatisfy(violation -> assertThat(violation).contains("note"));
    }

    @Test
    void rejectsAnIncompatibleChangeToAReleasedContract() {
        Schema released = SchemaHistory.released("RelatedLinks").getLast();
        Schema changed = new Schema.Parser()
                .parse(released.toString()
                        .replace(
                                "\"name\":\"sourceRevision\",\"type\":\"long\"",
                                "\"name\":\"sourceRevision\",\"type\":\"string\""));

        assertThat(SchemaHistory.released("RelatedLinks")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(SchemaCompatibilityGate.violations(changed, SchemaHistory.released("RelatedLinks")))
                .isNotEmpty()
                .anySatisfy(violation -> assertThat(violation).contains("RelatedLinks v1"))
                .anySatisfy(violation -> assertThat(violation).contains("RelatedLinks v2"))
                .allSatisfy(violation -> assertThat(violation).contains("sourceRevision"));
    }

    private static Schema sample(String... extraFields) {
        return new Schema.Parser()
                .parse("""
                {"type": "record", "name": "Sample", "namespace": "io.kabar.test", "fields": [
                  {"name": "id", "type": "string"}%s
                ]}""".formatted(extraFields.length == 0 ? "" : ", " + String.join(", ", extraFields)));
    }
}
