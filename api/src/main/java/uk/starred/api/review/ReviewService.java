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

    /** Records that the child ceased to be looked after; no further review falls due. */
    ReviewTimetable ceasedLookedAfter(String childId, long expectedVersion, LocalDate on);
}
