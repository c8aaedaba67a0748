package uk.starred.core.practice;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.StaffMember;
import uk.starred.api.procedure.Procedure;
import uk.starred.core.command.Checks;

/**
 * Who may recognise good practice in a child's case, and whose: those who may raise a concern for the
 * child under a procedure that serves them (the IRO, the Child Protection Chair) recognise someone else
 * holding a role for the child in one of those procedures. The procedures serving the child are the
 * library's {@code installedFor} the child's legal status. Nothing here reads or writes anything.
 */
public final class GoodPracticeRules {

    private GoodPracticeRules() {
    }

    /** @return the roles that may recognise good practice: every role that may raise a concern in them */
    public static Set<String> recognisers(List<Procedure> serving) {
        Set<String> roles = new LinkedHashSet<>();
        serving.forEach(p -> roles.addAll(p.permissions().raise()));
        return roles;
    }

    /** @return every role the procedures serving the child name */
    public static Set<String> named(List<Procedure> serving) {
        Set<String> roles = new LinkedHashSet<>();
        serving.forEach(p -> roles.addAll(p.roles()));
        return roles;
    }

    /**
     * @param held the roles the person holds for the child
     * @return whether they may see the good practice recognised in the child's case (oversight aside): they
     *         hold a role the procedures serving the child name
     */
    public static boolean maySee(Set<String> held, List<Procedure> serving) {
        return held.stream().anyMatch(named(serving)::contains);
    }

    /** Checks the command's own fields, listing every problem at once. */
    public static void checkFields(String childId, String staffId, String practice) {
        Checks checks = new Checks("Recognise good practice");
        checks.text("childId", childId, Checks.ID_MAX);
        checks.text("staffId", staffId, Checks.ID_MAX);
        checks.text("practice", practice, Checks.TEXT_MAX);
        checks.done();
    }

    /**
     * Requires the caller to hold, for the child, a role that may raise a concern.
     *
     * @param held the roles the caller holds for the child
     */
    public static void requireRecogniser(String actor, Set<String> held, List<Procedure> serving, String childId) {
        Set<String> may = recognisers(serving);
        if (held.stream().noneMatch(may::contains)) {
            throw new NotPermittedException("only the child's " + String.join(" or ", may)
                    + " may recognise good practice in the case of child " + childId + " (" + actor + " holds "
                    + (held.isEmpty() ? "no role for the child" : String.join(", ", held)) + ")");
        }
    }

    /**
     * Requires the person recognised to be someone else the host knows, holding a role for the child in a
     * procedure that serves them.
     *
     * @param member the person as the host knows them, or {@code null}
     * @param held   the roles they hold for the child
     * @throws InvalidCommandException naming {@code staffId} otherwise
     */
    public static void requireRecognisable(String actor, String staffId, StaffMember member, Set<String> held,
            List<Procedure> serving, String childId) {
        Set<String> named = named(serving);
        if (staffId.equals(actor)) {
            Checks.single("Recognise good practice", "staffId", "is you: good practice is recognised in someone else");
        } else if (member == null) {
            Checks.single("Recognise good practice", "staffId", "the host knows no member of staff '" + staffId + "'");
        } else if (held.stream().noneMatch(named::contains)) {
            Checks.single("Recognise good practice", "staffId", staffId + " holds no role for child " + childId
                    + " in a procedure that serves them");
        }
    }

    /** @return the team credited: the person's own, as the host names it, or else the team holding the child's case */
    public static String team(StaffMember member, ChildRecord child) {
        return member.team() != null && !member.team().isBlank() ? member.team() : child.team();
    }
}
