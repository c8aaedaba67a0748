package uk.starred.core.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.starred.api.alert.Alert;
import uk.starred.api.alert.AlertKind;
import uk.starred.api.alert.Rag;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Stage;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.concern.People;
import uk.starred.core.deadline.StageClock;
import uk.starred.core.deadline.Urgency;
import uk.starred.core.concern.FamilyUpdates;
import uk.starred.core.wording.ConcernWords;
import uk.starred.core.wording.FamilyUpdateWords;
import uk.starred.core.wording.ReviewWords;

/**
 * A child's alerts at a moment: the same rules that set the due moments the deadline runner fires,
 * so that what a screen shows and what people are told always agree.
 */
public final class ConcernAlerts {

    /** Reddest first, then the soonest due, then by kind. */
    public static final Comparator<Alert> ORDER = Comparator.comparing(Alert::rag)
            .thenComparing(Alert::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Alert::kind);

    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final ConcernWords words;

    public ConcernAlerts(WorkingCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
        this.words = new ConcernWords(zone);
    }

    /** @return the concern's current alerts at {@code now} */
    public List<Alert> of(Concern c, Procedure procedure, People people, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        if (c.status() == ConcernStatus.OPEN) {
            c.currentStage().ifPresent(current -> stageAlerts(c, procedure, people, current, now, alerts));
            // the child and family to be told of the stage, as the procedure asks: nothing late, but asked of the IRO
            if (FamilyUpdates.askedAt(c, procedure) && !FamilyUpdates.sentAtCurrentStage(c)) {
                StageRecord current = c.currentStage().orElseThrow();
                alerts.add(new Alert(AlertKind.FAMILY_UPDATE_DUE, Rag.GREEN, c.id(), c.childId(),
                        FamilyUpdateWords.ALERT_TITLE, FamilyUpdateWords.dueAlert(current.name()), List.of(c.raisedBy()),
                        null, current.enteredAt()));
            }
            if (c.formalDueAt() != null && !now.isBefore(c.formalDueAt())) {
                alerts.add(new Alert(AlertKind.TOTAL_LIMIT_PASSED, Rag.RED, c.id(), c.childId(), procedure.title(),
                        ConcernWords.beyondLimitAlert(procedure.totalLimit()),
                        List.of(c.raisedBy()), c.formalDueAt(), c.formalDueAt()));
            }
        }
        if (c.status() == ConcernStatus.OPEN || c.status() == ConcernStatus.RESOLVED) {
            for (AgreedAction a : c.agreedActions()) {
                Instant due = Urgency.endOf(a.dueBy(), zone);
                if (!a.isCompleted() && !now.isBefore(due)) {
                    alerts.add(new Alert(AlertKind.AGREED_ACTION_OVERDUE, Rag.RED, c.id(), c.childId(),
                            a.description(), ConcernWords.agreedActionOverdue(a.number(), a.dueBy()),
                            List.of(a.responsible()), due, due));
                }
            }
        }
        if (c.cafcass() != null && c.cafcass().referredAt() != null && c.cafcass().decision() == null) {
            Instant due = c.cafcass().decisionDueAt();
            boolean late = due != null && !now.isBefore(due);
            alerts.add(new Alert(AlertKind.CAFCASS_REFERRAL, late ? Rag.RED : Rag.AMBER, c.id(), c.childId(),
                    ConcernWords.REFERRED_TITLE, late ? words.cafcassDecisionLate(due) : words.cafcassDecisionAwaited(due),
                    List.of(c.raisedBy()), due, c.cafcass().referredAt()));
        }
        return alerts;
    }

