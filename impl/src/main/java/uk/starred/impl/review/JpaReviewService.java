package uk.starred.impl.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import uk.starred.api.UnknownChildException;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.OpeningEvent;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.review.Review;
import uk.starred.core.concern.Openings;
import uk.starred.impl.concern.ConcernStore;
import uk.starred.impl.procedure.ProcedureCatalogue;
import uk.starred.api.audit.AccessedRecords;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.review.HistoryEntry;
import uk.starred.api.review.ReviewService;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.review.ReviewCommand;
import uk.starred.core.review.ReviewContext;
import uk.starred.core.review.ReviewPlan;
import uk.starred.core.review.ReviewTimetableLifecycle;
import uk.starred.core.review.ReviewTransition;
import uk.starred.impl.access.Access;
import uk.starred.impl.access.Sightings;
import uk.starred.impl.schema.StarredSchema;

/**
 * The looked-after review timetable's {@link ReviewService} over the {@code starred} unit: identifies
 * the caller and the time, and has the {@link ReviewStore} apply the core's
 * {@link ReviewTimetableLifecycle} rule for each command.
 */
@Component(service = ReviewService.class, configurationPid = ReviewTimetableConfig.PID)
@Designate(ocd = ReviewTimetableConfig.class)
public class JpaReviewService implements ReviewService {

    private final JpaTemplate jpa;
    private final Sightings sightings = new Sightings();
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final ReviewStore store;
    private final ProcedureCatalogue catalogue;
    private final ConcernStore concerns;

