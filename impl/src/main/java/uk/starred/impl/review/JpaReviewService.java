package uk.starred.impl.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.NotFoundException;
import uk.starred.api.UnknownChildException;
import uk.starred.api.alert.AlertEvents;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.review.HistoryEntry;
import uk.starred.api.review.ReviewService;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.review.ReviewCommand;
import uk.starred.core.review.ReviewContext;
import uk.starred.core.review.ReviewDueMoments;
import uk.starred.core.review.ReviewTimescales;
import uk.starred.core.review.ReviewTimetableLifecycle;
import uk.starred.core.review.ReviewTransition;
import uk.starred.impl.access.Access;
import uk.starred.impl.deadline.DeadlineEntity;
import uk.starred.impl.deadline.Deadlines;
import uk.starred.impl.outbox.Effects;
import uk.starred.impl.schema.StarredSchema;

/**
 * The looked-after review timetable over the {@code starred} unit: the store around the core's
 * {@link ReviewTimetableLifecycle}. Each command locks the child's timetable at the version the caller
 * read, applies the core's rule, and stores the change with its history entry, its due moments (kept
 * in the deadline table, fired by the deadline runner) and its notifications, in one transaction.
 */
@Component(service = {ReviewService.class, JpaReviewService.class}, configurationPid = "uk.starred.reviews")
@Designate(ocd = ReviewTimetableConfig.class)
public class JpaReviewService implements ReviewService {

    static final String ACTOR = ReviewTimetableLifecycle.DEADLINE_ACTOR;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final WorkingCalendar calendar;
    private final ReviewTimescales timescales;

