package uk.starred.impl.outbox;

import java.util.Map;

import uk.starred.api.host.CaseEpisodes;
import uk.starred.api.host.CaseFile;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.Episode;
import uk.starred.api.host.Notification;
import uk.starred.impl.json.Json;

/**
 * Where each kind of message goes: case notes to the host's case file, notifications through every channel,
 * episodes to the host's episodes (or, where it keeps none, onto the child's file as case notes), events to
 * Event Admin (or, where the platform runs none, to no one).
 */
final class Destinations {

    private final CaseFile caseFile;
    private final Channels channels;
    private volatile CaseEpisodes episodes;
    private volatile EventSink events;

    Destinations(CaseFile caseFile, Channels channels) {
        this.caseFile = caseFile;
        this.channels = channels;
    }

    Channels channels() {
        return channels;
    }

    void episodes(CaseEpisodes host) {
        this.episodes = host;
    }

    void events(EventSink sink) {
        this.events = sink;
    }

    /** Forgets the host's episodes or the event sink when it is the one going (a newer one may be bound). */
    void without(Object going) {
        if (episodes == going) {
            episodes = null;
        }
        if (events == going) {
            events = null;
        }
    }

    /**
     * @return how one round of deliveries delivers each message: {@code null} when delivered, else the error as
     *         its destination told it
     */
    java.util.function.Function<Claims.Claimed, Streams.Failure> round() {
        Channels.Round notifying = channels.round();
        return message -> deliver(message, notifying);
    }

    private Streams.Failure deliver(Claims.Claimed message, Channels.Round notifying) {
        try {
            switch (message.kind()) {
                case CASE_NOTE -> caseFile.write(Json.read(message.payload(), CaseNote.class));
                case NOTIFICATION -> {
                    return notifying.send(Json.read(message.payload(), Notification.class), message.reached());
                }
                case EVENT -> post(message.payload());
                case EPISODE -> episode(Json.read(message.payload(), Episode.class));
            }
            return null;
        } catch (Exception e) {
            return new Streams.Failure(e.toString(), message.reached());
        } catch (LinkageError e) {
            // the host adapter's bundle refreshed under it, say: this message's failure, tried again
            return new Streams.Failure(uk.starred.core.fault.Failures.describe(e), message.reached());
        }
    }

    private void episode(Episode episode) throws Exception {
        CaseEpisodes host = episodes;
        if (host != null) {
            host.record(episode);
        } else {
            caseFile.write(episode.asCaseNote());
        }
    }

    private void post(String payload) {
        EventSink sink = events;
        if (sink != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = Json.read(payload, Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) event.get("properties");
            sink.post((String) event.get("topic"), properties);
        }
    }
}
