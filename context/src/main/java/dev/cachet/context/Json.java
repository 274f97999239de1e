package dev.cachet.context;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration cachet writes and reads with: snake_case names, ISO-8601
 * durations, lenient on new fields but strict about
 * repeated keys and anything after the value. Strings of any length read back: cachet must read every session log
 * it wrote, and a model may write a file of 20 MB (Jackson's default limit is 20 million characters). */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false)
            .build();

    private Json() {}

    /** A shared mapper; it is configured once here and never changed afterwards, so sharing it is safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
