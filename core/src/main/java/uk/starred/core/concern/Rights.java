package uk.starred.core.concern;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import uk.starred.api.NotPermittedException;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;

/**
 * Who may do what in a procedure, for one child, by the rights the procedure gives each role. Every
 * refusal names the right that is missing, the roles that have it and the roles the person holds.
 */
public final class Rights {

    /** Raising a concern. */
    static final String RAISE = "raise a concern";

    private Rights() {
    }

    /** @return the roles the person holds for the child that the procedure names */
    public static Set<String> procedureRoles(String staffId, People people, Procedure procedure) {
        Set<String> held = new TreeSet<>(people.rolesOf(staffId));
        held.retainAll(procedure.roles());
        return held;
    }

    /** @return the roles that move a concern on: escalate, bypass, record CAFCASS's decision */
    public static List<String> escalators(Procedure procedure) {
        return procedure.permissions().escalate();
    }

    /** @return the roles that end a concern: resolve, withdraw, close */
    public static List<String> resolvers(Procedure procedure) {
        return procedure.permissions().resolve();
    }

    /** @return the roles that decide a concern ends as the stage's ending says: those it names, or else those who resolve */
    public static List<String> deciders(Procedure procedure, uk.starred.api.procedure.Ending ending) {
        return ending.decidedBy().isEmpty() ? resolvers(procedure) : ending.decidedBy();
    }

    /** @return the roles that consider and make a referral to CAFCASS */
    public static List<String> referrers(Procedure procedure) {
        return procedure.permissions().referToCafcass();
    }

    /** @return every role with a right to drive the concern: raise, escalate, resolve or refer */
    public static List<String> drivers(Procedure procedure) {
        Set<String> all = new LinkedHashSet<>(procedure.permissions().raise());
        all.addAll(procedure.permissions().escalate());
        all.addAll(procedure.permissions().resolve());
        all.addAll(procedure.permissions().referToCafcass());
        return List.copyOf(all);
    }

    /** @return the roles that may record the action done: its own role, then those who drive the concern */
    public static List<String> recorders(Procedure procedure, RequiredAction action) {
        Set<String> allowed = new LinkedHashSet<>(action.byRoles());
        allowed.addAll(drivers(procedure));
        return List.copyOf(allowed);
    }

    /**
     * @return the roles that may record someone else's agreed action done: those who drive the concern
     *         and every stage's responders
     */
    public static List<String> agreedActionRecorders(Procedure procedure) {
        Set<String> allowed = new LinkedHashSet<>(drivers(procedure));
        procedure.stages().stream().map(Stage::responders).forEach(allowed::addAll);
        return new ArrayList<>(allowed);
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

    /** @return whether the person holds the role for the child */
    static boolean holds(CommandContext ctx, String role) {
        return ctx.people().rolesOf(ctx.actor()).contains(role);
    }
}
