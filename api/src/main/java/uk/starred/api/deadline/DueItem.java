package uk.starred.api.deadline;

import java.time.Instant;

import uk.starred.api.concern.ConcernId;

/**
 * One due moment of one concern, as operators see it.
 *
 * @param concernId  the concern, or {@code null} for a moment of the child's review timetable
 * @param childId    the child the concern is about
 * @param kind       what falls due
 * @param item       which one: the stage's ordinal, the agreed action's number, or 0
 * @param dueAt      when it falls due
 * @param state      pending, fired or cancelled
 * @param attempts   failed attempts to fire it so far
 * @param lastError  why the last attempt failed, or {@code null}
 * @param firedAt    when it fired, or {@code null}
 * @param firedBy    the node that fired it, or {@code null}
 * @param outcome    what firing it did, in words, or {@code null}
 */
public record DueItem(ConcernId concernId, String childId, DeadlineKind kind, int item, Instant dueAt,
        DeadlineState state, int attempts, String lastError, Instant firedAt, String firedBy, String outcome) {

    /**
     * @return the item's reference for {@link DeadlineService#fireNow}: the concern's id (the child's,
     *         for the review timetable), the kind and the item
     */
    public String reference() {
        return (concernId == null ? childId : concernId.toString()) + "/" + kind + "/" + item;
    }
}
