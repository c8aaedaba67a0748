package uk.starred.api.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps each looked-after child's review timetable. The timescales are the council's (PID
 * {@code uk.starred.reviews}); seed 002's are the defaults.
 *
 * <p>Who may do what: the child's IRO and those with oversight of the service record everything; the
 * child's social worker records when the child became, or ceased to be, looked after; the manager
 * role that considers review decisions (by default {@code SERVICE_DELIVERY_MANAGER}) disagrees with
 * them. Every other caller is refused with {@link uk.starred.api.NotPermittedException}; wrong input
 * with {@link uk.starred.api.InvalidCommandException} naming the field, and nothing changes.
 */
@ProviderType
public interface ReviewService {

    /** @return the child's timetable, if the child has one and the caller may see it */
    Optional<ReviewTimetable> timetable(String childId);

    /** @return what happened to the child's timetable, oldest first; empty if the caller may not see it */
    java.util.List<HistoryEntry> history(String childId);

    /** Records that the child became looked after on the day; the initial review falls due from it. */
    ReviewTimetable lookedAfterFrom(String childId, LocalDate since);

    /** Records that the next review was held on the day; its records and the next review fall due. */
    ReviewTimetable reviewHeld(String childId, long expectedVersion, LocalDate heldOn);

    /**
     * Records that the next review was held on the day, with the professionals who attended (staff ids the
     * host knows, each once); they are told if a manager disagrees with its decisions. Since 1.1.
     */
    ReviewTimetable reviewHeld(String childId, long expectedVersion, LocalDate heldOn, List<String> attendees);

    /** Records that the review's decision record was circulated; the managers' window opens. */
    ReviewTimetable decisionRecordCirculated(String childId, long expectedVersion, int review, LocalDate on);

    /**
     * A manager disagrees in writing with the review's decisions, within the window. The IRO and those who
     * attended the review are told; where the procedure selected for the child opens a concern when review
     * decisions are disputed ({@link uk.starred.api.procedure.OpeningEvent#REVIEW_DECISIONS_DISPUTED}), the
     * concern opens in the same transaction, and the review names it.
     */
    ReviewTimetable disagree(String childId, long expectedVersion, int review, String reasons);

    /** Records that the review's full record was completed. */
    ReviewTimetable recordCompleted(String childId, long expectedVersion, int review, LocalDate on);

    /** Records that the review's full record was distributed to those who attended. */
    ReviewTimetable recordDistributed(String childId, long expectedVersion, int review, LocalDate on);

    /**
     * Records that the child ceased to be looked after; no further review falls due. The last review held is
     * taken as the one that considered it; with none held, this is refused: use the form that says why.
     */
    ReviewTimetable ceasedLookedAfter(String childId, long expectedVersion, LocalDate on);

    /**
     * Records that the child ceased to be looked after. "A Looked After Review must take place before a
     * decision is taken to cease looking after the child": name the review that considered it, or say why
     * none did (the IRO agreed to cancel it, the child was reunified in line with the plan). Since 1.1.
     *
     * @param review        the number of the review held that considered it, or {@code null}
     * @param withoutReview why no review considered it, or {@code null}
     */
    ReviewTimetable ceasedLookedAfter(String childId, long expectedVersion, LocalDate on, Integer review,
            String withoutReview);

    /**
     * Records the child's IRO appointed, due within five working days of becoming looked after (the
     * council's timescale, PID {@code uk.starred.reviews}). The IRO, or those with oversight of the service
     * (the unit that appoints). Since 1.1.
     */
    ReviewTimetable iroAppointed(String childId, long expectedVersion, LocalDate on);

    /**
     * Records the next case summary of the child's plan completed; the one after falls due six months on
     * from the start of the plan. The social worker or the IRO. Since 1.1.
     */
    ReviewTimetable caseSummaryCompleted(String childId, long expectedVersion, LocalDate on);

    /**
     * Sets the day of the next review: an early review, or one rearranged in exceptional circumstances, on or
     * before its statutory date (a later day is refused); rearranging a day already set needs the reason.
     * The social worker is told. The IRO. Since 1.1.
     */
    ReviewTimetable nextReviewScheduled(String childId, long expectedVersion, LocalDate on, String reason);
}
