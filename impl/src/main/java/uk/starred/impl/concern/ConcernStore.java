package uk.starred.impl.concern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

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
import uk.starred.api.review.Review;
import uk.starred.core.concern.CommandContext;
import uk.starred.core.concern.ConcernLifecycle;
import uk.starred.core.concern.Openings;
import uk.starred.core.concern.Transition;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.DueMoments;
import uk.starred.impl.access.Access;
import uk.starred.impl.audit.AuditEntryEntity;
import uk.starred.impl.audit.AuditLog;
import uk.starred.impl.deadline.DeadlineEntity;
import uk.starred.impl.deadline.Deadlines;
import uk.starred.impl.outbox.Effects;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.store.CommandRunner;
import uk.starred.impl.store.Writes;

/**
 * Concerns as stored: loads a concern with the procedure definition it is pinned to, applies one of
 * the core's {@link ConcernLifecycle} rules, and writes the transition (the concern, its audit entry,
 * the oversight counts, its due moments, case notes and notifications) in one transaction. The
 * concern service, the deadline runner and a calendar change all go through it.
 */
public final class ConcernStore implements CommandRunner.Aggregate<ConcernRows.Loaded> {

    /** Who acts when a deadline fires, in the audit trail and on what it writes. */
    public static final String DEADLINE_ACTOR = ConcernLifecycle.DEADLINE_ACTOR;

    private final JpaTemplate jpa;
    private final Access access;
    private final WorkingCalendar calendar;
    private final ProcedureDefinitions definitions;
    private final OversightCounts counts;
    private final CommandRunner<ConcernRows.Loaded> runner;

    public ConcernStore(JpaTemplate jpa, Access access, WorkingCalendar calendar) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
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

    /**
     * Opens the concern that a review's disputed decisions open under the procedure, if it says so, in the
     * caller's transaction: the disagreement and the concern are stored together, or neither is.
     *
     * @param actor the manager who disagreed
     * @return the concern opened, or why none was
     */
    public Openings.Opened openOnReviewDispute(String actor, Instant now, Procedure procedure, Set<Cohort> cohorts,
            String childId, Review review, String reasons, String iroRole) {
        Openings.Opened opened = Openings.reviewDecisionsDisputed(ConcernId.random(), childId, review, reasons,
                iroRole, context(actor, now, procedure, childId));
        if (opened.transition() != null) {
            raised(opened.transition(), procedure, cohorts);
        }
        return opened;
    }

    /** Makes sure the procedure's definition is stored, before a transaction that may open a concern under it. */
    public void ensureStored(Procedure procedure, Instant now) {
        definitions.ensureStored(procedure, now);
    }

    /** Stores a concern just raised, with the definition of its procedure when it is the first under it. */
    Concern raised(Transition raised, Procedure procedure, Set<Cohort> cohorts) {
        definitions.ensureStored(procedure, raised.at());
        return jpa.txExpr(TransactionType.Required, em -> {
            Concern after = raised.after();
            Writes writes = Writes.to(em);
            AuditEntryEntity entry = AuditLog.entry(raised.command(), raised.actor(), raised.at(), null, after, null);
            ConcernRows.inserted(writes, after, cohorts, entry.hash());
            follow(em, writes, raised, entry, cohorts, List.of(), effects(raised));
            writes.run(em);
            return after;
        });
    }

    /**
     * Runs one command on the concern, at the version the caller read.
     *
     * @param cafcassDecision whether the command records CAFCASS's decision, which may come after the
     *                        council's process has ended
     */
    Concern command(String actor, Instant now, ConcernId id, long expectedVersion, boolean cafcassDecision,
            BiFunction<Concern, CommandContext, Transition> rule) {
        return runner.run(id.toString(), expectedVersion, (em, loaded) -> {
            Concern before = loaded.concern();
            Procedure procedure = definitions.stored(em, before.procedure());
            if (!ConcernLifecycle.mayChange(before, cafcassDecision)) {
                // someone with no part in the child's procedure learns nothing, not even that it ended
                access.requireAnyRole(actor, before.childId(), procedure, "see this concern");
            }
            Transition t = rule.apply(before, context(actor, now, procedure, before.childId()));
            return write(em, loaded, t, effects(t));
        });
    }

