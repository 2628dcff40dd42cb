package io.kabar.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Reads the released versions of a schema that ship in this jar under
 * {@code kabar/avro/history/<SchemaName>/v<N>.avsc}, numbered from 1 without gaps.
 */
public final class SchemaHistory {

    private static final String ROOT = "kabar/avro/history/";

    private SchemaHistory() {}

    /** Every released version of the named record schema, oldest first; empty if none was released yet. */
    public static List<Schema> released(String schemaName) {
        List<Schema> versions = new ArrayList<>();
        ClassLoader loader = SchemaHistory.class.getClassLoader();
        for (int version = 1; ; version++) {
            String resource = ROOT + schemaName + "/v" + version + ".avsc";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read released schema " + resource, e);
            }
        }
    }
}
