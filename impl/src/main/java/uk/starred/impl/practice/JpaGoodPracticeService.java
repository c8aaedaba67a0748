package uk.starred.impl.practice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import uk.starred.api.UnknownChildException;
import uk.starred.api.audit.AccessedRecords;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.Notification;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;
import uk.starred.api.practice.GoodPractice;
import uk.starred.api.practice.GoodPracticeService;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureLibrary;
import uk.starred.core.command.Checks;
import uk.starred.core.practice.GoodPracticeRules;
import uk.starred.core.wording.GoodPracticeWords;
import uk.starred.impl.access.Access;
import uk.starred.impl.access.Sightings;
import uk.starred.impl.outbox.Outbox;
import uk.starred.impl.schema.StarredSchema;
import uk.starred.impl.store.Writes;

/**
 * Good practice alerts over the {@code starred} persistence unit: the core's {@link GoodPracticeRules}
 * decide who may recognise whom; the record and the notice to the person are written in one transaction.
 */
@Component(service = GoodPracticeService.class)
public class JpaGoodPracticeService implements GoodPracticeService {

    static final int MAX_LIST = 10_000;

    private final JpaTemplate jpa;
    private final Sightings sightings = new Sightings();
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final StaffDirectory staff;
    private final ProcedureLibrary procedures;
    private final WorkingCalendar calendar;

    @Activate
    public JpaGoodPracticeService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            @Reference ProcedureLibrary procedures,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff, children), children, staff,
                procedures, calendar);
    }

    public JpaGoodPracticeService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children,
            StaffDirectory staff, ProcedureLibrary procedures, WorkingCalendar calendar) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(Objects.requireNonNull(jpa, "jpa"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.access = access;
        this.children = children;
        this.staff = staff;
        this.procedures = procedures;
        this.calendar = calendar;
    }

    @Override
    public GoodPractice recognise(String childId, String staffId, String practice) {
        GoodPracticeRules.checkFields(childId, staffId, practice);
        String actor = access.caller();
        ChildRecord child = child(childId);
        List<Procedure> serving = procedures.installedFor(child.cohorts());
        GoodPracticeRules.requireRecogniser(actor, access.roles(actor, childId), serving, childId);
        StaffMember member = staff.member(staffId).orElse(null);
        GoodPracticeRules.requireRecognisable(actor, staffId, member, access.roles(staffId, childId), serving, childId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        GoodPractice recognised = new GoodPractice(UUID.randomUUID().toString(), childId, staffId,
                GoodPracticeRules.team(member, child), practice, actor, now);
        String recogniser = access.people(childId).nameOf(actor);
        return jpa.txExpr(TransactionType.Required, em -> {
            Writes writes = Writes.to(em);
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("id", recognised.id());
            row.put("child_id", childId);
            row.put("staff_id", staffId);
            row.put("team", Writes.maybe(recognised.team(), String.class));
            row.put("practice", practice);
            row.put("recognised_by", actor);
            row.put("recognised_at", now);
            writes.insert("good_practice", row);
            Outbox.notification(writes, now, new Notification(UUID.nameUUIDFromBytes(("good-practice/"
                    + recognised.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), List.of(staffId),
                    childId, null, GoodPracticeWords.subject(childId), GoodPracticeWords.notice(recogniser, practice)));
            writes.run(em);
            return recognised;
        });
    }

    @Override
    public List<GoodPractice> forChild(String childId) {
        if (childId == null || childId.isBlank()) {
            Checks.single("List good practice for child", "childId", "is required");
        }
        String actor = access.caller();
        if (!access.hasOversight(actor)) {
            ChildRecord child = child(childId);
            if (!GoodPracticeRules.maySee(access.roles(actor, childId), procedures.installedFor(child.cohorts()))) {
                throw new uk.starred.api.NotPermittedException("only those holding a role for child " + childId
                        + " in a procedure that serves them, or oversight of the service, may see the good practice"
                        + " recognised in the case; " + actor + " holds none");
            }
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            List<GoodPractice> seen = em.createQuery("select g from GoodPracticeEntity g where g.childId = :child"
                    + " order by g.recognisedAt desc, g.id", GoodPracticeEntity.class)
                    .setParameter("child", childId).setMaxResults(MAX_LIST).getResultStream()
                    .map(GoodPracticeEntity::toGoodPractice).toList();
            if (!seen.isEmpty()) {
                sightings.saw(em, actor, childId, AccessedRecords.GOOD_PRACTICE, clock.instant());
            }
            return seen;
        });
    }

    private ChildRecord child(String childId) {
        return children.child(childId)
                .orElseThrow(() -> new UnknownChildException("the host has no child record '" + childId + "'"));
    }

    @Override
    public List<GoodPractice> recognised(LocalDate from, LocalDate to) {
        Checks checks = new Checks("Good practice recognised");
        checks.require(from != null, "from", "is required");
        checks.require(to != null, "to", "is required");
        checks.require(from == null || to == null || from.isBefore(to), "to", "must be after from");
        checks.done();
        access.requireOversight(access.caller(), "see the good practice recognised across the service");
        Instant start = from.atStartOfDay(calendar.zone()).toInstant();
        Instant end = to.atStartOfDay(calendar.zone()).toInstant();
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("select g from GoodPracticeEntity g"
                + " where g.recognisedAt >= :start and g.recognisedAt < :end order by g.recognisedAt, g.id",
                GoodPracticeEntity.class).setParameter("start", start).setParameter("end", end)
                .setMaxResults(MAX_LIST).getResultStream().map(GoodPracticeEntity::toGoodPractice).toList());
    }
}