    CommandContext context(String actor, Instant now, Procedure procedure, String childId) {
        return new CommandContext(actor, now, procedure, access.people(childId), calendar);
    }

    /**
     * Stores a transition that changed the concern, in one round trip on PostgreSQL: the concern moved
     * on one version (only if no one else moved it since it was read), its stages and actions, its
     * audit entry, what it changed in the oversight figures, its due moments, case notes and
     * notifications.
     *
     * @param effects the transition's notes and notices, with any event that must come before the change's
     */
    private Concern write(EntityManager em, ConcernRows.Loaded loaded, Transition t, Effects effects) {
        return write(em, loaded, t, effects, also -> {
        });
    }

    /** @param also what else the change writes, after the concern's own rows (a due moment marked fired) */
    private Concern write(EntityManager em, ConcernRows.Loaded loaded, Transition t, Effects effects,
            Consumer<Writes> also) {
        Concern before = t.before();
        Concern after = t.after();
        Writes writes = Writes.to(em);
        AuditEntryEntity entry = AuditLog.entry(t.command(), t.actor(), t.at(), before, after, loaded.auditHead());
        ConcernRows.updated(writes, before, after, entry.hash());
        follow(em, writes, t, entry, loaded.cohorts(), loaded.moments(), effects);
        also.accept(writes);
        if (writes.run(em) != 1) {
            throw changedMeanwhile(after.id().toString());
        }
        return after;
    }

    /** What follows the concern's own rows in every change: its audit entry, counts, due moments and outbox rows. */
    private void follow(EntityManager em, Writes writes, Transition t, AuditEntryEntity entry, Set<Cohort> cohorts,
            List<Deadlines.Stored> moments, Effects effects) {
        Concern after = t.after();
        String id = after.id().toString();
        entry.writeTo(writes);
        counts.record(em, writes, t.before(), after, cohorts);
        Deadlines.reconcile(writes, id, after.childId(), moments, t.dueMoments(calendar), t.at());
        effects.event(AlertEvents.CONCERN_CHANGED, t.command());
        effects.writeTo(writes, id, after.childId(), after.version() + 1, t.actor(), t.at());
    }

