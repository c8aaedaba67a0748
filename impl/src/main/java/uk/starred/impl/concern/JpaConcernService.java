package uk.starred.impl.concern;

import uk.starred.core.command.Checks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.LockTimeoutException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.PessimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.NotFoundException;
import uk.starred.api.UnknownChildException;
import uk.starred.api.UnknownProcedureException;
import uk.starred.api.alert.AlertEvents;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageState;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.procedure.Procedure;
import uk.starred.core.command.Checks;
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
import uk.starred.impl.procedure.ProcedureCatalogue;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.schema.StarredSchema;

/**
 * The dispute resolution engine over the {@code starred} persistence unit: the store around the
 * core's {@link ConcernLifecycle}. Every command follows the same path: identify the caller, load the
 * concern at the version the caller read with the procedure definition it is pinned to, apply the
 * core's rule, and write the transition (the concern, its audit entry, the oversight counts, its due
 * moments, case notes and notifications) in one transaction.
 *
 * <p>Time comes from the system clock in UTC, unless a {@link Clock} service is registered (end-to-end
 * tests register one they move by hand; production registers none).
 */
@Component(service = {ConcernService.class, JpaConcernService.class})
public class JpaConcernService implements ConcernService {

    static final int MAX_LIST = 1000;

    /** Who acts when a deadline fires, in the audit trail and on what it writes. */
    public static final String DEADLINE_ACTOR = ConcernLifecycle.DEADLINE_ACTOR;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final WorkingCalendar calendar;
    private final ProcedureCatalogue catalogue;
    private final ProcedureDefinitions definitions;
    private final OversightCounts counts;

