package uk.starred.api.host;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Who is using the system now, as the host has authenticated them. Starred asks on every command
 * and checks that person's roles for the child; it never takes an identity from the command itself.
 */
@ConsumerType
public interface CallerContext {

    /** @return the staff id of the person on whose behalf the current thread acts, or empty for nobody */
    Optional<String> currentStaffId();
}
