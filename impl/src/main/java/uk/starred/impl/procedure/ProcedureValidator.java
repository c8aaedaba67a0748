package uk.starred.impl.procedure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import uk.starred.api.calendar.TimescaleUnit;
import uk.starred.api.procedure.ClockStart;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Opening;
import uk.starred.api.procedure.OpeningEvent;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.ReferralWindow;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;
import uk.starred.core.law.TheLaw;

/**
 * Checks that a procedure definition hangs together before any concern may run under it: every role
 * used is one the procedure names, stage ids, action ids and reason codes are unique, stages refer
 * only to stages that exist and come after them, and the formal stages fit the total limit. Each
 * problem names its place as a path into the definition ({@code stages[2].participants}), so a
 * descriptor reader can point at the line.
 */
public final class ProcedureValidator {

    /** Why a procedure serving only children on plans may not ask for a referral in any form. */
    private static final String ONLY_ON_PLANS = "the procedure serves only children on child protection plans, whom"
            + " the law (" + TheLaw.REFERRAL + ") does not let anyone refer to CAFCASS";

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
    /** The most stages, and reasons, a procedure may have: the seeds have at most 8 stages and 17 reasons. */
    static final int MAX_STAGES = 100;
    static final int MAX_REASONS = 500;

    public static List<Problem> problems(Procedure p) {
        List<Problem> problems = new ArrayList<>();
        if (p.stages().size() > MAX_STAGES) {
            problems.add(new Problem("stages", "there are " + p.stages().size() + "; a procedure has at most "
                    + MAX_STAGES));
            return problems;
        }
        if (p.reasons().size() > MAX_REASONS) {
            problems.add(new Problem("reasons", "there are " + p.reasons().size() + "; a procedure has at most "
                    + MAX_REASONS));
            return problems;
        }
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
        permissions(problems, p, roles);
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
        if (p.reasons().isEmpty() && p.format() == 1) {
            problems.add(new Problem("reasons", "there are none; a concern is raised for at least one reason"
                    + " (in format 2, leave reasons out and the IRO describes the reason in words)"));
        }
        cafcass(problems, p, roles);
        totalLimit(problems, p);
        keepInformed(problems, p);
        openings(problems, p);
        return problems;
    }

    /**
     * What opens a concern by itself: each event once, at a stage the procedure has, for one of its reasons;
     * a review's disputed decisions only where the procedure serves looked-after children, who have reviews.
     */
    private static void openings(List<Problem> problems, Procedure p) {
        Set<OpeningEvent> seen = new HashSet<>();
        for (int i = 0; i < p.openedBy().size(); i++) {
            Opening o = p.openedBy().get(i);
            String at = "openedBy[" + i + "]";
            if (!seen.add(o.when())) {
                problems.add(new Problem(at + ".when", o.when() + " opens a concern more than once"));
            }
            if (o.when() == OpeningEvent.REVIEW_DECISIONS_DISPUTED && !p.appliesTo().contains(Cohort.LOOKED_AFTER)) {
                problems.add(new Problem(at + ".when", "only looked-after children have reviews, and the procedure serves "
                        + p.appliesTo()));
            }
            if (p.stage(o.atStage()).isEmpty()) {
                problems.add(new Problem(at + ".atStage", "'" + o.atStage() + "' is not a stage of the procedure"));
            } else if (p.stage(o.atStage()).get().enteredByReferral()) {
                problems.add(new Problem(at + ".atStage", "'" + o.atStage() + "' is entered only by a referral to"
                        + " CAFCASS"));
            }
            if (p.reason(o.reason()).isEmpty()) {
                problems.add(new Problem(at + ".reason", p.reasons().isEmpty() ? "leave it out: the procedure has no"
                        + " reasons, so the concern is opened for a reason described in words"
                        : "'" + o.reason() + "' is not one of the procedure's reasons"));
            }
        }
    }

    /** Keeping the child and family informed: at stages the procedure has. */
    private static void keepInformed(List<Problem> problems, Procedure p) {
        if (p.keepInformed() == null) {
            return;
        }
        for (int i = 0; i < p.keepInformed().stages().size(); i++) {
            String stage = p.keepInformed().stages().get(i);
            if (p.stage(stage).isEmpty()) {
                problems.add(new Problem("keepInformed.stages[" + i + "]", "'" + stage + "' is not a stage of the"
                        + " procedure"));
            }
        }
    }

