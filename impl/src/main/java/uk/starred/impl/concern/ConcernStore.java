package uk.starred.impl.concern;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.NotFoundException;
import uk.starred.api.alert.AlertEvents;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageState;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.core.concern.CommandContext;
import uk.starred.core.concern.ConcernLifecycle;
import uk.starred.core.concern.Transition;
import uk.starred.core.deadline.DueKey;
import uk.starred.impl.access.Access;
import uk.starred.impl.audit.AuditEntryEntity;
import uk.starred.impl.audit.AuditLog;
import uk.starred.impl.deadline.DeadlineEntity;
import uk.starred.impl.deadline.Deadlines;
import uk.starred.impl.outbox.Effects;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.store.CommandRunner;

/**
 * Concerns as stored: loads a concern with the procedure definition it is pinned to, applies one of
 * the core's {@link ConcernLifecycle} rules, and writes the transition (the concern, its audit entry,
 * the oversight counts, its due moments, case notes and notifications) in one transaction. The
 * concern service, the deadline runner and a calendar change all go through it.
 */
public final class ConcernStore implements CommandRunner.Aggregate<ConcernEntity> {

    /** Who acts when a deadline fires, in the audit trail and on what it writes. */
    public static final String DEADLINE_ACTOR = ConcernLifecycle.DEADLINE_ACTOR;

    private final JpaTemplate jpa;
    private final Access access;
    private final WorkingCalendar calendar;
    private final ProcedureDefinitions definitions;
    private final OversightCounts counts;
    private final CommandRunner<ConcernEntity> runner;

    public ConcernStore(JpaTemplate jpa, Access access, WorkingCalendar calendar) {
        this.jpa = jpa;
        this.access = access;
        this.calendar = calendar;
        this.definitions = new ProcedureDefinitions(jpa);
        this.counts = new OversightCounts(calendar);
        this.runner = new CommandRunner<>(jpa, this);
    }

    /** A concern as stored, with the definition of the procedure it is pinned to. */
    public record Stored(Concern concern, Procedure procedure) {
    }

    /**
     * The child's concerns that can have an alert: open ones, resolved ones with an agreed action not
     * done, and those awaiting CAFCASS's decision; a child's ended history is not read.
     */
    public List<Stored> mayHaveAlerts(EntityManager em, String childId) {
        return em.createQuery("select c from ConcernEntity c where c.childId = :child"
                + " and (c.status = :open or c.status = :resolved and exists (select x.id from ConcernEntity x"
                + " join x.agreedActions a where x = c and a.completedAt is null)"
                + " or (c.status = :open or c.status = :resolved or c.status = :referred)"
                + " and c.cafcassReferredAt is not null and c.cafcassDecision is null)", ConcernEntity.class)
                .setParameter("child", childId).setParameter("open", ConcernStatus.OPEN)
                .setParameter("resolved", ConcernStatus.RESOLVED)
                .setParameter("referred", ConcernStatus.REFERRED_TO_CAFCASS).getResultList().stream()
                .map(c -> new Stored(c.toConcern(), definitions.stored(em, c.procedure()))).toList();
    }

    ProcedureDefinitions definitions() {
        return definitions;
    }

    /** Stores a concern just raised, with the definition of its procedure when it is the first under it. */
    Concern raised(Transition raised, Procedure procedure, Set<Cohort> cohorts) {
        definitions.ensureStored(procedure, raised.at());
        return jpa.txExpr(TransactionType.Required, em -> write(em, ConcernEntity.raised(raised.after(), cohorts),
                raised));
    }

    /**
     * Runs one command on the concern, at the version the caller read.
     *
     * @param cafcassDecision whether the command records CAFCASS's decision, which may come after the
     *                        council's process has ended
     */
    Concern command(String actor, Instant now, ConcernId id, long expectedVersion, boolean cafcassDecision,
            BiFunction<Concern, CommandContext, Transition> rule) {
        return runner.run(id.toString(), expectedVersion, (em, entity) -> {
            Procedure procedure = definitions.stored(em, entity.procedure());
            Concern before = entity.toConcern();
            if (!ConcernLifecycle.mayChange(before, cafcassDecision)) {
                // someone with no part in the child's procedure learns nothing, not even that it ended
                access.requireAnyRole(actor, entity.childId(), procedure, "see this concern");
            }
            return write(em, entity, rule.apply(before, context(actor, now, procedure, entity.childId())));
        });
    }

    CommandContext context(String actor, Instant now, Procedure procedure, String childId) {
        return new CommandContext(actor, now, procedure, access.people(childId), calendar);
    }

    /**
     * Stores a transition that changed the concern: the concern moved on one version, its audit entry,
     * what it changed in the oversight figures, its due moments, case notes and notifications; all
     * written to the database together, in one flush at the end.
     */
    private Concern write(EntityManager em, ConcernEntity entity, Transition t) {
        return write(em, entity, t, effects(t));
    }

