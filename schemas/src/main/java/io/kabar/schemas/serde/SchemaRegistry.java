package io.kabar.schemas.serde;

import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Where writers record every schema they write with, keyed by its fingerprint, and where readers find the writer
 * schemas their jar does not ship (a newer producer's), to resolve them against their own reader schema.
 */
public interface SchemaRegistry extends SchemaStore {

    /** A registry that records nothing and finds nothing: readers know only the schemas their jar ships. */
    SchemaRegistry NONE = new SchemaRegistry() {
        @Override
        public void register(Schema schema) {}

        @Override
        public Schema findByFingerprint(long fingerprint) {
            return null;
        }
    };

    /**
     * Records {@code schema} and returns once it is durable, so that any reader of a record written afterwards can
     * find it; fails with an unchecked exception when it cannot.
     */
    void register(Schema schema);

    /**
     * This registry, with registrations that give up after {@code timeout} at the latest: for writers that must
     * answer within a bound of their own (an HTTP request waiting for its write, say).
     */
    default SchemaRegistry within(Duration timeout) {
        return this;
    }

    /** The schema with this CRC-64-AVRO fingerprint of its parsing canonical form, or null when none is known. */
    @Override
    Schema findByFingerprint(long fingerprint);
}
