package uk.starred.impl.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Embeddable;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import org.hibernate.annotations.ListIndexBase;

import uk.starred.api.review.CaseSummary;
import uk.starred.api.review.DecisionsStatus;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewTimetable;

/** A looked-after child's review timetable: since when, and every review with its records. */
@Entity
@Table(name = "looked_after_child")
public class LookedAfterChildEntity {

    @Id
    @Column(name = "child_id", length = 100)
    private String childId;

    @Column(name = "looked_after_since", nullable = false)
    private LocalDate lookedAfterSince;

    @Column(name = "ceased_on")
    private LocalDate ceasedOn;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long version;

    @ElementCollection
    @CollectionTable(name = "looked_after_review", joinColumns = @JoinColumn(name = "child_id"))
    @OrderColumn(name = "review_number")
    @ListIndexBase(1)
    private List<ReviewRow> reviews = new ArrayList<>();

    @Column(name = "iro_appointment_due_by")
    private LocalDate iroAppointmentDueBy;

    @Column(name = "iro_appointed_on")
    private LocalDate iroAppointedOn;

    @Column(name = "ceasing_review")
    private Integer ceasingReview;

    @Column(name = "ceased_without_review", length = 4000)
    private String ceasedWithoutReview;

    @ElementCollection
    @CollectionTable(name = "looked_after_case_summary", joinColumns = @JoinColumn(name = "child_id"))
    @OrderColumn(name = "summary_number")
    @ListIndexBase(1)
    private List<CaseSummaryRow> caseSummaries = new ArrayList<>();

    protected LookedAfterChildEntity() {
        // for JPA
    }

    /** A timetable just started, stored whole. */
    LookedAfterChildEntity(ReviewTimetable t, String by, Instant at) {
        this.childId = t.childId();
        this.lookedAfterSince = t.lookedAfterSince();
        this.recordedBy = by;
        this.recordedAt = at;
        write(t, by);
    }

    /**
     * Maps what a command changed onto the columns: when the child ceased to be looked after, and each
     * review (a review no longer due removed, one now due added). Who recorded it and when move with
     * every change, so the version moves on too.
     *
     * @param actor who gives the command
     */
    void write(ReviewTimetable t, String actor) {
        this.ceasedOn = t.ceasedOn();
        this.iroAppointmentDueBy = t.iroAppointmentDueBy();
        this.iroAppointedOn = t.iroAppointedOn();
        this.ceasingReview = t.ceasingReview();
        this.ceasedWithoutReview = t.ceasedWithoutReview();
        while (caseSummaries.size() > t.caseSummaries().size()) {
            caseSummaries.remove(caseSummaries.size() - 1);
        }
        for (CaseSummary c : t.caseSummaries()) {
            if (c.number() > caseSummaries.size()) {
                caseSummaries.add(new CaseSummaryRow());
            }
            caseSummaries.get(c.number() - 1).write(c);
        }
        while (reviews.size() > t.reviews().size()) {
            reviews.remove(reviews.size() - 1);
        }
        for (Review r : t.reviews()) {
            if (r.number() <= reviews.size()) {
                reviews.get(r.number() - 1).write(r, actor);
            } else {
                ReviewRow row = new ReviewRow();
                row.write(r, actor);
                reviews.add(row);
            }
        }
    }

    String childId() {
        return childId;
    }

    long version() {
        return version;
    }

    LocalDate lookedAfterSince() {
        return lookedAfterSince;
    }

    LocalDate ceasedOn() {
        return ceasedOn;
    }

