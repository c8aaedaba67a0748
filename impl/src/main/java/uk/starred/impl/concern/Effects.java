package uk.starred.impl.concern;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import uk.starred.api.alert.AlertEvents;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.Notification;
import uk.starred.impl.outbox.Outbox;

/**
 * The case notes, notifications and events one command causes, collected while it runs and written to the
 * outbox with it. Their ids derive from the concern, the command's place in its trail and their
 * order, so they are stable and unique.
 */
final class Effects {

    private record Note(String type, String text) {
    }

    private record Message(Set<String> recipients, String subject, String body) {
    }

    private final List<Note> notes = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final List<String[]> events = new ArrayList<>();

    /** An event on the topic, saying what happened; posted on Event Admin once the change commits. */
    void event(String topic, String what) {
        events.add(new String[] {topic, what});
    }

    void caseNote(String type, String text) {
        notes.add(new Note(type, text));
    }

    void notify(List<String> recipients, String subject, String body) {
        Set<String> to = new LinkedHashSet<>(recipients);
        to.removeIf(r -> r == null || r.isBlank());
        if (!to.isEmpty()) {
            messages.add(new Message(to, subject, body));
        }
    }

    void writeTo(EntityManager em, String concernId, String childId, long sequence, String actor, Instant at) {
        writeTo(em, concernId, childId, Long.toString(sequence), actor, at);
    }

    /** @param cause what caused them, unique within the concern: its place in the trail, or a deadline */
    void writeTo(EntityManager em, String concernId, String childId, String cause, String actor, Instant at) {
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            Outbox.caseNote(em, concernId, new CaseNote(id(concernId, cause, "note", i), childId, n.type(),
                    n.text(), actor, at));
        }
        for (int i = 0; i < events.size(); i++) {
            String id = id(concernId, cause, "event", i);
            Outbox.event(em, id, concernId, childId, at, events.get(i)[0], java.util.Map.of(
                    AlertEvents.EVENT_ID, id, AlertEvents.CHILD_ID, childId, AlertEvents.CONCERN_ID, concernId,
                    AlertEvents.WHAT, events.get(i)[1], AlertEvents.AT, at.toString()));
        }
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            Outbox.notification(em, at, new Notification(id(concernId, cause, "message", i),
                    List.copyOf(m.recipients()), childId, concernId, m.subject(), m.body()));
        }
    }

    boolean isEmpty() {
        return notes.isEmpty() && messages.isEmpty();
    }

    private static String id(String concernId, String sequence, String kind, int index) {
        return UUID.nameUUIDFromBytes((concernId + "/" + sequence + "/" + kind + "/" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
