package io.kabar.trending.ingest;

import java.util.List;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a page-view batch sent as {@code text/plain}, which is what {@code navigator.sendBeacon} sends for a string
 * body (a beacon cannot choose a JSON type without a preflight it has no way to wait for), as the same JSON.
 */
final class BeaconBodies extends JacksonJsonHttpMessageConverter {

    BeaconBodies(JsonMapper mapper) {
        super(mapper);
        setSupportedMediaTypes(List.of(MediaType.TEXT_PLAIN));
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return type.resolve() == PageViewBatch.class && super.canRead(type, mediaType);
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return false;
    }
}