    /** Marks the entity changed, so its version moves on with every command. */
    void touch(String by, Instant at) {
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public ReviewTimetable toTimetable() {
        List<Review> list = new ArrayList<>();
        for (int i = 0; i < reviews.size(); i++) {
            list.add(reviews.get(i).toReview(i + 1));
        }
        List<CaseSummary> summaries = new ArrayList<>();
        for (int i = 0; i < caseSummaries.size(); i++) {
            summaries.add(caseSummaries.get(i).toCaseSummary(i + 1));
        }
        return new ReviewTimetable(childId, lookedAfterSince, ceasedOn, list, version, iroAppointmentDueBy,
                iroAppointedOn, summaries, ceasingReview, ceasedWithoutReview);
    }

    /** A case summary of the child's plan. */
    @Embeddable
    public static class CaseSummaryRow {
        @Column(name = "due_by", nullable = false)
        LocalDate dueBy;
        @Column(name = "completed_on")
        LocalDate completedOn;
        @Column(name = "completed_by", length = 100)
        String completedBy;

        protected CaseSummaryRow() {
            // for JPA
        }

        void write(CaseSummary c) {
            dueBy = c.dueBy();
            completedOn = c.completedOn();
            completedBy = c.completedBy();
        }

        CaseSummary toCaseSummary(int number) {
            return new CaseSummary(number, dueBy, completedOn, completedBy);
        }
    }

    /** One review and the records that follow it. */
    @Embeddable
    public static class ReviewRow {
        @Column(name = "due_by", nullable = false)
        LocalDate dueBy;
        @Column(name = "held_on")
        LocalDate heldOn;
        @Column(name = "held_recorded_by", length = 100)
        String heldRecordedBy;
        @Column(name = "decision_record_due_by")
        LocalDate decisionRecordDueBy;
        @Column(name = "decision_record_circulated_on")
        LocalDate decisionRecordCirculatedOn;
        @Column(name = "disagreement_window_ends")
        LocalDate disagreementWindowEnds;
        @Enumerated(EnumType.STRING)
        @Column(name = "decisions", nullable = false, length = 20)
        DecisionsStatus decisions = DecisionsStatus.AWAITED;
        @Column(name = "disputed_by", length = 100)
        String disputedBy;
        @Column(name = "dispute_reasons", length = 4000)
        String disputeReasons;
        @Column(name = "record_due_by")
        LocalDate recordDueBy;
        @Column(name = "record_completed_on")
        LocalDate recordCompletedOn;
        @Column(name = "distribution_due_by")
        LocalDate distributionDueBy;
        @Column(name = "distributed_on")
        LocalDate distributedOn;
        /** The staff ids of the professionals who attended, space-separated (an id holds no space). */
        @Column(name = "attendees", length = 4000)
        String attendees;
        @Column(name = "concern_opened", length = 36)
        String concernOpened;
        @Column(name = "scheduled_for")
        LocalDate scheduledFor;
        @Column(name = "schedule_reason", length = 4000)
        String scheduleReason;

        protected ReviewRow() {
            // for JPA
        }

        /** @param actor who gives the command, kept as who recorded a review held */
        void write(Review r, String actor) {
            if (heldOn == null && r.heldOn() != null) {
                heldRecordedBy = actor;
            }
            dueBy = r.dueBy();
            heldOn = r.heldOn();
            decisionRecordDueBy = r.decisionRecordDueBy();
            decisionRecordCirculatedOn = r.decisionRecordCirculatedOn();
            disagreementWindowEnds = r.disagreementWindowEnds();
            decisions = r.decisions();
            disputedBy = r.disputedBy();
            disputeReasons = r.disputeReasons();
            recordDueBy = r.recordDueBy();
            recordCompletedOn = r.recordCompletedOn();
            distributionDueBy = r.distributionDueBy();
            distributedOn = r.distributedOn();
            attendees = r.attendees().isEmpty() ? null : String.join(" ", r.attendees());
            concernOpened = r.concernOpened();
            scheduledFor = r.scheduledFor();
            scheduleReason = r.scheduleReason();
        }

        Review toReview(int number) {
            return new Review(number, dueBy, heldOn, decisionRecordDueBy, decisionRecordCirculatedOn,
                    disagreementWindowEnds, decisions, disputedBy, disputeReasons, recordDueBy, recordCompletedOn,
                    distributionDueBy, distributedOn, attendees == null || attendees.isBlank() ? List.of()
                            : List.of(attendees.strip().split(" +")), concernOpened, scheduledFor, scheduleReason);
        }
    }
}
