package uk.starred.impl.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import uk.starred.api.NotPermittedException;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.core.concern.People;
import uk.starred.core.concern.Rights;

/**
 * Who the caller is and what they may do for a child: the service layer's single place for
 * authorization. Every refusal names the right that is missing and the roles the caller holds.
 */
public final class Access {

    private final CallerContext caller;
    private final StaffDirectory staff;
    private final ChildRecords children;

    /**
     * @param children the host's children, asked what a child is now (looked after, on a plan): every
     *                 rule may ask it, a due moment's as much as a person's command
     */
    public Access(CallerContext caller, StaffDirectory staff, ChildRecords children) {
        this.caller = caller;
        this.staff = staff;
        this.children = java.util.Objects.requireNonNull(children, "children");
    }

    /** @return the staff id of the person the host says is acting */
    public String caller() {
        return caller.currentStaffId().filter(id -> !id.isBlank())
                .orElseThrow(() -> new NotPermittedException("nobody is signed in: the host identified no caller"));
    }

    /** @return the caller's roles for the child that the procedure names */
    public Set<String> procedureRoles(String staffId, String childId, Procedure procedure) {
        return Rights.procedureRoles(staffId, people(childId), procedure);
    }

    /** Requires the caller to hold a role the procedure names for the child, or oversight of the service. */
    public void requireAnyRole(String staffId, String childId, Procedure procedure, String right) {
        if (staff.hasOversight(staffId) || !procedureRoles(staffId, childId, procedure).isEmpty()) {
            return;
        }
        throw new NotPermittedException(staffId + " holds no role in procedure '" + procedure.title()
                + "' for child " + childId + ", so may not " + right);
    }

    /** @return every role the host says the person holds for the child */
    public Set<String> roles(String staffId, String childId) {
        return new TreeSet<>(staff.rolesFor(staffId, childId));
    }

    public boolean hasOversight(String staffId) {
        return staff.hasOversight(staffId);
    }

    public void requireOversight(String staffId, String right) {
        if (!staff.hasOversight(staffId)) {
            throw new NotPermittedException("only those with oversight of the service (IRO Manager, Head of Service)"
                    + " may " + right + "; " + staffId + " has none");
        }
    }

    /** @return the staff ids holding any of the roles for the child, in role order, each once */
    public List<String> holders(Collection<String> roles, String childId) {
        return roles.stream().flatMap(role -> staff.holders(role, childId).stream()).map(m -> m.id()).distinct()
                .toList();
    }

    public boolean knows(String staffId) {
        return staff.member(staffId).isPresent();
    }

    /** @return the people around the child, as the lifecycle's rules ask for them */
    public People people(String childId) {
        return new People() {
            @Override
            public Set<String> rolesOf(String staffId) {
                return roles(staffId, childId);
            }

            @Override
            public List<String> holders(Collection<String> roles) {
                return Access.this.holders(roles, childId);
            }

            @Override
            public Set<Cohort> child() {
                return children.child(childId).map(ChildRecord::cohorts).orElse(Set.of());
            }

            @Override
            public String nameOf(String staffId) {
                return staff.member(staffId).map(StaffMember::name).orElse(staffId);
            }

            @Override
            public boolean knows(String staffId) {
                return Access.this.knows(staffId);
            }

            @Override
            public boolean hasOversight(String staffId) {
                return Access.this.hasOversight(staffId);
            }
        };
    }
}
