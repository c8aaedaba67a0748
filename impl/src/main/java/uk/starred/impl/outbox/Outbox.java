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

    public static void notification(EntityManager em, Instant at, Notification notification) {
        em.persist(new OutboxEntity(notification.id(), OutboxEntity.Kind.NOTIFICATION, notification.concernId(),
                notification.childId(), Json.write(notification), at));
    }
}
