package io.kabar.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/** Lets Avro 1.12.2+ instantiate Kabar's generated classes, which it refuses by default as untrusted. */
final class TrustedPackages {

    private static final String KABAR_SCHEMAS = "io.kabar.schemas.";
    private static volatile boolean trusted;

    private TrustedPackages() {}

    static synchronized void trustKabarSchemas() {
        if (!trusted) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                    ClassSecurityValidator.getGlobal(), type -> type.getName().startsWith(KABAR_SCHEMAS)));
            trusted = true;
        }
    }
}
