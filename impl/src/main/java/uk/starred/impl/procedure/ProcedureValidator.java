package uk.starred.impl.procedure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import uk.starred.api.calendar.TimescaleUnit;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;

/**
 * Checks that a procedure definition hangs together before any concern may run under it: every role
 * used is one the procedure names, stage ids, action ids and reason codes are unique, stages refer
 * only to stages that exist and come after them, and the formal stages fit the total limit. Each
 * problem names its place as a path into the definition ({@code stages[2].participants}), so a
 * descriptor reader can point at the line.
 */
public final class ProcedureValidator {

    /**
     * One thing wrong with a definition.
     *
     * @param path    where, as a path into the definition, for example {@code stages[1].noRemitStage}
     * @param message what is wrong and what was expected
     */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    /** How a role is spelt: as the host's staff directory names it, e.g. {@code TEAM_MANAGER}. */
    private static final java.util.regex.Pattern ROLE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

    private ProcedureValidator() {
    }

    /** @return every problem found; empty when the procedure is sound */
    public static List<Problem> problems(Procedure p) {
        List<Problem> problems = new ArrayList<>();
        if (p.id().isBlank()) {
            problems.add(new Problem("id", "is required"));
        }
        if (p.version().isBlank()) {
            problems.add(new Problem("version", "is required"));
        }
        if (p.title().isBlank()) {
            problems.add(new Problem("title", "is required"));
        }
        if (p.appliesTo().isEmpty()) {
            problems.add(new Problem("appliesTo", "names no children: LOOKED_AFTER, CHILD_PROTECTION or both"));
        }
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < p.roles().size(); i++) {
            String role = p.roles().get(i);
            if (!roles.add(role)) {
                problems.add(new Problem("roles[" + i + "]", "role '" + role + "' is listed twice"));
            } else if (!ROLE.matcher(role).matches()) {
                problems.add(new Problem("roles[" + i + "]", "role '" + role
                        + "' is not a role name; expected upper case letters, digits and _ (for example TEAM_MANAGER)"));
            }
        }
        if (p.raisedBy().isEmpty()) {
            problems.add(new Problem("raisedBy", "names no role (the IRO, the Child Protection Chair)"));
        }
        roles(problems, "raisedBy", p.raisedBy(), roles);
        if (p.stages().isEmpty()) {
            problems.add(new Problem("stages", "there are none; a procedure has at least one stage"));
        }
        Set<String> stageIds = new HashSet<>();
        for (int i = 0; i < p.stages().size(); i++) {
            stage(problems, p, i, roles, stageIds);
        }
        if (!p.stages().isEmpty() && p.stages().get(0).mayBypass()) {
            problems.add(new Problem("stages[0].mayBypass",
                    "the first stage cannot be bypassed; the IRO starts at a later stage instead"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < p.reasons().size(); i++) {
            Reason r = p.reasons().get(i);
            String at = "reasons[" + i + "]";
            if (!codes.add(r.code())) {
                problems.add(new Problem(at + ".code", "reason code '" + r.code() + "' is used twice"));
            }
            if (r.appliesTo().isEmpty()) {
                problems.add(new Problem(at + ".appliesTo", "reason '" + r.code() + "' applies to no children"));
            } else if (!p.appliesTo().containsAll(r.appliesTo())) {
                problems.add(new Problem(at + ".appliesTo", "reason '" + r.code() + "' applies to " + r.appliesTo()
                        + " but the procedure serves only " + p.appliesTo()));
            }
        }
        if (p.reasons().isEmpty()) {
            problems.add(new Problem("reasons", "there are none; a concern is raised for at least one reason"));
        }
        roles(problems, "cafcass.informFirst", p.cafcass().informFirst(), roles);
        totalLimit(problems, p);
        return problems;
    }

    private static void stage(List<Problem> problems, Procedure p, int i, Set<String> roles, Set<String> stageIds) {
        Stage s = p.stages().get(i);
        String at = "stages[" + i + "]";
        if (!stageIds.add(s.id())) {
            problems.add(new Problem(at + ".id", "stage id '" + s.id() + "' is used twice"));
        }
        roles(problems, at + ".participants", s.participants(), roles);
        roles(problems, at + ".notified", s.notified(), roles);
        if (s.respondingRole() != null) {
            role(problems, at + ".respondingRole", s.respondingRole(), roles);
        }
        Set<String> actionIds = new HashSet<>();
        for (int a = 0; a < s.requiredActions().size(); a++) {
            RequiredAction action = s.requiredActions().get(a);
            if (!actionIds.add(action.id())) {
                problems.add(new Problem(at + ".requiredActions[" + a + "].id",
                        "required action '" + action.id() + "' is used twice in the stage"));
            }
            role(problems, at + ".requiredActions[" + a + "].byRole", action.byRole(), roles);
        }
        if (s.noRemitStage() != null) {
            int target = p.indexOf(s.noRemitStage());
            if (target < 0) {
                problems.add(new Problem(at + ".noRemitStage", "'" + s.noRemitStage()
                        + "' is not a stage of the procedure"));
            } else if (target <= i) {
                problems.add(new Problem(at + ".noRemitStage", "'" + s.noRemitStage()
                        + "' must come after the stage, or the concern would go round in a circle"));
            }
            if (s.respondingRole() == null) {
                problems.add(new Problem(at + ".noRemitStage", "is given but the stage asks no response"));
            }
        }
    }

    private static void totalLimit(List<Problem> problems, Procedure p) {
        if (p.totalLimit() == null || p.totalLimit().unit() != TimescaleUnit.WORKING_DAYS) {
            return;
        }
        int formalDays = p.stages().stream().filter(Stage::formal).filter(s -> s.timescale() != null)
                .filter(s -> s.timescale().unit() == TimescaleUnit.WORKING_DAYS)
                .mapToInt(s -> s.timescale().amount()).sum();
        if (formalDays > p.totalLimit().amount()) {
            problems.add(new Problem("totalLimit", "the formal stages add up to " + formalDays
                    + " working days, beyond the total limit of " + p.totalLimit()));
        }
    }

    private static void role(List<Problem> problems, String at, String used, Set<String> known) {
        if (!known.contains(used)) {
            problems.add(new Problem(at, "role '" + used + "' is not one of the procedure's roles "
                    + new java.util.TreeSet<>(known)));
        }
    }

    private static void roles(List<Problem> problems, String at, List<String> used, Set<String> known) {
        for (int i = 0; i < used.size(); i++) {
            if (!known.contains(used.get(i))) {
                problems.add(new Problem(at + "[" + i + "]",
                        "role '" + used.get(i) + "' is not one of the procedure's roles " + new java.util.TreeSet<>(known)));
            }
        }
    }
}
