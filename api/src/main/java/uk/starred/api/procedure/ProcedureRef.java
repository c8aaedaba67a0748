package uk.starred.api.procedure;

import java.util.Objects;

/**
 * The local procedure a concern runs under, pinned by id and version, so that installing a newer
 * version of the procedure never changes a concern already running.
 *
 * @param id      the procedure's id, as its descriptor states it (for example {@code wandsworth-alerts})
 * @param version the procedure's version, as its descriptor states it (for example {@code 2.1.0})
 */
public record ProcedureRef(String id, String version) {

    public ProcedureRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
