package uk.starred.impl.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import uk.starred.api.host.CaseNote;
import uk.starred.api.host.Episode;
import uk.starred.api.host.Notification;
import uk.starred.impl.json.Json;
import uk.starred.impl.store.Writes;

/**
 * Writes case notes and notifications into the outbox, with the statements of the change that causes
 * them: they exist exactly when the change does, and {@link OutboxRelay} delivers them afterwards.
 */
public final class Outbox {

    private Outbox() {
    }

    public static void caseNote(Writes writes, String concernId, CaseNote note) {
        row(writes, note.id(), OutboxEntity.Kind.CASE_NOTE, concernId, note.childId(), Json.write(note), note.at());
    }

    /** An episode opened or closed on the child's record, for the host's {@code CaseEpisodes} (or its file). */
    public static void episode(Writes writes, Episode episode) {
        row(writes, episode.id(), OutboxEntity.Kind.EPISODE, episode.concernId(), episode.childId(),
                Json.write(episode), episode.at());
    }

    /**
     * An event for Event Admin: the topic and its properties (all text), posted once the change
     * that causes it has committed.
     */
    public static void event(Writes writes, String id, String concernId, String childId, Instant at, String topic,
            Map<String, String> properties) {
        Map<String, Object> payload = new TreeMap<>();
        payload.put("topic", topic);
        payload.put("properties", new TreeMap<>(properties));
        row(writes, id, OutboxEntity.Kind.EVENT, concernId, childId, Json.write(payload), at);
    }

    public static void notification(Writes writes, Instant at, Notification notification) {
        row(writes, notification.id(), OutboxEntity.Kind.NOTIFICATION, notification.concernId(),
                notification.childId(), Json.write(notification), at);
    }

    /** One row of the outbox, as {@link OutboxEntity} maps it: due to be delivered at once. */
    private static void row(Writes writes, String id, OutboxEntity.Kind kind, String concernId, String childId,
            String payload, Instant at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("kind", kind.name());
        row.put("concern_id", Writes.maybe(concernId, String.class));
        row.put("child_id", childId);
        row.put("payload", payload);
        row.put("created_at", at);
        row.put("attempts", 0);
        row.put("next_attempt_at", at);
        writes.insert("outbox", row);
        OutboxSignal.written();
    }
}
