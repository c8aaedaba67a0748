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
 * used is one the procedure names, stage ids and reason codes are unique, stages refer only to
 * stages that exist, and the formal stages fit the total limit. Each problem names where it is.
 */
public final class ProcedureValidator {

    private ProcedureValidator() {
    }

    /** @return every problem found, each naming its place; empty when the procedure is sound */
    public static List<String> problems(Procedure p) {
        List<String> problems = new ArrayList<>();
        String at = "procedure " + p.id() + "@" + p.version();
        if (p.id().isBlank() || p.version().isBlank() || p.title().isBlank()) {
            problems.add(at + ": id, version and title are required");
        }
        if (p.appliesTo().isEmpty()) {
            problems.add(at + ": appliesTo names no children (looked after, child protection or both)");
        }
        Set<String> roles = new HashSet<>(p.roles());
        if (roles.size() != p.roles().size()) {
            problems.add(at + ": roles lists a role more than once");
        }
        if (p.raisedBy().isEmpty()) {
            problems.add(at + ": raisedBy names no role (the IRO, the Child Protection Chair)");
        }
        roles(problems, at + ": raisedBy", p.raisedBy(), roles);
        if (p.stages().isEmpty()) {
            problems.add(at + ": has no stages");
        }
        Set<String> stageIds = new HashSet<>();
        for (int i = 0; i < p.stages().size(); i++) {
            Stage s = p.stages().get(i);
            String where = at + ": stage " + (i + 1) + " '" + s.id() + "'";
            if (!stageIds.add(s.id())) {
                problems.add(where + ": stage id used twice");
            }
            roles(problems, where + ": participants", s.participants(), roles);
            roles(problems, where + ": notified", s.notified(), roles);
            if (s.respondingRole() != null) {
                roles(problems, where + ": respondingRole", List.of(s.respondingRole()), roles);
            }
            Set<String> actionIds = new HashSet<>();
            for (RequiredAction a : s.requiredActions()) {
                if (!actionIds.add(a.id())) {
                    problems.add(where + ": required action '" + a.id() + "' used twice");
                }
                roles(problems, where + ": required action '" + a.id() + "' byRole", List.of(a.byRole()), roles);
            }
            if (s.noRemitStage() != null) {
                int target = p.indexOf(s.noRemitStage());
                if (target < 0) {
                    problems.add(where + ": noRemitStage '" + s.noRemitStage() + "' is not a stage of the procedure");
                } else if (target <= i) {
                    problems.add(where + ": noRemitStage '" + s.noRemitStage() + "' must come after the stage");
                }
                if (s.respondingRole() == null) {
                    problems.add(where + ": noRemitStage is given but the stage asks no response");
                }
            }
        }
        if (!p.stages().isEmpty() && p.stages().get(0).mayBypass()) {
            problems.add(at + ": the first stage cannot be bypassed; start at a later stage instead");
        }
        Set<String> codes = new HashSet<>();
        for (Reason r : p.reasons()) {
            if (!codes.add(r.code())) {
                problems.add(at + ": reason code '" + r.code() + "' used twice");
            }
            if (r.appliesTo().isEmpty()) {
                problems.add(at + ": reason '" + r.code() + "' applies to no children");
            } else if (!p.appliesTo().containsAll(r.appliesTo())) {
                problems.add(at + ": reason '" + r.code() + "' applies to " + r.appliesTo()
                        + " but the procedure serves only " + p.appliesTo());
            }
        }
        if (p.reasons().isEmpty()) {
            problems.add(at + ": has no reasons to raise a concern for");
        }
        roles(problems, at + ": cafcass.informFirst", p.cafcass().informFirst(), roles);
        totalLimit(problems, at, p);
        return problems;
    }

    private static void totalLimit(List<String> problems, String at, Procedure p) {
        if (p.totalLimit() == null || p.totalLimit().unit() != TimescaleUnit.WORKING_DAYS) {
            return;
        }
        int formalDays = p.stages().stream().filter(Stage::formal).filter(s -> s.timescale() != null)
                .filter(s -> s.timescale().unit() == TimescaleUnit.WORKING_DAYS)
                .mapToInt(s -> s.timescale().amount()).sum();
        if (formalDays > p.totalLimit().amount()) {
            problems.add(at + ": the formal stages add up to " + formalDays + " working days, beyond the total limit of "
                    + p.totalLimit());
        }
    }

    private static void roles(List<String> problems, String where, List<String> used, Set<String> known) {
        for (String role : used) {
            if (!known.contains(role)) {
                problems.add(where + ": role '" + role + "' is not one of the procedure's roles " + known);
            }
        }
    }
}
