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

    protected LookedAfterChildEntity() {
        // for JPA
    }

    LookedAfterChildEntity(String childId, LocalDate since, String by, Instant at, LocalDate firstReviewDueBy) {
        this.childId = childId;
        this.lookedAfterSince = since;
        this.recordedBy = by;
        this.recordedAt = at;
        this.reviews.add(new ReviewRow(firstReviewDueBy));
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

    List<ReviewRow> reviews() {
        return reviews;
    }

    void cease(LocalDate on) {
        this.ceasedOn = on;
        // a review not held is no longer due
        reviews.removeIf(r -> r.heldOn == null);
    }

    void addReview(LocalDate dueBy) {
        reviews.add(new ReviewRow(dueBy));
    }

    public ReviewTimetable toTimetable() {
        List<Review> list = new ArrayList<>();
        for (int i = 0; i < reviews.size(); i++) {
            list.add(reviews.get(i).toReview(i + 1));
        }
        return new ReviewTimetable(childId, lookedAfterSince, ceasedOn, list, version);
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

        protected ReviewRow() {
            // for JPA
        }

        ReviewRow(LocalDate dueBy) {
            this.dueBy = dueBy;
        }

        Review toReview(int number) {
            return new Review(number, dueBy, heldOn, decisionRecordDueBy, decisionRecordCirculatedOn,
                    disagreementWindowEnds, decisions, disputedBy, disputeReasons, recordDueBy, recordCompletedOn,
                    distributionDueBy, distributedOn);
        }
    }
}
