package uk.starred.impl.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import uk.starred.api.alert.Alert;
import uk.starred.api.alert.AlertKind;
import uk.starred.api.alert.AlertService;
import uk.starred.api.alert.Rag;
import uk.starred.api.calendar.SpokenTime;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.RoleWords;
import uk.starred.api.procedure.Stage;
import uk.starred.impl.access.Access;
import uk.starred.impl.deadline.Deadlines;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.schema.StarredSchema;

/**
 * Works out a child's alerts from the stored concerns, their procedures and the working calendar,
 * at the moment they are asked for: the same rules that set the due moments the deadline runner
 * fires (a stage is amber from the start of its last working day, red from its due moment).
 */
@Component(service = AlertService.class)
public class JpaAlertService implements AlertService {

    private static final Comparator<Alert> ORDER = Comparator.comparing(Alert::rag)
            .thenComparing(Alert::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Alert::kind);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final WorkingCalendar calendar;
    private final ProcedureDefinitions definitions;

    @Activate
    public JpaAlertService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference WorkingCalendar calendar,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff), calendar);
    }

    public JpaAlertService(JpaTemplate jpa, Clock clock, Access access, WorkingCalendar calendar) {
        this.jpa = Objects.requireNonNull(jpa, "jpa");
        this.clock = clock;
        this.access = access;
        this.calendar = calendar;
        this.definitions = new ProcedureDefinitions(jpa);
    }

    @Override
    public List<Alert> alertsForChild(String childId) {
        if (childId == null || childId.isBlank()) {
            Checks.single("List alerts for child", "childId", "is required");
        }
        String actor = access.caller();
        boolean oversight = access.hasOversight(actor);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Alert> alerts = new ArrayList<>();
            // only concerns that can have an alert are read: open ones, resolved ones with an agreed action
            // not done, and those awaiting CAFCASS's decision; a child's ended history costs nothing
            for (ConcernEntity entity : em.createQuery("select c from ConcernEntity c where c.childId = :child"
                    + " and (c.status = :open or c.status = :resolved and exists (select x.id from ConcernEntity x"
                    + " join x.agreedActions a where x = c and a.completedAt is null)"
                    + " or (c.status = :open or c.status = :resolved or c.status = :referred)"
                    + " and c.cafcassReferredAt is not null and c.cafcassDecision is null)", ConcernEntity.class)
                    .setParameter("child", childId).setParameter("open", ConcernStatus.OPEN)
                    .setParameter("resolved", ConcernStatus.RESOLVED)
                    .setParameter("referred", ConcernStatus.REFERRED_TO_CAFCASS).getResultList()) {
                Procedure procedure = definitions.stored(em, entity.procedure());
                if (oversight || !access.procedureRoles(actor, childId, procedure).isEmpty()) {
                    alerts.addAll(alerts(entity.toConcern(), procedure, now));
                }
            }
            if (oversight || !access.roles(actor, childId).isEmpty()) {
                uk.starred.impl.review.LookedAfterChildEntity reviews = em.find(
                        uk.starred.impl.review.LookedAfterChildEntity.class, childId);
                if (reviews != null) {
                    alerts.addAll(reviewAlerts(reviews.toTimetable(), now));
                }
            }
            alerts.sort(ORDER);
            return alerts;
        });
    }

    /** @return the concern's current alerts at {@code now} */
    List<Alert> alerts(Concern c, Procedure procedure, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        if (c.status() == ConcernStatus.OPEN) {
            c.currentStage().ifPresent(current -> stageAlerts(c, procedure, current, now, alerts));
            if (c.formalDueAt() != null && !now.isBefore(c.formalDueAt())) {
                alerts.add(new Alert(AlertKind.TOTAL_LIMIT_PASSED, Rag.RED, c.id(), c.childId(), procedure.title(),
                        "The formal stages have run beyond their total limit of " + procedure.totalLimit() + ".",
                        List.of(c.raisedBy()), c.formalDueAt(), c.formalDueAt()));
            }
        }
        if (c.status() == ConcernStatus.OPEN || c.status() == ConcernStatus.RESOLVED) {
            for (AgreedAction a : c.agreedActions()) {
                Instant due = Deadlines.endOf(a.dueBy(), calendar.zone());
                if (!a.isCompleted() && !now.isBefore(due)) {
                    alerts.add(new Alert(AlertKind.AGREED_ACTION_OVERDUE, Rag.RED, c.id(), c.childId(), a.description(),
                            "Agreed action " + a.number() + " was due by " + SpokenTime.day(a.dueBy()) + " and is not recorded as done.",
                            List.of(a.responsible()), due, due));
                }
            }
        }
        if (c.cafcass() != null && c.cafcass().referredAt() != null && c.cafcass().decision() == null) {
            Instant due = c.cafcass().decisionDueAt();
            boolean late = due != null && !now.isBefore(due);
            alerts.add(new Alert(AlertKind.CAFCASS_REFERRAL, late ? Rag.RED : Rag.AMBER, c.id(), c.childId(),
                    "Referred to CAFCASS", late ? "CAFCASS's decision was due by " + SpokenTime.due(due, calendar.zone()) + " and is not recorded."
                            : "CAFCASS's decision is awaited" + (due == null ? "." : ", due by " + SpokenTime.due(due, calendar.zone()) + "."),
                    List.of(c.raisedBy()), due, c.cafcass().referredAt()));
        }
        return alerts;
    }

    /** @return the timetable's alerts at {@code now}: a review late, records late */
    List<Alert> reviewAlerts(uk.starred.api.review.ReviewTimetable t, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        List<String> iro = access.holders(List.of("IRO"), t.childId());
        for (uk.starred.api.review.Review r : t.reviews()) {
            if (!r.isHeld()) {
                Instant due = Deadlines.endOf(r.dueBy(), calendar.zone());
                if (t.ceasedOn() == null && !now.isBefore(due)) {
                    alerts.add(new Alert(AlertKind.REVIEW_OVERDUE, Rag.RED, null, t.childId(), "Review " + r.number(),
                            "Review " + r.number() + " was due by " + SpokenTime.day(r.dueBy()) + " and is not recorded as held;"
                                    + " a review late is a reason for the IRO to raise a concern.", iro, due, due));
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
                        + " records", "Late for review " + r.number() + ": " + String.join(", ", late) + ".", iro,
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
    private Instant late(List<String> late, String what, java.time.LocalDate dueBy, java.time.LocalDate done,
            Instant now, Instant earliest) {
        Instant due = Deadlines.endOf(dueBy, calendar.zone());
        if (done != null || now.isBefore(due)) {
            return earliest;
        }
        late.add(what + " (due by " + SpokenTime.day(dueBy) + ")");
        return earliest == null || due.isBefore(earliest) ? due : earliest;
    }

    private void stageAlerts(Concern c, Procedure procedure, StageRecord current, Instant now, List<Alert> alerts) {
        Stage stage = procedure.stage(current.stageId()).orElseThrow();
        boolean awaitingResponse = stage.respondingRole() != null && current.response() == null;
        List<String> mustAct = awaitingResponse ? access.holders(List.of(stage.respondingRole()), c.childId())
                : List.of(c.raisedBy());
        Instant due = current.dueAt();
        Instant soon = due == null ? null : Deadlines.dueSoon(calendar, current.enteredAt(), due);
        Rag rag = due != null && !now.isBefore(due) ? Rag.RED
                : soon != null && !now.isBefore(soon) ? Rag.AMBER : Rag.GREEN;
        AlertKind kind = stage.formal() ? AlertKind.FORMAL_ALERT
                : c.origin() == ConcernOrigin.STARRED_DECISION && procedure.indexOf(stage.id()) == 0
                        ? AlertKind.STARRED_DECISION : AlertKind.INFORMAL_ALERT;
        String asked = (awaitingResponse ? "A response is asked of the " + RoleWords.of(stage.respondingRole())
                : "The IRO decides what happens next")
                + (due == null ? "." : ", by " + SpokenTime.due(due, calendar.zone()) + ".");
        alerts.add(new Alert(kind, rag, c.id(), c.childId(), stage.name(), asked, mustAct, due, current.enteredAt()));
        if (rag == Rag.RED) {
            alerts.add(new Alert(AlertKind.STAGE_OVERDUE, Rag.RED, c.id(), c.childId(), stage.name(),
                    "Stage '" + stage.name() + "' was due by " + SpokenTime.due(due, calendar.zone()) + ".", mustAct, due, due));
        } else if (rag == Rag.AMBER) {
            alerts.add(new Alert(AlertKind.STAGE_DUE_SOON, Rag.AMBER, c.id(), c.childId(), stage.name(),
                    "Stage '" + stage.name() + "' is due by " + SpokenTime.due(due, calendar.zone()) + ".", mustAct, due, soon));
        }
    }
}
