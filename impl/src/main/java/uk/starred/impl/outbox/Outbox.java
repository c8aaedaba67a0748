package uk.starred.impl.outbox;

import java.time.Instant;

import javax.persistence.EntityManager;

import uk.starred.api.host.CaseNote;
import uk.starred.api.host.Notification;
import uk.starred.impl.json.Json;

/**
 * Writes case notes and notifications into the outbox, in the transaction of the change that causes
 * them: they exist exactly when the change does, and {@link OutboxRelay} delivers them afterwards.
 */
public final class Outbox {

    private Outbox() {
    }

    public static void caseNote(EntityManager em, String concernId, CaseNote note) {
        em.persist(new OutboxEntity(note.id(), OutboxEntity.Kind.CASE_NOTE, concernId, note.childId(),
                Json.write(note), note.at()));
    }

    /**
     * An event for Event Admin: the topic and its properties (all text), posted once the change
     * that causes it has committed.
     */
    public static void event(EntityManager em, String id, String concernId, String childId, Instant at, String topic,
            java.util.Map<String, String> properties) {
        java.util.Map<String, Object> payload = new java.util.TreeMap<>();
        payload.put("topic", topic);
        payload.put("properties", new java.util.TreeMap<>(properties));
        em.persist(new OutboxEntity(id, OutboxEntity.Kind.EVENT, concernId, childId, Json.write(payload), at));
    }

    public static void notification(EntityManager em, Instant at, Notification notification) {
        em.persist(new OutboxEntity(notification.id(), OutboxEntity.Kind.NOTIFICATION, notification.concernId(),
                notification.childId(), Json.write(notification), at));
    }
}
