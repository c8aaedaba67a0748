package uk.starred.api.review;

import java.time.Instant;

/**
 * One thing that happened to a child's review timetable, in order.
 *
 * @param seq    its place, from 1
 * @param at     when
 * @param actor  who: a staff id, or {@code starred} for a due moment or a calendar change
 * @param what   the command or event, such as {@code reviewHeld} or {@code calendarChanged}
 * @param detail what it recorded, in words
 */
public record HistoryEntry(int seq, Instant at, String actor, String what, String detail) {
}