    private static void stage(List<Problem> problems, Procedure p, int i, Set<String> roles, Set<String> stageIds) {
        Stage s = p.stages().get(i);
        String at = "stages[" + i + "]";
        if (!stageIds.add(s.id())) {
            problems.add(new Problem(at + ".id", "stage id '" + s.id() + "' is used twice"));
        }
        roles(problems, at + ".participants", s.participants(), roles);
        roles(problems, at + ".notified", s.notified(), roles);
        roles(problems, at + ".copied", s.copied(), roles);
        if (s.clockFrom() == ClockStart.ACTION_RECORDED) {
            boolean known = p.stages().subList(0, i + 1).stream()
                    .anyMatch(earlier -> earlier.requiredAction(s.clockAction()).isPresent());
            if (!known) {
                problems.add(new Problem(at + ".clockFrom.action", "'" + s.clockAction() + "' is not a required action"
                        + " of this stage or one before it"));
            }
        } else if (s.clockFrom() == ClockStart.STAGE_BEGUN) {
            int from = p.indexOf(s.clockStage());
            if (from < 0 || from > i) {
                problems.add(new Problem(at + ".clockFrom.stage", "'" + s.clockStage() + "' is not this stage or one"
                        + " before it"));
            }
        } else if (s.clockFrom() == ClockStart.PREVIOUS_DEADLINE && i == 0) {
            problems.add(new Problem(at + ".clockFrom", "the first stage has no stage before it"));
        }
        if (s.clockFrom() != ClockStart.STAGE_ENTERED && s.timescale() == null) {
            problems.add(new Problem(at + ".clockFrom", "is given but the stage has no timescale to count"));
        }
        if (s.satisfiedBy() != null) {
            roles(problems, at + ".satisfiedBy." + (s.satisfiedBy().allOf() ? "allOf" : "anyOf"),
                    s.satisfiedBy().roles(), roles);
        }
        String responders = p.format() == 1 ? ".respondingRole" : ".responders";
        if (p.format() == 1) {
            s.responders().forEach(r -> role(problems, at + responders, r, roles));
        } else {
            roles(problems, at + responders, s.responders(), roles);
        }
        String onSilence = p.format() == 1 ? ".onDeadline" : ".onSilence";
        if (s.onSilence() == OnDeadline.DEEMED_AGREEMENT && !s.asksResponse()) {
            problems.add(new Problem(at + onSilence, "agreement can be deemed only where the stage asks a response;"
                    + " name its responders"));
        }
        if (s.afterResponse() == OnDeadline.DEEMED_AGREEMENT) {
            problems.add(new Problem(at + ".afterResponse", "a response came, so agreement cannot be deemed; expected"
                    + " NOTHING, NEXT_STAGE or PROMPT_IRO"));
        }
        referral(problems, p, i, s, at, onSilence);
        roles(problems, at + ".overdueActionsTold", s.overdueActionsTold(), roles);
        Set<String> endingIds = new HashSet<>();
        for (int e = 0; e < s.endings().size(); e++) {
            if (!endingIds.add(s.endings().get(e).id())) {
                problems.add(new Problem(at + ".endings[" + e + "].id", "ending '" + s.endings().get(e).id()
                        + "' is used twice in the stage"));
            }
            roles(problems, at + ".endings[" + e + "].decidedBy", s.endings().get(e).decidedBy(), roles);
        }
        // format 1 let a last stage say NEXT_STAGE, and prompted the IRO: it still does
        if (p.format() > 1 && i >= p.lastEscalationIndex()
                && (s.onSilence() == OnDeadline.NEXT_STAGE || s.afterResponse() == OnDeadline.NEXT_STAGE)) {
            problems.add(new Problem(at + (s.onSilence() == OnDeadline.NEXT_STAGE ? onSilence : ".afterResponse"),
                    "the last stage has no next stage to move to; expected PROMPT_IRO, REFER_TO_CAFCASS or NOTHING"));
        }
        Set<String> actionIds = new HashSet<>();
        for (int a = 0; a < s.requiredActions().size(); a++) {
            RequiredAction action = s.requiredActions().get(a);
            if (!actionIds.add(action.id())) {
                problems.add(new Problem(at + ".requiredActions[" + a + "].id",
                        "required action '" + action.id() + "' is used twice in the stage"));
            }
            roles(problems, at + ".requiredActions[" + a + "].byRole", action.byRoles(), roles);
        }
        if (s.moreTime() != null) {
            roles(problems, at + ".moreTime.requestedBy", s.moreTime().requestedBy(), roles);
            roles(problems, at + ".moreTime.decidedBy", s.moreTime().decidedBy(), roles);
            if (s.timescale() == null) {
                problems.add(new Problem(at + ".moreTime", "the stage has no timescale, so no due moment to move;"
                        + " give it a timescale or leave moreTime out"));
            }
            if (s.moreTime().requestedBy().isEmpty() && !s.asksResponse()) {
                problems.add(new Problem(at + ".moreTime.requestedBy", "the stage asks no one to respond, so name"
                        + " the roles that may ask for more time"));
            }
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
            if (!s.asksResponse()) {
                problems.add(new Problem(at + ".noRemitStage", "is given but the stage asks no response"));
            }
        }
    }