    @Activate
    public JpaReviewService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            ReviewTimetableConfig timescales,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff), children, calendar, timescales);
    }

    public JpaReviewService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children,
            WorkingCalendar calendar, ReviewTimetableConfig config) {
        this.jpa = jpa;
        this.clock = clock;
        this.access = access;
        this.children = children;
        this.calendar = calendar;
        this.timescales = new ReviewTimescales(config.firstReviewWorkingDays(), config.secondReviewMonths(),
                config.laterReviewMonths(), config.decisionRecordWorkingDays(), config.disagreementWorkingDays(),
                config.recordWorkingDays(), config.distributionWorkingDays(), config.iroRole(),
                config.socialWorkerRole(), config.managerRole());
    }

    @Override
    public Optional<ReviewTimetable> timetable(String childId) {
        ReviewTimetableLifecycle.required(ReviewCommand.REVIEW_HELD, "childId", childId);
        String actor = access.caller();
        if (!access.hasOversight(actor) && access.roles(actor, childId).isEmpty()) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em -> Optional.ofNullable(em.find(LookedAfterChildEntity.class,
                childId)).map(LookedAfterChildEntity::toTimetable));
    }

    @Override
    public ReviewTimetable lookedAfterFrom(String childId, LocalDate since) {
        ReviewTimetableLifecycle.required(ReviewCommand.LOOKED_AFTER_FROM, "childId", childId);
        ReviewContext ctx = context(access.caller(), now(), childId);
        ReviewCommand.LOOKED_AFTER_FROM.permit(ctx, childId);
        children.child(childId).orElseThrow(() -> new UnknownChildException("the host has no child record '"
                + childId + "'"));
        return jpa.txExpr(TransactionType.Required, em -> {
            LookedAfterChildEntity existing = em.find(LookedAfterChildEntity.class, childId);
            ReviewTransition t = ReviewTimetableLifecycle.lookedAfterFrom(childId, since,
                    existing == null ? null : existing.toTimetable(), ctx);
            LookedAfterChildEntity child = new LookedAfterChildEntity(t.after(), t.actor(), t.at());
            em.persist(child);
            em.flush();
            return write(em, child, t);
        });
    }

    @Override
    public ReviewTimetable reviewHeld(String childId, long expectedVersion, LocalDate heldOn) {
        return command(ReviewCommand.REVIEW_HELD, childId, expectedVersion,
                (t, ctx) -> ReviewTimetableLifecycle.reviewHeld(t, heldOn, ctx));
    }

    @Override
    public ReviewTimetable decisionRecordCirculated(String childId, long expectedVersion, int review, LocalDate on) {
        return command(ReviewCommand.DECISION_RECORD_CIRCULATED, childId, expectedVersion,
                (t, ctx) -> ReviewTimetableLifecycle.decisionRecordCirculated(t, review, on, ctx));
    }

    @Override
    public ReviewTimetable disagree(String childId, long expectedVersion, int review, String reasons) {
        return command(ReviewCommand.DISAGREE, childId, expectedVersion,
                (t, ctx) -> ReviewTimetableLifecycle.disagree(t, review, reasons, ctx));
    }

    @Override
    public ReviewTimetable recordCompleted(String childId, long expectedVersion, int review, LocalDate on) {
        return command(ReviewCommand.RECORD_COMPLETED, childId, expectedVersion,
                (t, ctx) -> ReviewTimetableLifecycle.recordCompleted(t, review, on, ctx));
    }

    @Override
    public ReviewTimetable recordDistributed(String childId, long expectedVersion, int review, LocalDate on) {
        return command(ReviewCommand.RECORD_DISTRIBUTED, childId, expectedVersion,
                (t, ctx) -> ReviewTimetableLifecycle.recordDistributed(t, review, on, ctx));
    }

    @Override
    public ReviewTimetable ceasedLookedAfter(String childId, long expectedVersion, LocalDate on) {
        return command(ReviewCommand.CEASED, childId, expectedVersion,
                (t, ctx) -> ReviewTimetableLifecycle.ceasedLookedAfter(t, on, ctx));
    }

    @Override
    public List<HistoryEntry> history(String childId) {
        ReviewTimetableLifecycle.required(ReviewCommand.REVIEW_HELD, "childId", childId);
        String actor = access.caller();
        if (!access.hasOversight(actor) && access.roles(actor, childId).isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("select h from HistoryEntity h"
                + " where h.childId = :child order by h.seq", HistoryEntity.class).setParameter("child", childId)
                .getResultStream().map(HistoryEntity::toEntry).toList());
    }

    // ---------------------------------------------------------------- the deadline runner's part

    /**
     * Fires one due moment of a review timetable in one transaction: tells those who must act and,
     * when the managers' window ends in silence, records the decisions as agreed. Fires nothing when
     * the moment is no longer pending or {@code node} lost its claim.
     *
     * @return what firing did, in words, or {@code null} when nothing fired
     */
    public String fireDeadline(DeadlineEntity.Key key, String node, boolean claimed) {
        Instant now = now();
        return jpa.txExpr(TransactionType.Required, em -> {
            LookedAfterChildEntity child = em.find(LookedAfterChildEntity.class, key.concernId(),
                    LockModeType.PESSIMISTIC_WRITE);
            DeadlineEntity deadline = em.find(DeadlineEntity.class, key);
            if (child == null || deadline == null || deadline.state() != DeadlineState.PENDING
                    || (claimed && !node.equals(deadline.claimedBy()))) {
                return null;
            }
            Optional<ReviewTransition> fired = ReviewTimetableLifecycle.fire(child.toTimetable(),
                    new DueKey(key.kind(), key.item()), context(ACTOR, now, child.childId()));
            String outcome = fired.map(ReviewTransition::outcome).orElse(null);
            deadline.fired(now, node, outcome == null ? "nothing outstanding" : outcome);
            if (fired.isPresent()) {
                ReviewTransition t = fired.get();
                Effects messages = effects(t);
                messages.event(AlertEvents.DEADLINE_TOPIC_PREFIX + key.kind(), outcome);
                messages.writeTo(em, null, child.childId(), "deadline/" + key.kind() + "/" + key.item(), ACTOR, now);
                if (t.changed()) {
                    child.write(t.after(), ACTOR);
                    child.touch(ACTOR, now);
                    em.flush();
                    history(em, child, t);
                    reconcile(em, child.toTimetable(), now);
                }
            }
            return outcome;
        });
    }

    /**
     * After the working calendar changed: moves the timetable dates counted in working days that are
     * not yet past (the initial review, the records after a review, the managers' window) to where
     * the calendar now puts them. Each timetable changed gets a history entry and its IRO is told.
     *
     * @param why what changed, for the record
     * @return how many children's timetables changed
     */
    public int recomputeDueDates(String why) {
        Instant now = now();
        List<String> ids = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select c.childId from LookedAfterChildEntity c where c.ceasedOn is null", String.class).getResultList());
        int moved = 0;
        for (String id : ids) {
            boolean changed = jpa.txExpr(TransactionType.Required, em -> {
                LookedAfterChildEntity child = em.find(LookedAfterChildEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (child == null) {
                    return false;
                }
                Optional<ReviewTransition> t = ReviewTimetableLifecycle.recompute(child.toTimetable(), why,
                        context(ACTOR, now, id));
                t.ifPresent(transition -> apply(em, child, transition));
                return t.isPresent();
            });
            if (changed) {
                moved++;
            }
        }
        return moved;
    }

    // ---------------------------------------------------------------- plumbing

    private ReviewTimetable command(ReviewCommand command, String childId, long expectedVersion,
            BiFunction<ReviewTimetable, ReviewContext, ReviewTransition> rule) {
        ReviewTimetableLifecycle.required(command, "childId", childId);
        ReviewContext ctx = context(access.caller(), now(), childId);
        // someone with no part in the child's timetable learns nothing of it, not even whether it exists
        command.permit(ctx, childId);
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                LookedAfterChildEntity child = em.find(LookedAfterChildEntity.class, childId,
                        LockModeType.PESSIMISTIC_WRITE);
                if (child == null) {
                    throw new NotFoundException("child " + childId + " has no review timetable; record when they"
                            + " became looked after first");
                }
                if (child.version() != expectedVersion) {
                    throw changedMeanwhile(childId);
                }
                return apply(em, child, rule.apply(child.toTimetable(), ctx));
            });
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(childId);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException) {
                throw changedMeanwhile(childId);
            }
            throw e;
        }
    }

    /** Writes a change to a stored timetable: its columns, a version on, then its history and effects. */
    private ReviewTimetable apply(EntityManager em, LookedAfterChildEntity child, ReviewTransition t) {
        child.write(t.after(), t.actor());
        child.touch(t.actor(), t.at());
        em.flush();
        return write(em, child, t);
    }

    /** Writes what follows a change once the timetable is at its new version: history, notices, due moments. */
    private ReviewTimetable write(EntityManager em, LookedAfterChildEntity child, ReviewTransition t) {
        history(em, child, t);
        Effects effects = effects(t);
        effects.event(AlertEvents.REVIEWS_CHANGED, t.command());
        effects.writeTo(em, null, child.childId(), "v" + child.version(), t.actor(), t.at());
        ReviewTimetable stored = child.toTimetable();
        reconcile(em, stored, t.at());
        em.flush();
        return stored;
    }

    private void reconcile(EntityManager em, ReviewTimetable t, Instant now) {
        Deadlines.reconcile(em, t.childId(), t.childId(), true,
                Deadlines.keyed(t.childId(), ReviewDueMoments.of(t, calendar)), now);
    }

    private static void history(EntityManager em, LookedAfterChildEntity child, ReviewTransition t) {
        Number last = em.createQuery("select max(h.seq) from HistoryEntity h where h.childId = :child", Number.class)
                .setParameter("child", child.childId()).getSingleResult();
        em.persist(new HistoryEntity(child.childId(), last == null ? 1 : last.intValue() + 1, t.at(), t.actor(),
                t.command(), t.detail()));
    }

    private static Effects effects(ReviewTransition t) {
        Effects effects = new Effects();
        t.notices().forEach(n -> effects.notify(n.to(), n.subject(), n.body()));
        return effects;
    }

    private ReviewContext context(String actor, Instant now, String childId) {
        return new ReviewContext(actor, now, access.people(childId), calendar, timescales);
    }

    private static ConcurrentChangeException changedMeanwhile(String childId) {
        return new ConcurrentChangeException("the review timetable of child " + childId
                + " was changed by someone else after you read it; read it again and decide afresh");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
