package uk.starred.api.host;

import java.util.Objects;

/**
 * A member of staff as the host knows them.
 *
 * @param id    the host's staff id
 * @param name  the person's name
 * @param email where email notifications go, or {@code null}
 */
public record StaffMember(String id, String name, String email) {

    public StaffMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