    /** The stage a referral enters, and a referral asked for at a deadline: what they need of the procedure. */
    private static void referral(List<Problem> problems, Procedure p, int i, Stage s, String at, String onSilence) {
        boolean looked = TheLaw.mayBeReferred(p.appliesTo());
        if (!looked && s.onSilence() == OnDeadline.REFER_TO_CAFCASS) {
            problems.add(new Problem(at + onSilence, ONLY_ON_PLANS));
        } else if (!looked && s.afterResponse() == OnDeadline.REFER_TO_CAFCASS) {
            problems.add(new Problem(at + ".afterResponse", ONLY_ON_PLANS));
        }
        if (!s.enteredByReferral()) {
            return;
        }
        String entered = at + ".enteredBy";
        if (i != p.stages().size() - 1 || i == 0) {
            problems.add(new Problem(entered, "a stage entered by referral to CAFCASS comes last, after the stages"
                    + " of the council's own process"));
        }
        if (!looked) {
            problems.add(new Problem(entered, ONLY_ON_PLANS));
        }
        if (s.mayEnterDirectly() || s.formal() || s.asksResponse() || s.satisfiedBy() != null || !s.endings().isEmpty()) {
            problems.add(new Problem(entered, "a stage entered by referral is CAFCASS's to decide: leave out"
                    + " mayEnterDirectly, formal, responders, satisfiedBy and endings"));
        }
        if (s.timescale() != null && p.cafcass().decisionTimescale() != null) {
            problems.add(new Problem("cafcass.decisionTimescale", "CAFCASS's time to decide is given twice: as stage '"
                    + s.id() + "''s timescale and here; keep one"));
        }
        if (s.id().equals(p.cafcass().stage())) {
            problems.add(new Problem("cafcass.stage", "a referral cannot wait for the stage only a referral enters"));
        }
        for (int j = 0; j < i; j++) {
            if (s.id().equals(p.stages().get(j).noRemitStage())) {
                problems.add(new Problem("stages[" + j + "].noRemitStage", "'" + s.id() + "' is entered only by a"
                        + " referral to CAFCASS"));
            }
        }
    }

    private static void permissions(List<Problem> problems, Procedure p, Set<String> roles) {
        String raise = p.format() == 1 ? "raisedBy" : "permissions.raise";
        if (p.permissions().raise().isEmpty()) {
            problems.add(new Problem(raise, "names no role (the IRO, the Child Protection Chair)"));
        }
        roles(problems, raise, p.permissions().raise(), roles);
        if (p.format() == 1) {
            return;
        }
        roles(problems, "permissions.escalate", p.permissions().escalate(), roles);
        roles(problems, "permissions.resolve", p.permissions().resolve(), roles);
        roles(problems, "permissions.referToCafcass", p.permissions().referToCafcass(), roles);
        List<String> refer = p.permissions().referToCafcass();
        for (int i = 0; i < refer.size(); i++) {
            if (refer.get(i).equals(TheLaw.CPC)) {
                problems.add(new Problem("permissions.referToCafcass[" + i + "]", "the law (" + TheLaw.REFERRAL
                        + ") gives the power to refer to CAFCASS to the IRO of a looked-after child; the Child"
                        + " Protection Chair (CPC) has no such power"));
            }
        }
        if (!TheLaw.mayBeReferred(p.appliesTo()) && !refer.isEmpty()) {
            problems.add(new Problem("permissions.referToCafcass", ONLY_ON_PLANS + "; leave referToCafcass out"));
        }
    }

    private static void cafcass(List<Problem> problems, Procedure p, Set<String> roles) {
        roles(problems, "cafcass.informFirst", p.cafcass().informFirst(), roles);
        roles(problems, "cafcass.toldOnReferral", p.cafcass().toldOnReferral(), roles);
        String stage = p.cafcass().stage();
        if (p.cafcass().when() == ReferralWindow.STAGE_BEGUN) {
            if (stage == null) {
                problems.add(new Problem("cafcass.stage", "is required when a referral waits for a stage to begin"
                        + " (when: STAGE_BEGUN)"));
            } else if (p.indexOf(stage) < 0) {
                problems.add(new Problem("cafcass.stage", "'" + stage + "' is not a stage of the procedure"));
            }
        } else if (stage != null) {
            problems.add(new Problem("cafcass.stage", "is given but the referral waits for no stage; write"
                    + " 'when: STAGE_BEGUN' or leave stage out"));
        }
        if (p.cafcass().when() == ReferralWindow.FORMAL_BEGUN && p.stages().stream().noneMatch(Stage::formal)) {
            problems.add(new Problem("cafcass.when", "a referral would wait for the formal process, but no stage is"
                    + " formal"));
        }
    }

    private static void totalLimit(List<Problem> problems, Procedure p) {
        if (p.totalLimit() == null || p.totalLimit().unit() != TimescaleUnit.WORKING_DAYS) {
            return;
        }
        // the formal stages run to their limits one after another; a stage counting from an earlier stage's
        // start ends that many days after it, and adds only what goes beyond the stages between
        int formalDays = 0;
        java.util.Map<String, Integer> startedAfter = new java.util.HashMap<>();
        for (Stage s : p.stages()) {
            startedAfter.put(s.id(), formalDays);
            if (!s.formal() || s.timescale() == null || s.timescale().unit() != TimescaleUnit.WORKING_DAYS) {
                continue;
            }
            if (s.clockFrom() == ClockStart.STAGE_BEGUN && startedAfter.containsKey(s.clockStage())) {
                formalDays = Math.max(formalDays, startedAfter.get(s.clockStage()) + s.timescale().amount());
            } else {
                formalDays += s.timescale().amount();
            }
        }
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
