package uk.starred.impl.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;


import uk.starred.api.alert.AlertEvents;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.Episode;
import uk.starred.api.host.Notification;
import uk.starred.impl.store.Writes;

/**
 * The case notes, notifications and events one change causes, collected while it runs and written to
 * the outbox among the change's own writes. Their ids derive from the change's subject (the concern,
 * or the child's review timetable), what caused them and their order, so they are stable and unique.
 */
public final class Effects {

    private record Note(String type, String text) {
    }

    private record Message(Set<String> recipients, String subject, String body) {
    }

    private record EpisodeStep(String type, boolean closing, String text) {
    }

    private final List<Note> notes = new ArrayList<>();
    private final List<EpisodeStep> episodes = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final List<String[]> events = new ArrayList<>();

    /** An event on the topic, saying what happened; posted on Event Admin once the change commits. */
    public void event(String topic, String what) {
        events.add(new String[] {topic, what});
    }

    public void caseNote(String type, String text) {
        notes.add(new Note(type, text));
    }

    /** An episode the host opens, or closes, on the child's record; only a concern's change has one. */
    public void episode(String type, boolean closing, String text) {
        episodes.add(new EpisodeStep(type, closing, text));
    }

    public void notify(List<String> recipients, String subject, String body) {
        Set<String> to = new LinkedHashSet<>(recipients);
        to.removeIf(r -> r == null || r.isBlank());
        if (!to.isEmpty()) {
            messages.add(new Message(to, subject, body));
        }
    }

    public void writeTo(Writes writes, String concernId, String childId, long sequence, String actor, Instant at) {
        writeTo(writes, concernId, childId, Long.toString(sequence), actor, at);
    }

    /**
     * @param concernId the concern they are about, or {@code null} for the child's review timetable
     * @param cause     what caused them, unique within their subject: a place in a trail, or a deadline
     */
    public void writeTo(Writes writes, String concernId, String childId, String cause, String actor, Instant at) {
        String subject = concernId != null ? concernId : "reviews/" + childId;
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            Outbox.caseNote(writes, concernId, new CaseNote(id(subject, cause, "note", i), childId, n.type(),
                    n.text(), actor, at));
        }
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeStep e = episodes.get(i);
            Outbox.episode(writes, new Episode(id(subject, cause, "episode", i), childId, concernId, e.type(),
                    e.closing(), e.text(), actor, at));
        }
        for (int i = 0; i < events.size(); i++) {
            String id = id(subject, cause, "event", i);
            java.util.Map<String, String> properties = new java.util.HashMap<>(java.util.Map.of(AlertEvents.EVENT_ID,
                    id, AlertEvents.CHILD_ID, childId, AlertEvents.WHAT, events.get(i)[1], AlertEvents.AT,
                    at.toString()));
            if (concernId != null) {
                properties.put(AlertEvents.CONCERN_ID, concernId);
            }
            Outbox.event(writes, id, concernId, childId, at, events.get(i)[0], properties);
        }
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            Outbox.notification(writes, at, new Notification(id(subject, cause, "message", i),
                    List.copyOf(m.recipients()), childId, concernId, m.subject(), m.body()));
        }
    }

    private static String id(String subject, String cause, String kind, int index) {
        return UUID.nameUUIDFromBytes((subject + "/" + cause + "/" + kind + "/" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
