package uk.starred.impl.concern;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import uk.starred.api.UnknownChildException;
import uk.starred.api.UnknownProcedureException;
import uk.starred.api.audit.AccessedRecords;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.Projection;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.procedure.Procedure;
import uk.starred.core.command.Checks;
import uk.starred.core.concern.CommandContext;
import uk.starred.core.concern.ConcernLifecycle;
import uk.starred.core.concern.FamilyUpdates;
import uk.starred.core.concern.LifecycleCommands;
import uk.starred.core.concern.Projections;
import uk.starred.core.concern.Transition;
import uk.starred.impl.access.Access;
import uk.starred.impl.access.Sightings;
import uk.starred.impl.procedure.ProcedureCatalogue;
import uk.starred.impl.procedure.ProcedureDefinitions;
import uk.starred.impl.schema.StarredSchema;
import uk.starred.impl.store.CommandTimings;

/**
 * The dispute resolution engine's {@link ConcernService} over the {@code starred} persistence unit:
 * identifies the caller and the time, finds the child and the procedure for a concern being raised,
 * and has the {@link ConcernStore} apply the core's {@link ConcernLifecycle} rule for each command.
 *
 * <p>Time comes from the system clock in UTC, unless a {@link Clock} service is registered (end-to-end
 * tests register one they move by hand; production registers none).
 */
@Component(service = ConcernService.class)
public class JpaConcernService extends LifecycleCommands {

    static final int MAX_LIST = 1000;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final WorkingCalendar calendar;
    private final ProcedureCatalogue catalogue;
    private final ConcernStore store;
    private final ProcedureDefinitions definitions;
    private final Sightings sightings = new Sightings();

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
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff, children), children, calendar, catalogue,
                new ConcernStore(jpa, new Access(caller, staff, children), calendar));
    }

    public JpaConcernService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children,
            WorkingCalendar calendar, ProcedureCatalogue catalogue, ConcernStore store) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(Objects.requireNonNull(jpa, "jpa"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.access = access;
        this.children = children;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.store = store;
        this.definitions = store.definitions();
    }

    // ---------------------------------------------------------------- raise

    @Override
    public Concern raise(RaiseConcern command) {
        return CommandTimings.time("raise", () -> raising(command));
    }

    private Concern raising(RaiseConcern command) {
        String actor = access.caller();
        Instant now = now();
        ConcernLifecycle.checkRaise(command, java.time.LocalDate.ofInstant(now, calendar.zone()));
        ChildRecord child = children.child(command.childId())
                .orElseThrow(() -> new UnknownChildException("the host has no child record '" + command.childId() + "'"));
        Procedure procedure = procedureFor(command, child);
        Transition raised = ConcernLifecycle.raise(command, ConcernId.random(), child, store.context(actor, now,
                procedure, child.id()));
        return store.raised(raised, procedure, child.cohorts());
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
        return seen(id, (concern, procedure) -> Optional.of(concern));
    }

    @Override
    public Optional<Projection> projection(ConcernId id) {
        return seen(id, (concern, procedure) -> Projections.of(concern, procedure, calendar));
    }

    @Override
    public Optional<String> familyUpdate(ConcernId id) {
        Instant now = now();
        return seen(id, (concern, procedure) -> FamilyUpdates.draft(concern,
                store.context(access.caller(), now, procedure, concern.childId())));
    }

    /**
     * Reads the concern for the caller, who must hold a role in its procedure for the child (or have
     * oversight), and answers from it and the definition it runs under.
     */
    private <T> Optional<T> seen(ConcernId id, BiFunction<Concern, Procedure, Optional<T>> answer) {
        Objects.requireNonNull(id, "id");
        String actor = access.caller();
        return jpa.txExpr(TransactionType.Required, em -> {
            ConcernEntity entity = em.find(ConcernEntity.class, id.toString());
            if (entity == null) {
                return Optional.<T>empty();
            }
            Procedure procedure = definitions.stored(em, entity.procedure());
            access.requireAnyRole(actor, entity.childId(), procedure, "see this concern");
            sightings.saw(em, actor, entity.childId(), AccessedRecords.CONCERN, now());
            return answer.apply(entity.toConcern(), procedure);
        });
    }

    @Override
    public List<Concern> concernsForChild(String childId) {
        if (childId == null || childId.isBlank()) {
            Checks.single("List concerns for child", "childId", "is required");
        }
        String actor = access.caller();
        boolean oversight = access.hasOversight(actor);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Concern> seen = em
                    .createQuery("select c from ConcernEntity c where c.childId = :child order by c.raisedAt desc, c.id",
                            ConcernEntity.class)
                    .setParameter("child", childId).setMaxResults(MAX_LIST).getResultList().stream()
                    .filter(c -> oversight || !access.procedureRoles(actor, childId,
                            definitions.stored(em, c.procedure())).isEmpty())
                    .map(ConcernEntity::toConcern).toList();
            if (!seen.isEmpty()) {
                sightings.saw(em, actor, childId, AccessedRecords.CONCERNS, now());
            }
            return seen;
        });
    }

    // ---------------------------------------------------------------- commands

    @Override
    protected Concern apply(String command, ConcernId id, long expectedVersion, boolean cafcassDecision,
            BiFunction<Concern, CommandContext, Transition> rule) {
        return CommandTimings.time(command, () -> {
            Objects.requireNonNull(id, "id");
            return store.command(access.caller(), now(), id, expectedVersion, cafcassDecision, rule);
        });
    }

    /** Now, to the microsecond: the precision both H2 and PostgreSQL keep, so what is returned is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
