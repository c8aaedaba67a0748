package uk.starred.api.alert;

import java.time.Instant;
import java.util.List;

import uk.starred.api.concern.ConcernId;

/**
 * One current alert on a child's case.
 *
 * @param kind      what it is about
 * @param rag       how urgent it is
 * @param concernId the concern it belongs to, or {@code null} for the review timetable
 * @param childId   the child
 * @param title     a short title in the procedure's words, such as the stage's name
 * @param detail    a sentence saying what is asked and by when
 * @param mustAct   the staff ids of those who must act, in order; empty when no one in the council must
 * @param dueAt     when what is asked is due, or {@code null} when nothing is
 * @param since     since when the alert stands
 */
public record Alert(AlertKind kind, Rag rag, ConcernId concernId, String childId, String title, String detail,
        List<String> mustAct, Instant dueAt, Instant since) {

    public Alert {
        mustAct = List.copyOf(mustAct);
    }
}
