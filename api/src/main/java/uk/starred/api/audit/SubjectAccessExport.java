package uk.starred.api.audit;

import java.time.Instant;
import java.util.List;

import uk.starred.api.concern.Concern;
import uk.starred.api.practice.GoodPractice;
import uk.starred.api.review.HistoryEntry;
import uk.starred.api.review.ReviewTimetable;

/**
 * Everything Starred holds about one child, for a subject access request (UK GDPR Article 15): each concern
 * with its stages, responses, agreed actions, communications, more time asked and CAFCASS referral; each
 * concern's audit trail; the looked-after review timetable and its history; good practice recognised in the
 * child's case; the notes and messages written about the child for delivery; and who has seen the child's
 * records. Since 1.2.
 *
 * @param childId         the child
 * @param madeAt          when the export was made
 * @param madeBy          who made it
 * @param concerns        the child's concerns, newest first
 * @param auditTrail      each concern's audit entries, in order, concern by concern
 * @param reviewTimetable the child's review timetable, or {@code null} when they have none
 * @param reviewHistory   its history, oldest first
 * @param goodPractice    good practice recognised in the child's case
 * @param messages        the case notes, notifications and episodes written about the child, oldest first
 * @param views           who saw the child's records, newest first (this export among them)
 */
public record SubjectAccessExport(String childId, Instant madeAt, String madeBy, List<Concern> concerns,
        List<AuditEntry> auditTrail, ReviewTimetable reviewTimetable, List<HistoryEntry> reviewHistory,
        List<GoodPractice> goodPractice, List<HeldMessage> messages, List<RecordAccess> views) {

    public SubjectAccessExport {
        concerns = List.copyOf(concerns);
        auditTrail = List.copyOf(auditTrail);
        reviewHistory = List.copyOf(reviewHistory);
        goodPractice = List.copyOf(goodPractice);
        messages = List.copyOf(messages);
        views = List.copyOf(views);
    }

    /**
     * A case note, notification or episode written about the child for the host to deliver.
     *
     * @param id          the message's id
     * @param kind        CASE_NOTE, NOTIFICATION, EVENT or EPISODE
     * @param concernId   the concern it came from
     * @param content     what it says, as delivered (JSON)
     * @param createdAt   when it was written
     * @param deliveredAt when it was delivered, or {@code null} while it waits
     */
    public record HeldMessage(String id, String kind, String concernId, String content, Instant createdAt,
            Instant deliveredAt) {
    }
}
