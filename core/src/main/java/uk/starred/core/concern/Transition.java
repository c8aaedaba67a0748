package uk.starred.core.concern;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.DueMoments;

/**
 * What one command or due moment does to a concern: everything the store must write together, in
 * one transaction, for nothing to be lost.
 *
 * @param command  the command's name, as the audit trail records it ("escalate", "deadline STAGE_DUE")
 * @param actor    who acted
 * @param at       when
 * @param before   the concern as it was, or {@code null} when it is being raised
 * @param after    the concern as it is now, at the version it is written with
 * @param changed  whether the concern itself changed, so takes an audit entry and a new version; a due
 *                 moment that only tells people changes nothing
 * @param notes    case notes for the child's file, in order
 * @param notices  messages to people, in order
 * @param outcome  what a due moment did, in words, for the deadline's record; {@code null} for a command
 * @param episodes the episodes the host opens and closes on the child's record, in order
 */
public record Transition(String command, String actor, Instant at, Concern before, Concern after, boolean changed,
        List<NoteOnFile> notes, List<Notice> notices, String outcome, List<EpisodeStep> episodes) {

    public Transition {
        notes = List.copyOf(notes);
        notices = List.copyOf(notices);
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
    }

    /** @return the due moments the concern has now: those the store holds beyond them are cancelled */
    public Map<DueKey, Instant> dueMoments(WorkingCalendar calendar) {
        return DueMoments.of(after, calendar);
    }
}
