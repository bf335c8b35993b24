package dev.justiam.server.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/** RFC 3339 date-time query parameters ({@code from}, {@code to}); a malformed one is a 400. */
@Provider
public final class TimeParamConverters implements ParamConverterProvider {

    private static final ParamConverter<OffsetDateTime> OFFSET_DATE_TIME = new ParamConverter<>() {
        @Override
        public OffsetDateTime fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an RFC 3339 date-time");
            }
        }

        @Override
        public String toString(OffsetDateTime value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == OffsetDateTime.class ? (ParamConverter<T>) OFFSET_DATE_TIME : null;
    }
}
