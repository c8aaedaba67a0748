package uk.starred.core.concern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.starred.api.StageNotAllowedException;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.CafcassReferral;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Gate;
import uk.starred.api.procedure.ReferralWindow;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Stage;
import uk.starred.api.calendar.Timescale;
import uk.starred.core.command.Checks;
import uk.starred.core.law.TheLaw;
import uk.starred.core.wording.ConcernWords;

/** The IRO's referral of the case to CAFCASS (s25B(3) Children Act 1989), and CAFCASS's decision. */
final class Referrals {

    private Referrals() {
    }

    static void consider(Draft d, String reason) {
        Rights.require(d.ctx, d.childId, Rights.referrers(d.procedure()),
                "consider a CAFCASS referral (" + TheLaw.REFERRAL + ")");
        TheLaw.requireReferable(d.childId, d.ctx.people().child());
        Checks checks = new Checks("Consider CAFCASS referral");
        checks.text("reason", reason, Checks.TEXT_MAX);
        checks.done();
        if (referred(d)) {
            Checks.single("Consider CAFCASS referral", "id", "the case has already been referred to CAFCASS");
        }
        List<String> roles = d.procedure().cafcass().informFirst();
        d.cafcass = new CafcassReferral(d.now(), roles, null, null, null, null, null, null, null, null);
        d.note(ConcernEvent.CAFCASS_CONSIDERED, d.currentStage().orElse(null),
                ConcernWords.consideringNote(d.actorName(), reason, roles));
        d.tell(d.ctx.people().holders(roles), ConcernWords.subject(d.childId, ConcernWords.CONSIDERING),
                ConcernWords.consideringNotice(reason));
    }

    /**
     * A concurrent referral made with another step (raising, escalating): those the procedure says are
     * told first are told in the same moment, then the case is referred alongside the process.
     */
    static void alongside(Draft d, String reason) {
        if (stillToTellFirst(d)) {
            consider(d, reason);
        }
        refer(d, ReferralMode.CONCURRENT, reason);
    }

    static void refer(Draft d, ReferralMode mode, String reason) {
        Procedure procedure = d.procedure();
        Rights.require(d.ctx, d.childId, Rights.referrers(procedure),
                "refer the case to CAFCASS (" + TheLaw.REFERRAL + ")");
        TheLaw.requireReferable(d.childId, d.ctx.people().child());
        Checks checks = new Checks("Refer to CAFCASS");
        checks.require(mode != null, "mode", "is required: concurrent, at the end, or curtailed");
        checks.text("reason", reason, Checks.TEXT_MAX);
        checks.done();
        if (referred(d)) {
            Checks.single("Refer to CAFCASS", "id", "the case has already been referred to CAFCASS");
        }
        List<String> informFirst = procedure.cafcass().informFirst();
        if (stillToTellFirst(d)) {
            throw new StageNotAllowedException("'" + procedure.title() + "' requires " + String.join(" and ", informFirst)
                    + " to be told a referral is being considered before it is made");
        }
        StageRecord current = d.current();
        if (mode != ReferralMode.CURTAILED) {
            window(d, procedure.cafcass());
            Gates.require(d, Gate.REFER_TO_CAFCASS, "refer the case to CAFCASS alongside the process");
        }
        if (mode == ReferralMode.AT_END && procedure.indexOf(current.stageId()) < procedure.lastEscalationIndex()) {
            throw new StageNotAllowedException("the process has not reached its end (the concern is at '"
                    + d.stage(current).name() + "'); refer alongside it, or curtail it");
        }
        Optional<Stage> decisionStage = procedure.referralStage();
        Timescale decisionTime = decisionStage.map(Stage::timescale).orElse(procedure.cafcass().decisionTimescale());
        Instant decisionDue = decisionTime == null ? null : d.ctx.calendar().dueMoment(d.now(), decisionTime);
        CafcassReferral was = d.cafcass;
        d.cafcass = new CafcassReferral(was == null ? null : was.consideredAt(), was == null ? List.of() : was.informed(),
                d.now(), d.actor(), mode, reason, decisionDue, null, null, null);
        ConcernWords words = new ConcernWords(d.ctx.calendar().zone());
        d.note(ConcernEvent.CAFCASS_REFERRED, d.stage(current), words.referredNote(d.actorName(), mode, reason, decisionDue));
        List<String> told = new ArrayList<>(d.ctx.people().holders(informFirst));
        told.addAll(d.ctx.people().holders(procedure.cafcass().toldOnReferral()));
        told.add(d.responsiblePerson);
        told.remove(d.actor());
        d.tell(told, ConcernWords.subject(d.childId, ConcernWords.REFERRED), ConcernWords.referredNotice(mode, reason));
        if (mode != ReferralMode.CONCURRENT) {
            d.complete(current, ConcernWords.referredOutcome(mode));
            // "Stage Seven - Decision by CAFCASS": the stage a referral enters, open until CAFCASS decides
            decisionStage.ifPresent(stage -> Movement.enter(d, stage, ConcernWords.referredOutcome(mode)));
            d.end(ConcernStatus.REFERRED_TO_CAFCASS, reason);
        }
    }