    private void stageAlerts(Concern c, Procedure procedure, People people, StageRecord current, Instant now,
            List<Alert> alerts) {
        Stage stage = procedure.stage(current.stageId()).orElseThrow();
        AlertKind kind = stage.formal() ? AlertKind.FORMAL_ALERT
                : c.origin() == ConcernOrigin.STARRED_DECISION && procedure.indexOf(stage.id()) == 0
                        ? AlertKind.STARRED_DECISION : AlertKind.INFORMAL_ALERT;
        if (StageClock.agreed(current)) {
            // the stage's clock has stopped: the agreed actions are monitored to their own dates
            alerts.add(new Alert(kind, Rag.GREEN, c.id(), c.childId(), stage.name(),
                    ConcernWords.AGREED_MONITORED,
                    List.of(c.raisedBy()), null, current.response().at()));
            return;
        }
        boolean awaitingResponse = stage.asksResponse() && current.response() == null;
        List<String> mustAct = awaitingResponse ? people.holders(stage.responders())
                : List.of(c.raisedBy());
        Instant due = current.dueAt();
        Rag rag = due == null ? Rag.GREEN : Urgency.of(due, now, calendar);
        String asked = words.asked(awaitingResponse ? stage.responders() : List.of(), due);
        alerts.add(new Alert(kind, rag, c.id(), c.childId(), stage.name(), asked, mustAct, due, current.enteredAt()));
        if (rag == Rag.RED) {
            alerts.add(new Alert(AlertKind.STAGE_OVERDUE, Rag.RED, c.id(), c.childId(), stage.name(),
                    words.overdueNotice(stage.name(), due), mustAct, due, due));
        } else if (rag == Rag.AMBER) {
            Instant soon = Urgency.dueSoon(current.enteredAt(), due, calendar);
            alerts.add(new Alert(AlertKind.STAGE_DUE_SOON, Rag.AMBER, c.id(), c.childId(), stage.name(),
                    words.dueSoonNotice(stage.name(), due), mustAct, due,
                    soon == null ? current.enteredAt() : soon));
        }
    }

    /**
     * @param chairRole the role that chairs the child's reviews, as the council's timetable names it
     * @param iro       the staff ids holding it for the child, told of a review or record late
     * @return the timetable's alerts at {@code now}: a review late, records late
     */
    public List<Alert> of(ReviewTimetable t, String chairRole, List<String> iro, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        if (t.ceasedOn() == null) {
            List<String> late = new ArrayList<>();
            Instant earliest = t.iroAppointmentDueBy() == null ? null : late(late, "the IRO's appointment",
                    t.iroAppointmentDueBy(), t.iroAppointedOn(), now, null);
            for (var c : t.caseSummaries()) {
                earliest = late(late, "case summary " + c.number(), c.dueBy(), c.completedOn(), now, earliest);
            }
            if (!late.isEmpty()) {
                alerts.add(new Alert(AlertKind.REVIEW_PLAN_OVERDUE, Rag.RED, null, t.childId(), "The IRO and the plan",
                        ReviewWords.planLate(late), iro, earliest, earliest));
            }
        }
        for (Review r : t.reviews()) {
            if (!r.isHeld()) {
                Instant due = Urgency.endOf(r.dueBy(), zone);
                if (t.ceasedOn() == null && !now.isBefore(due)) {
                    alerts.add(new Alert(AlertKind.REVIEW_OVERDUE, Rag.RED, null, t.childId(), "Review " + r.number(),
                            ReviewWords.lateAlert(r.number(), r.dueBy(), chairRole), iro, due, due));
                }
                continue;
            }
            List<String> late = new ArrayList<>();
            Instant earliest = late(late, "decision record", r.decisionRecordDueBy(), r.decisionRecordCirculatedOn(),
                    now, null);
            earliest = late(late, "full record", r.recordDueBy(), r.recordCompletedOn(), now, earliest);
            earliest = late(late, "distribution of the record", r.distributionDueBy(), r.distributedOn(), now, earliest);
            if (!late.isEmpty()) {
                alerts.add(new Alert(AlertKind.REVIEW_RECORD_OVERDUE, Rag.RED, null, t.childId(), "Review " + r.number()
                        + " records", ReviewWords.recordsLate(r.number(), late), iro,
                        earliest, earliest));
            }
        }
        return alerts;
    }

    /**
     * Notes a record late when it is not done and the end of its last day has passed.
     *
     * @return the earliest due moment of those late so far
     */
    private Instant late(List<String> late, String what, LocalDate dueBy, LocalDate done, Instant now,
            Instant earliest) {
        Instant due = Urgency.endOf(dueBy, zone);
        if (done != null || now.isBefore(due)) {
            return earliest;
        }
        late.add(ReviewWords.dueBy(what, dueBy));
        return earliest == null || due.isBefore(earliest) ? due : earliest;
    }
}
