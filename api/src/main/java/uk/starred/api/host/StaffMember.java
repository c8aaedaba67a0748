package uk.starred.api.host;

import java.util.Objects;

/**
 * A member of staff as the host knows them.
 *
 * @param id    the host's staff id
 * @param name  the person's name
 * @param email where email notifications go, or {@code null}
 * @param team  the team they belong to, in the host's words, or {@code null} when the host names none; good
 *              practice is reported by it (since 1.2)
 */
public record StaffMember(String id, String name, String email, String team) {

    /** A member of staff whose team the host does not name. */
    public StaffMember(String id, String name, String email) {
        this(id, name, email, null);
    }

    public StaffMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
