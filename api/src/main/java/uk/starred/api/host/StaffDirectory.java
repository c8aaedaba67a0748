package uk.starred.api.host;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Who holds which role, for which child. Role keys are the procedures' own ({@code IRO},
 * {@code TEAM_MANAGER}, {@code HEAD_OF_SERVICE} ...); the host maps its own posts onto them.
 */
@ConsumerType
public interface StaffDirectory {

    /** @return the roles the person holds for the child (the child's IRO, their Team Manager ...); empty for none */
    Set<String> rolesFor(String staffId, String childId);

    /** @return the people holding the role for the child, for notifications; empty when nobody does */
    List<StaffMember> holders(String role, String childId);

    /** @return the person, if the host knows them */
    Optional<StaffMember> member(String staffId);

    /**
     * @return whether the person oversees the service as a whole (IRO Manager, Head of Service for
     *         Quality Assurance ...) and so may see every child's concerns in the oversight figures
     */
    boolean hasOversight(String staffId);
}
