package uk.starred.api.ui;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert on a child's case, for the host's alert area.
 *
 * @param type          the {@link AlertType} key that labels and links it
 * @param childId       the child
 * @param title         a short title, such as the stage's name
 * @param detail        a sentence saying what is asked and by when
 * @param mustAct       staff ids of those who must act
 * @param viewerMustAct whether the viewer is one of them
 * @param dueAt         when what is asked is due, or {@code null}
 * @param since         since when the alert stands
 * @param subject       what the alert is about within the child's case (for Starred, a concern id), or
 *                      {@code null}; its {@link AlertType} turns it into a link
 * @param severity      how urgent this alert is now (a starred decision is information while in hand,
 *                      urgent once overdue), or {@code null} for its type's severity
 */
public record CaseAlert(String type, String childId, String title, String detail, List<String> mustAct,
        boolean viewerMustAct, Instant dueAt, Instant since, String subject, AlertSeverity severity) {

    public CaseAlert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(childId, "childId");
        mustAct = List.copyOf(mustAct);
    }
}