    /** @param effects the transition's notes and notices, with any event that must come before the change's */
    private Concern write(EntityManager em, ConcernEntity entity, Transition t, Effects effects) {
        Concern before = t.before();
        if (before != null) {
            entity.write(t.after());
            entity.touch();
        }
        // the concern as stored: what the audit entry records must be what a later read gives back
        Concern after = entity.toConcern(t.after().version());
        AuditEntryEntity entry = AuditLog.entry(t.command(), t.actor(), t.at(), before, after, entity.auditHead());
        entity.auditHead(entry.hash());
        if (before == null) {
            // a concern being raised is stored whole, the head of its trail included, in one insert
            em.persist(entity);
        }
        em.persist(entry);
        counts.record(em, before, after, entity.childCohorts());
        Deadlines.reconcile(em, after, before == null, calendar, t.at());
        effects.event(AlertEvents.CONCERN_CHANGED, t.command());
        effects.writeTo(em, after.id().toString(), after.childId(), after.version() + 1, t.actor(), t.at());
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(entity.id().toString());
        }
        if (entity.version() != after.version()) {
            throw new IllegalStateException("concern " + after.id() + " was written as version " + entity.version()
                    + " where its audit entry records version " + after.version());
        }
        return after;
    }

    private static Effects effects(Transition t) {
        Effects effects = new Effects();
        t.notes().forEach(n -> effects.caseNote(n.type(), n.text()));
        t.notices().forEach(n -> effects.notify(n.to(), n.subject(), n.body()));
        return effects;
    }

    // ---------------------------------------------------------------- deadlines

    /**
     * Fires one due moment, in one transaction with everything it causes: the procedure's rule for a
     * missed deadline, the notifications, the audit entry when the concern changes, and the moment
     * marked fired. Fires nothing when the moment is no longer pending, or when {@code node} claimed
     * it and has since lost the claim to another node; marks it fired with nothing outstanding when
     * what it waited for has happened.
     *
     * @param claimed whether {@code node} must hold the claim (an operator's re-run need not)
     * @return what firing did, in words, or {@code null} when nothing fired
     */
    public String fireDeadline(DeadlineEntity.Key key, String node, boolean claimed, Instant now) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ConcernEntity entity = em.find(ConcernEntity.class, key.concernId(), LockModeType.PESSIMISTIC_WRITE);
            DeadlineEntity deadline = em.find(DeadlineEntity.class, key);
            if (entity == null || deadline == null || deadline.state() != DeadlineState.PENDING
                    || (claimed && !node.equals(deadline.claimedBy()))) {
                return null;
            }
            Procedure procedure = definitions.stored(em, entity.procedure());
            Concern before = entity.toConcern();
            Optional<Transition> fired = ConcernLifecycle.fire(before, new DueKey(key.kind(), key.item()),
                    context(DEADLINE_ACTOR, now, procedure, entity.childId()));
            if (fired.isEmpty()) {
                Deadlines.reconcile(em, before, false, calendar, now);
                if (deadline.state() == DeadlineState.PENDING) {
                    deadline.fired(now, node, "nothing outstanding");
                }
                return null;
            }
            Transition t = fired.get();
            deadline.fired(now, node, t.outcome());
            Effects effects = effects(t);
            effects.event(AlertEvents.DEADLINE_TOPIC_PREFIX + key.kind(), t.outcome());
            if (t.changed()) {
                // the procedure's rule dealt with the missed deadline (agreement deemed, stage moved on)
                deadline.settle(now);
                write(em, entity, t, effects);
            } else {
                effects.writeTo(em, key.concernId(), entity.childId(), "deadline/" + key.kind() + "/" + key.item(),
                        DEADLINE_ACTOR, now);
            }
            // written when the transaction commits: with others fired in it, in one batch
            return t.outcome();
        });
    }

    /**
     * Reads and locks at once, in the transaction that is about to fire them, the concerns of the due
     * moments and the moments themselves, so that each firing finds them already read rather than
     * asking the database three times.
     */
    public void readForFiring(EntityManager em, Collection<DeadlineEntity.Key> keys) {
        List<String> ids = keys.stream().filter(k -> !k.kind().ofReviewTimetable()).map(DeadlineEntity.Key::concernId)
                .distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery("select c from ConcernEntity c where c.id in :ids order by c.id", ConcernEntity.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        em.createQuery("select distinct c from ConcernEntity c left join fetch c.stages where c.id in :ids",
                ConcernEntity.class).setParameter("ids", ids).getResultList();
        em.createQuery("select d from DeadlineEntity d where d.concernId in :ids", DeadlineEntity.class)
                .setParameter("ids", ids).getResultList();
    }

    /**
     * After the working calendar changed (a bank holiday or closure day added or cancelled): moves
     * the due moments of open concerns that are not yet reached to where the calendar now puts them,
     * from the moment each clock started. Each concern moved gets an audit entry and its IRO is told;
     * moments already passed stay as they were.
     *
     * @param why what changed, for the record
     * @return how many concerns had a due moment moved
     */
    public int recomputeDueMoments(String why, Instant now) {
        List<String> ids = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select distinct c.id from ConcernEntity c join c.stages s where c.status = :open"
                        + " and ((s.state = :active and s.dueAt > :now) or c.formalDueAt > :now)", String.class)
                .setParameter("open", ConcernStatus.OPEN).setParameter("active", StageState.ACTIVE)
                .setParameter("now", now).getResultList());
        int moved = 0;
        for (String id : ids) {
            boolean changed = jpa.txExpr(TransactionType.Required, em -> {
                ConcernEntity entity = em.find(ConcernEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (entity == null) {
                    return false;
                }
                Procedure procedure = definitions.stored(em, entity.procedure());
                Optional<Transition> t = ConcernLifecycle.recomputeDueMoments(entity.toConcern(), why,
                        context(DEADLINE_ACTOR, now, procedure, entity.childId()));
                t.ifPresent(transition -> write(em, entity, transition));
                return t.isPresent();
            });
            if (changed) {
                moved++;
            }
        }
        return moved;
    }

    @Override
    public Class<ConcernEntity> type() {
        return ConcernEntity.class;
    }

    @Override
    public long version(ConcernEntity entity) {
        return entity.version();
    }

    @Override
    public RuntimeException notFound(String id) {
        return new NotFoundException("no concern with id " + id);
    }

    @Override
    public ConcurrentChangeException changedMeanwhile(String id) {
        return new ConcurrentChangeException("concern " + id
                + " was changed by someone else after you read it; read it again and decide afresh");
    }
}
