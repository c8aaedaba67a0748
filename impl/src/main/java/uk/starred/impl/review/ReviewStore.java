package uk.starred.impl.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.NotFoundException;
import uk.starred.api.alert.AlertEvents;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.review.ReviewContext;
import uk.starred.core.review.ReviewDueMoments;
import uk.starred.core.review.ReviewTimescales;
import uk.starred.core.review.ReviewTimetableLifecycle;
import uk.starred.core.review.ReviewTransition;
import uk.starred.impl.access.Access;
import uk.starred.impl.deadline.DeadlineEntity;
import uk.starred.impl.deadline.Deadlines;
import uk.starred.impl.json.Json;
import uk.starred.impl.outbox.Effects;
import uk.starred.impl.store.CommandRunner;
import uk.starred.impl.store.Writes;

/**
 * Children's review timetables as stored: loads a timetable, applies one of the core's
 * {@link ReviewTimetableLifecycle} rules, and writes the transition with its history entry, its due
 * moments and its notifications in one transaction. The review service, the deadline runner and a
 * calendar change all go through it.
 */
public final class ReviewStore implements CommandRunner.Aggregate<LookedAfterChildEntity> {

    static final String ACTOR = ReviewTimetableLifecycle.DEADLINE_ACTOR;

    private final JpaTemplate jpa;
    private final Access access;
    private final WorkingCalendar calendar;
    private final ReviewTimescales timescales;
    private final CommandRunner<LookedAfterChildEntity> runner;

    public ReviewStore(JpaTemplate jpa, Access access, WorkingCalendar calendar, ReviewTimetableConfig config) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.access = access;
        this.calendar = calendar;
        this.timescales = new ReviewTimescales(config.firstReviewWorkingDays(), config.secondReviewMonths(),
                config.laterReviewMonths(), config.decisionRecordWorkingDays(), config.disagreementWorkingDays(),
                config.recordWorkingDays(), config.distributionWorkingDays(), config.iroRole(),
                config.socialWorkerRole(), config.managerRole(), config.iroAppointmentWorkingDays(),
                config.caseSummaryMonths());
        this.runner = new CommandRunner<>(jpa, this);
    }

    /** @return the child's review timetable as stored, read in the caller's transaction */
    public static Optional<ReviewTimetable> timetable(EntityManager em, String childId) {
        return Optional.ofNullable(em.find(LookedAfterChildEntity.class, childId)).map(LookedAfterChildEntity::toTimetable);
    }

    ReviewContext context(String actor, Instant now, String childId) {
        return new ReviewContext(actor, now, access.people(childId), calendar, timescales);
    }

    /** Starts a child's timetable, refused when the child has one already. */
    ReviewTimetable started(String childId, java.time.LocalDate since, ReviewContext ctx) {
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

    /** Runs one command on the child's timetable, at the version the caller read. */
    ReviewTimetable command(String childId, long expectedVersion, ReviewContext ctx,
            BiFunction<ReviewTimetable, ReviewContext, ReviewTransition> rule) {
        return command(childId, expectedVersion, ctx, rule, UnaryOperator.identity());
    }

    /**
     * @param then what the command causes beyond the timetable, done in the same transaction before the
     *             timetable is written (a concern opened), amending the transition
     */
    ReviewTimetable command(String childId, long expectedVersion, ReviewContext ctx,
            BiFunction<ReviewTimetable, ReviewContext, ReviewTransition> rule, UnaryOperator<ReviewTransition> then) {
        return runner.run(childId, expectedVersion, (em, child) -> apply(em, child, then.apply(rule.apply(
                child.toTimetable(), ctx))));
    }

    ReviewTimescales timescales() {
        return timescales;
    }

    // ---------------------------------------------------------------- the deadline runner's part

    /**
     * Fires one due moment of a review timetable in one transaction: tells those who must act and,
     * when the managers' window ends in silence, records the decisions as agreed. Fires nothing when
     * the moment is no longer pending or {@code node} lost its claim.
     *
     * @return what firing did, in words, or {@code null} when nothing fired
     */
    public String fireDeadline(DeadlineEntity.Key key, String node, boolean claimed, Instant now) {
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
                Writes writes = Writes.to(em);
                messages.writeTo(writes, null, child.childId(), "deadline/" + key.kind() + "/" + key.item(), ACTOR,
                        now);
                if (t.changed()) {
                    child.write(t.after(), ACTOR);
                    child.touch(ACTOR, now);
                    em.flush();
                    history(em, child, t);
                    reconcile(writes, em, child.toTimetable(), now);
                }
                writes.run(em);
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
    public int recomputeDueDates(String why, Instant now) {
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
        ReviewTimetable stored = child.toTimetable();
        Writes writes = Writes.to(em);
        effects.writeTo(writes, null, child.childId(), "v" + child.version(), t.actor(), t.at());
        reconcile(writes, em, stored, t.at());
        writes.run(em);
        return stored;
    }

    private void reconcile(Writes writes, EntityManager em, ReviewTimetable t, Instant now) {
        Deadlines.reconcile(writes, t.childId(), t.childId(), Deadlines.stored(em, t.childId()),
                ReviewDueMoments.of(t, calendar), now);
    }

    /** The history's next entry, chained to the one before, with the timetable as it now stands. */
    private static void history(EntityManager em, LookedAfterChildEntity child, ReviewTransition t) {
        List<HistoryEntity> last = em.createQuery("select h from HistoryEntity h where h.childId = :child"
                + " order by h.seq desc", HistoryEntity.class).setParameter("child", child.childId()).setMaxResults(1)
                .getResultList();
        em.persist(new HistoryEntity(child.childId(), last.isEmpty() ? 1 : last.get(0).seq() + 1, t.at(), t.actor(),
                t.command(), t.detail(), Json.write(child.toTimetable()), last.isEmpty() ? null : last.get(0).hash()));
    }

    private static Effects effects(ReviewTransition t) {
        Effects effects = new Effects();
        t.notices().forEach(n -> effects.notify(n.to(), n.subject(), n.body()));
        return effects;
    }

    /**
     * Read locked: the row stays locked until the command commits, so two commands on one timetable run
     * one after the other and the later finds the version moved on before it writes anything.
     */
    @Override
    public LookedAfterChildEntity load(EntityManager em, String childId) {
        return em.find(LookedAfterChildEntity.class, childId, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public long version(LookedAfterChildEntity entity) {
        return entity.version();
    }

    @Override
    public RuntimeException notFound(String childId) {
        return new NotFoundException("child " + childId + " has no review timetable; record when they became looked"
                + " after first");
    }

    @Override
    public ConcurrentChangeException changedMeanwhile(String childId) {
        return new ConcurrentChangeException("the review timetable of child " + childId
                + " was changed by someone else after you read it; read it again and decide afresh");
    }
}