    /**
     * Refuses a referral alongside the process, or at its end, before the procedure's window opens.
     * Curtailing is never refused by it: the power to refer is the IRO's in law.
     */
    private static void window(Draft d, CafcassRule rule) {
        Procedure procedure = d.procedure();
        if (rule.when() == ReferralWindow.FORMAL_BEGUN && !Movement.formalProcessBegun(d)) {
            throw new StageNotAllowedException("'" + procedure.title() + "' allows a CAFCASS referral alongside"
                    + " the process only once the formal process has begun; the IRO may curtail it to refer now ("
                    + TheLaw.REFERRAL + ")");
        }
        if (rule.when() == ReferralWindow.STAGE_BEGUN && !Movement.reached(d, rule.stage())) {
            throw new StageNotAllowedException("'" + procedure.title() + "' allows a CAFCASS referral alongside"
                    + " the process only once stage '" + Movement.stage(procedure, rule.stage()).name()
                    + "' has begun; the IRO may curtail it to refer now (" + TheLaw.REFERRAL + ")");
        }
    }

    static void recordDecision(Draft d, CafcassDecision decision, String notes) {
        Rights.require(d.ctx, d.childId, Rights.drivers(d.procedure()), "record CAFCASS's decision");
        Checks checks = new Checks("Record CAFCASS decision");
        checks.require(decision != null, "decision", "is required: proceedings or no proceedings");
        checks.optional("notes", notes, Checks.TEXT_MAX);
        checks.done();
        if (!referred(d)) {
            Checks.single("Record CAFCASS decision", "id", "the case has not been referred to CAFCASS");
        }
        if (d.cafcass.decision() != null) {
            Checks.single("Record CAFCASS decision", "decision", "CAFCASS's decision is already recorded");
        }
        CafcassReferral r = d.cafcass;
        d.cafcass = new CafcassReferral(r.consideredAt(), r.informed(), r.referredAt(), r.referredBy(), r.mode(),
                r.reason(), r.decisionDueAt(), decision, d.now(), notes);
        Optional<StageRecord> decisionStage = d.currentRecord().filter(s -> d.stage(s).enteredByReferral());
        decisionStage.ifPresent(s -> d.complete(s, ConcernWords.decisionNote(decision, notes)));
        d.note(ConcernEvent.CAFCASS_DECISION_RECORDED, decisionStage.map(d::stage).orElse(null),
                ConcernWords.decisionNote(decision, notes));
    }

    /** @return whether the procedure names people to tell before a referral, and they have not been told */
    private static boolean stillToTellFirst(Draft d) {
        return !d.procedure().cafcass().informFirst().isEmpty() && (d.cafcass == null || d.cafcass.consideredAt() == null);
    }

    /** @return whether the case has been referred and CAFCASS's decision is still awaited */
    static boolean awaitingDecision(uk.starred.api.concern.Concern c) {
        return c.cafcass() != null && c.cafcass().isReferred() && c.cafcass().decision() == null;
    }

    private static boolean referred(Draft d) {
        return d.cafcass != null && d.cafcass.isReferred();
    }
}
