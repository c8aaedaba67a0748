package uk.starred.api.concern;

import java.util.Objects;
import java.util.UUID;

/** The identity of a concern, stable for its whole life and across nodes. */
public record ConcernId(UUID value) {

    public ConcernId {
        Objects.requireNonNull(value, "value");
    }

    public static ConcernId random() {
        return new ConcernId(UUID.randomUUID());
    }

    /**
     * @param text the canonical UUID form, as {@link #toString()} gives it
     * @throws IllegalArgumentException naming the text when it is not a concern id
     */
    public static ConcernId parse(String text) {
        try {
            return new ConcernId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a concern id: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
