package uk.starred.core.concern;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import uk.starred.api.NotPermittedException;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;

/**
 * Who may do what in a procedure, for one child. Every refusal names the right that is missing, the
 * roles that have it and the roles the person holds.
 */
public final class Permissions {

    /** Raising a concern. */
    static final String RAISE = "raise a concern";

    private Permissions() {
    }

    /** @return the roles the person holds for the child that the procedure names */
    public static Set<String> procedureRoles(String staffId, People people, Procedure procedure) {
        Set<String> held = new TreeSet<>(people.rolesOf(staffId));
        held.retainAll(procedure.roles());
        return held;
    }

    /** @return the roles that raise concerns and drive them: escalate, bypass, refer, resolve, withdraw */
    public static List<String> drivers(Procedure procedure) {
        return procedure.raisedBy();
    }

    /** @return the roles that may record the action done: its own role, then those who drive the concern */
    public static List<String> recorders(Procedure procedure, RequiredAction action) {
        List<String> allowed = new ArrayList<>(drivers(procedure));
        allowed.add(0, action.byRole());
        return allowed;
    }

    /**
     * @return the roles that may record someone else's agreed action done: those who drive the concern
     *         and every stage's responding role
     */
    public static List<String> agreedActionRecorders(Procedure procedure) {
        List<String> allowed = new ArrayList<>(drivers(procedure));
        procedure.stages().stream().map(Stage::respondingRole).filter(Objects::nonNull).distinct()
                .forEach(allowed::add);
        return allowed;
    }

    /**
     * Requires the person to hold one of the roles for the child.
     *
     * @param right what they are trying to do, for the refusal ("escalate a concern")
     */
    static void require(CommandContext ctx, String childId, Collection<String> roles, String right) {
        Set<String> held = procedureRoles(ctx.actor(), ctx.people(), ctx.procedure());
        for (String role : roles) {
            if (held.contains(role)) {
                return;
            }
        }
        throw new NotPermittedException("only the child's " + String.join(" or ", roles) + " may " + right
                + " in procedure '" + ctx.procedure().title() + "' (" + ctx.actor() + " holds "
                + (held.isEmpty() ? "no role in it" : String.join(", ", held)) + " for child " + childId + ")");
    }

    /** Requires the person to hold some role the procedure names for the child. */
    static void requireProcedureRole(CommandContext ctx, String childId, String right) {
        if (procedureRoles(ctx.actor(), ctx.people(), ctx.procedure()).isEmpty()) {
            throw new NotPermittedException("only someone holding a role in procedure '" + ctx.procedure().title()
                    + "' for child " + childId + " may " + right + "; " + ctx.actor() + " holds none");
        }
    }
}