    @Activate
    public JpaReviewService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            @Reference ProcedureCatalogue catalogue, ReviewTimetableConfig timescales,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff, children), children,
                new ReviewStore(jpa, new Access(caller, staff, children), calendar, timescales), catalogue,
                new ConcernStore(jpa, new Access(caller, staff, children), calendar));
    }

    public JpaReviewService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children, ReviewStore store,
            ProcedureCatalogue catalogue, ConcernStore concerns) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.clock = clock;
        this.access = access;
        this.children = children;
        this.store = store;
        this.catalogue = catalogue;
        this.concerns = concerns;
    }

    @Override
    public Optional<ReviewTimetable> timetable(String childId) {
        ReviewTimetableLifecycle.required(ReviewCommand.REVIEW_HELD, "childId", childId);
        String actor = access.caller();
        if (!access.hasOversight(actor) && access.roles(actor, childId).isEmpty()) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            Optional<ReviewTimetable> timetable = ReviewStore.timetable(em, childId);
            if (timetable.isPresent()) {
                sightings.saw(em, actor, childId, AccessedRecords.REVIEW_TIMETABLE, now());
            }
            return timetable;
        });
    }

    @Override
    public ReviewTimetable lookedAfterFrom(String childId, LocalDate since) {
        ReviewTimetableLifecycle.required(ReviewCommand.LOOKED_AFTER_FROM, "childId", childId);
        ReviewContext ctx = store.context(access.caller(), now(), childId);
        ReviewCommand.LOOKED_AFTER_FROM.permit(ctx, childId);
        children.child(childId).orElseThrow(() -> new UnknownChildException("the host has no child record '"
                + childId + "'"));
        return store.started(childId, since, ctx);
    }

    @Override
    public ReviewTimetable reviewHeld(String childId, long expectedVersion, LocalDate heldOn) {
        return reviewHeld(childId, expectedVersion, heldOn, List.of());
    }

    @Override
    public ReviewTimetable reviewHeld(String childId, long expectedVersion, LocalDate heldOn, List<String> attendees) {
        return command(ReviewCommand.REVIEW_HELD, childId, expectedVersion,
                (t, ctx) -> ReviewTimetableLifecycle.reviewHeld(t, heldOn, attendees, ctx));
    }

    @Override
    public ReviewTimetable decisionRecordCirculated(String childId, long expectedVersion, int review, LocalDate on) {
        return command(ReviewCommand.DECISION_RECORD_CIRCULATED, childId, expectedVersion,
                (t, ctx) -> ReviewTimetableLifecycle.decisionRecordCirculated(t, review, on, ctx));
    }

    /**
     * The disagreement, and the concern it opens under the procedure selected for the child where that
     * procedure says so, stored in one transaction.
     */
    @Override
    public ReviewTimetable disagree(String childId, long expectedVersion, int review, String reasons) {
        ReviewTimetableLifecycle.required(ReviewCommand.DISAGREE, "childId", childId);
        Instant now = now();
        String actor = access.caller();
        ReviewContext ctx = store.context(actor, now, childId);
        ReviewCommand.DISAGREE.permit(ctx, childId);
        Optional<ChildRecord> child = children.child(childId);
        StringBuilder whyNot = new StringBuilder();
        Optional<Procedure> procedure = child.flatMap(c -> catalogue.selectedFor(c.cohorts(), whyNot))
                .filter(p -> p.openedOn(OpeningEvent.REVIEW_DECISIONS_DISPUTED).isPresent());
        procedure.ifPresent(p -> concerns.ensureStored(p, now));
        return store.command(childId, expectedVersion, ctx,
                (t, c) -> ReviewTimetableLifecycle.disagree(t, review, reasons, c), disputed -> {
                    if (procedure.isEmpty()) {
                        return disputed;
                    }
                    Review r = disputed.after().reviews().get(review - 1);
                    Openings.Opened opened = concerns.openOnReviewDispute(actor, now, procedure.get(),
                            child.get().cohorts(), childId, r, r.disputeReasons(), store.timescales().iroRole());
                    return ReviewPlan.opened(disputed, review, opened, procedure.get().title());
                });
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
        return ceasedLookedAfter(childId, expectedVersion, on, null, null);
    }

    @Override
    public ReviewTimetable ceasedLookedAfter(String childId, long expectedVersion, LocalDate on, Integer review,
            String withoutReview) {
        return command(ReviewCommand.CEASED, childId, expectedVersion,
                (t, ctx) -> ReviewPlan.ceasedLookedAfter(t, on, review, withoutReview, ctx));
    }

    @Override
    public ReviewTimetable iroAppointed(String childId, long expectedVersion, LocalDate on) {
        return command(ReviewCommand.IRO_APPOINTED, childId, expectedVersion,
                (t, ctx) -> ReviewPlan.iroAppointed(t, on, ctx));
    }

    @Override
    public ReviewTimetable caseSummaryCompleted(String childId, long expectedVersion, LocalDate on) {
        return command(ReviewCommand.CASE_SUMMARY_COMPLETED, childId, expectedVersion,
                (t, ctx) -> ReviewPlan.caseSummaryCompleted(t, on, ctx));
    }

    @Override
    public ReviewTimetable nextReviewScheduled(String childId, long expectedVersion, LocalDate on, String reason) {
        return command(ReviewCommand.NEXT_REVIEW_SCHEDULED, childId, expectedVersion,
                (t, ctx) -> ReviewPlan.nextReviewScheduled(t, on, reason, ctx));
    }

    @Override
    public List<HistoryEntry> history(String childId) {
        ReviewTimetableLifecycle.required(ReviewCommand.REVIEW_HELD, "childId", childId);
        String actor = access.caller();
        if (!access.hasOversight(actor) && access.roles(actor, childId).isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            List<HistoryEntry> history = em.createQuery("select h from HistoryEntity h where h.childId = :child"
                    + " order by h.seq", HistoryEntity.class).setParameter("child", childId)
                    .getResultStream().map(HistoryEntity::toEntry).toList();
            if (!history.isEmpty()) {
                sightings.saw(em, actor, childId, AccessedRecords.REVIEW_TIMETABLE, now());
            }
            return history;
        });
    }

    // ---------------------------------------------------------------- plumbing

    private ReviewTimetable command(ReviewCommand command, String childId, long expectedVersion,
            BiFunction<ReviewTimetable, ReviewContext, ReviewTransition> rule) {
        ReviewTimetableLifecycle.required(command, "childId", childId);
        ReviewContext ctx = store.context(access.caller(), now(), childId);
        // someone with no part in the child's timetable learns nothing of it, not even whether it exists
        command.permit(ctx, childId);
        return store.command(childId, expectedVersion, ctx, rule);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
