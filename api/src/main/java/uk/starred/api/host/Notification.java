package uk.starred.api.host;

import java.util.List;
import java.util.Objects;

/**
 * A message for people about a child's concern.
 *
 * @param id         unique and stable: sending the same notification twice carries the same id
 * @param recipients the staff ids to tell
 * @param childId    the host's id of the child it is about
 * @param concernId  the concern it is about, or {@code null} when it is about the child's review timetable
 * @param subject    a one-line summary
 * @param body       the message
 */
public record Notification(String id, List<String> recipients, String childId, String concernId, String subject,
        String body) {

    public Notification {
        Objects.requireNonNull(id, "id");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
