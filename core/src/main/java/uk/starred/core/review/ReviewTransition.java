package uk.starred.core.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.core.concern.Notice;
import uk.starred.core.deadline.DueKey;

/**
 * What one command or due moment does to a child's review timetable: everything the store writes
 * together in one transaction.
 *
 * @param command the command's name, as the timetable's history records it ("recordReviewHeld")
 * @param actor   who acted
 * @param at      when
 * @param before  the timetable as it was, or {@code null} when it is being started
 * @param after   the timetable as it is now
 * @param changed whether the timetable changed (so takes a history entry and a new version)
 * @param detail  what was recorded, in words, for the history; {@code null} when nothing changed
 * @param notices messages to people, in order
 * @param outcome what a due moment did, in words, for the deadline's record; {@code null} for a command
 */
public record ReviewTransition(String command, String actor, Instant at, ReviewTimetable before, ReviewTimetable after,
        boolean changed, String detail, List<Notice> notices, String outcome) {

    public ReviewTransition {
        notices = List.copyOf(notices);
    }

    /** @return the due moments the timetable has now */
    public Map<DueKey, Instant> dueMoments(WorkingCalendar calendar) {
        return ReviewDueMoments.of(after, calendar);
    }
}