    @Activate
    public JpaConcernService(
            @Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema,
            @Reference CallerContext caller,
            @Reference StaffDirectory staff,
            @Reference ChildRecords children,
            @Reference WorkingCalendar calendar,
            @Reference ProcedureCatalogue catalogue,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff), children, calendar, catalogue);
    }

    public JpaConcernService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children,
            WorkingCalendar calendar, ProcedureCatalogue catalogue) {
        this.jpa = Objects.requireNonNull(jpa, "jpa");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.access = access;
        this.children = children;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.definitions = new ProcedureDefinitions(jpa);
        this.counts = new OversightCounts(calendar);
    }

    // ---------------------------------------------------------------- raise

    @Override
    public Concern raise(RaiseConcern command) {
        String actor = access.caller();
        Instant now = now();
        ConcernLifecycle.checkRaise(command, java.time.LocalDate.ofInstant(now, calendar.zone()));
        ChildRecord child = children.child(command.childId())
                .orElseThrow(() -> new UnknownChildException("the host has no child record '" + command.childId() + "'"));
        Procedure procedure = procedureFor(command, child);
        Transition raised = ConcernLifecycle.raise(command, ConcernId.random(), child, context(actor, now, procedure,
                child.id()));
        definitions.ensureStored(procedure, now);
        return jpa.txExpr(TransactionType.Required, em -> {
            ConcernEntity entity = ConcernEntity.raised(raised.after(), child.cohorts());
            return write(em, entity, raised);
        });
    }

    /** The procedure named, or else the one selected for the child's legal status. */
    private Procedure procedureFor(RaiseConcern command, ChildRecord child) {
        if (command.procedure() != null) {
            return catalogue.installed(command.procedure())
                    .orElseThrow(() -> new UnknownProcedureException("no procedure " + command.procedure()
                            + " is installed; installed: " + catalogue.installed().stream().map(p -> p.ref().toString())
                                    .toList()));
        }
        StringBuilder whyNot = new StringBuilder();
        return catalogue.selectedFor(child.cohorts(), whyNot)
                .orElseThrow(() -> new UnknownProcedureException("no procedure was named for child " + child.id()
                        + " and " + whyNot));
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Concern> find(ConcernId id) {
        Objects.requireNonNull(id, "id");
        String actor = access.caller();
        return jpa.txExpr(TransactionType.Required, em -> {
            ConcernEntity entity = em.find(ConcernEntity.class, id.toString());
            if (entity == null) {
                return Optional.empty();
            }
            Procedure procedure = definitions.stored(em, entity.procedure());
            access.requireAnyRole(actor, entity.childId(), procedure, "see this concern");
            return Optional.of(entity.toConcern());
        });
    }

    @Override
    public List<Concern> concernsForChild(String childId) {
        if (childId == null || childId.isBlank()) {
            Checks.single("List concerns for child", "childId", "is required");
        }
        String actor = access.caller();
        boolean oversight = access.hasOversight(actor);
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("select c from ConcernEntity c where c.childId = :child order by c.raisedAt desc, c.id",
                        ConcernEntity.class)
                .setParameter("child", childId).setMaxResults(MAX_LIST).getResultList().stream()
                .filter(c -> oversight || !access.procedureRoles(actor, childId,
                        definitions.stored(em, c.procedure())).isEmpty())
                .map(ConcernEntity::toConcern).toList());
    }

    // ---------------------------------------------------------------- commands

    @Override
    public Concern respond(ConcernId id, long expectedVersion, ResponseKind kind, String reasons,
            List<NewAgreedAction> agreedActions) {
        return command(id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.respond(c, ctx, kind, reasons, agreedActions));
    }

    @Override
    public Concern recordAction(ConcernId id, long expectedVersion, String actionId, String note) {
        return command(id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.recordAction(c, ctx, actionId, note));
    }

    @Override
    public Concern completeAgreedAction(ConcernId id, long expectedVersion, int number, String note) {
        return command(id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.completeAgreedAction(c, ctx, number, note));
    }

    @Override
    public Concern recordCommunication(ConcernId id, long expectedVersion, String withWhom, String channel,
            String summary) {
        return command(id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.recordCommunication(c, ctx, withWhom, channel, summary));
    }

    @Override
    public Concern escalate(ConcernId id, long expectedVersion, String toStageId, String note) {
        return command(id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.escalate(c, ctx, toStageId, note));
    }

    @Override
    public Concern bypass(ConcernId id, long expectedVersion, String toStageId, String reason) {
        return command(id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.bypass(c, ctx, toStageId, reason));
    }

    @Override
    public Concern considerCafcassReferral(ConcernId id, long expectedVersion, String reason) {
        return command(id, expectedVersion, false,
                (c, ctx) -> ConcernLifecycle.considerCafcassReferral(c, ctx, reason));
    }

    @Override
    public Concern referToCafcass(ConcernId id, long expectedVersion, ReferralMode mode, String reason) {
        return command(id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.referToCafcass(c, ctx, mode, reason));
    }

    @Override
    public Concern recordCafcassDecision(ConcernId id, long expectedVersion, CafcassDecision decision, String notes) {
        return command(id, expectedVersion, true,
                (c, ctx) -> ConcernLifecycle.recordCafcassDecision(c, ctx, decision, notes));
    }

    @Override
    public Concern resolve(ConcernId id, long expectedVersion, String how) {
        return command(id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.resolve(c, ctx, how));
    }

    @Override
    public Concern withdraw(ConcernId id, long expectedVersion, String reason) {
        return command(id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.withdraw(c, ctx, reason));
    }

    @Override
    public Concern close(ConcernId id, long expectedVersion, String reason) {
        return command(id, expectedVersion, false, (c, ctx) -> ConcernLifecycle.close(c, ctx, reason));
    }

    /**
     * Runs one command: loads the concern locked, at the version the caller read, applies the core's
     * rule to it and writes the transition.
     *
     * @param cafcassDecision whether the command records CAFCASS's decision, which may come after the
     *                        council's process has ended
     */
    private Concern command(ConcernId id, long expectedVersion, boolean cafcassDecision,
            BiFunction<Concern, CommandContext, Transition> rule) {
        Objects.requireNonNull(id, "id");
        String actor = access.caller();
        Instant now = now();
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                // The row stays locked until the command commits, so two commands on one concern run one
                // after the other and the later finds the version moved on before it writes anything. The
                // version check at flush alone comes too late: two racing commands that each add a stage
                // collide first on the new stage's key.
                ConcernEntity entity = em.find(ConcernEntity.class, id.toString(), LockModeType.PESSIMISTIC_WRITE);
                if (entity == null) {
                    throw new NotFoundException("no concern with id " + id);
                }
                if (entity.version() != expectedVersion) {
                    throw changedMeanwhile(id);
                }
                Procedure procedure = definitions.stored(em, entity.procedure());
                Concern before = entity.toConcern();
                if (!ConcernLifecycle.mayChange(before, cafcassDecision)) {
                    // someone with no part in the child's procedure learns nothing, not even that it ended
                    access.requireAnyRole(actor, entity.childId(), procedure, "see this concern");
                }
                return write(em, entity, rule.apply(before, context(actor, now, procedure, entity.childId())));
            });
        } catch (OptimisticLockException | PessimisticLockException | LockTimeoutException e) {
            throw changedMeanwhile(id);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException || e.getCause() instanceof PessimisticLockException
                    || e.getCause() instanceof LockTimeoutException) {
                throw changedMeanwhile(id);
            }
            throw e;
        }
    }

    private CommandContext context(String actor, Instant now, Procedure procedure, String childId) {
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
            throw changedMeanwhile(entity.id());
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
    public String fireDeadline(DeadlineEntity.Key key, String node, boolean claimed) {
        Instant now = now();
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
    public void readForFiring(EntityManager em, java.util.Collection<DeadlineEntity.Key> keys) {
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
    public int recomputeDueMoments(String why) {
        Instant now = now();
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

    /** Now, to the microsecond: the precision both H2 and PostgreSQL keep, so what is returned is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ConcurrentChangeException changedMeanwhile(ConcernId id) {
        return new ConcurrentChangeException("concern " + id
                + " was changed by someone else after you read it; read it again and decide afresh");
    }
}