    private static Effects effects(Transition t) {
        Effects effects = new Effects();
        t.notes().forEach(n -> effects.caseNote(n.type(), n.text()));
        t.notices().forEach(n -> effects.notify(n.to(), n.subject(), n.body()));
        t.episodes().forEach(e -> effects.episode(e.type(), e.closing(), e.text()));
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
    public String fireDeadline(DeadlineEntity.Key key, String node, boolean claimed, boolean locked, Instant now) {
        return jpa.txExpr(TransactionType.Required, em -> {
            DeadlineEntity deadline = em.find(DeadlineEntity.class, key);
            if (deadline == null || deadline.state() != DeadlineState.PENDING
                    || (claimed && !node.equals(deadline.claimedBy()))) {
                return null;
            }
            if (!locked) {
                // a command on the concern waits until the moment has fired, and the moment for the command;
                // the moment is read again under the lock, so one fired meanwhile is not fired twice
                lock(em, key.concernId());
                em.refresh(deadline);
                if (deadline.state() != DeadlineState.PENDING || (claimed && !node.equals(deadline.claimedBy()))) {
                    return null;
                }
            }
            ConcernRows.Loaded loaded = ConcernRows.read(em, key.concernId());
            if (loaded == null) {
                return null;
            }
            Concern before = loaded.concern();
            DueKey due = new DueKey(key.kind(), key.item());
            Procedure procedure = definitions.stored(em, before.procedure());
            Optional<Transition> fired = ConcernLifecycle.fire(before, due,
                    context(DEADLINE_ACTOR, now, procedure, before.childId()));
            // the moment is marked fired among the firing's own writes, not through its entity: one round trip
            Writes writes = Writes.to(em);
            if (fired.isEmpty()) {
                Map<DueKey, Instant> wanted = DueMoments.of(before, calendar);
                List<Deadlines.Stored> moments = loaded.moments();
                if (wanted.containsKey(due)) {
                    Deadlines.fired(writes, key, now, node, "nothing outstanding", null);
                    moments = firedIn(moments, due, null);
                }
                Deadlines.reconcile(writes, key.concernId(), before.childId(), moments, wanted, now);
                writes.run(em);
                return null;
            }
            Transition t = fired.get();
            Effects effects = effects(t);
            effects.event(AlertEvents.DEADLINE_TOPIC_PREFIX + key.kind(), t.outcome());
            if (t.changed()) {
                // the procedure's rule dealt with the missed deadline (agreement deemed, stage moved on)
                write(em, new ConcernRows.Loaded(before, loaded.auditHead(), loaded.cohorts(),
                        firedIn(loaded.moments(), due, now)), t, effects,
                        also -> Deadlines.fired(also, key, now, node, t.outcome(), now));
            } else {
                Deadlines.fired(writes, key, now, node, t.outcome(), null);
                effects.writeTo(writes, key.concernId(), before.childId(),
                        // the moment's own due time too: a stage given more time falls due again, and tells again
                        "deadline/" + key.kind() + "/" + key.item() + "/" + deadline.dueAt().toEpochMilli(),
                        DEADLINE_ACTOR, now);
                writes.run(em);
            }
            return t.outcome();
        });
    }

    /** @return the moments as read, the one firing now as it is once fired (and, when given, settled) */
    private static List<Deadlines.Stored> firedIn(List<Deadlines.Stored> moments, DueKey fired, Instant settled) {
        List<Deadlines.Stored> now = new ArrayList<>();
        for (Deadlines.Stored m : moments) {
            boolean firing = m.kind() == fired.kind() && m.item() == fired.item();
            now.add(firing ? new Deadlines.Stored(m.kind(), m.item(), DeadlineState.FIRED, m.dueAt(), settled) : m);
        }
        return now;
    }

    private static void lock(EntityManager em, String concernId) {
        em.createQuery("select c.id from ConcernEntity c where c.id = :id").setParameter("id", concernId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * Locks at once, in the transaction that is about to fire them, the concerns of the due moments,
     * in the order of their ids so that two nodes firing together cannot wait on each other, and reads
     * the moments themselves, so that each firing finds them already read.
     */
    public void readForFiring(EntityManager em, Collection<DeadlineEntity.Key> keys) {
        List<String> ids = keys.stream().filter(k -> !k.kind().ofReviewTimetable()).map(DeadlineEntity.Key::concernId)
                .distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery("select c.id from ConcernEntity c where c.id in :ids order by c.id")
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
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
                lock(em, id);
                ConcernRows.Loaded loaded = ConcernRows.read(em, id);
                if (loaded == null) {
                    return false;
                }
                Concern before = loaded.concern();
                Procedure procedure = definitions.stored(em, before.procedure());
                Optional<Transition> t = ConcernLifecycle.recomputeDueMoments(before, why,
                        context(DEADLINE_ACTOR, now, procedure, before.childId()));
                t.ifPresent(transition -> write(em, loaded, transition, effects(transition)));
                return t.isPresent();
            });
            if (changed) {
                moved++;
            }
        }
        return moved;
    }

    /** Read without a lock: the concern's versioned update, the first of its writes, finds any change made since. */
    @Override
    public ConcernRows.Loaded load(EntityManager em, String id) {
        return ConcernRows.read(em, id);
    }

    @Override
    public long version(ConcernRows.Loaded loaded) {
        return loaded.concern().version();
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
