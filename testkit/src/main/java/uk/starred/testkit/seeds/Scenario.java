package uk.starred.testkit.seeds;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.Notification;
import uk.starred.testkit.StarredSystem;

/**
 * What a scenario needs around the engine: the clock set in London wall-clock time, what reached the
 * host after each step, and the audit trail as someone with oversight reads it.
 */
public final class Scenario {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    final StarredSystem engine;
    private int notesSeen;
    private int messagesSeen;

    public Scenario(StarredSystem engine) {
        this.engine = engine;
    }

    /** @return the instant of a London wall-clock time, such as {@code 2026-05-22T16:00} */
    public static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    /** Moves the clock to the London wall-clock time. */
    public void at(String londonLocalDateTime) {
        engine.clock().set(london(londonLocalDateTime));
    }

    public <T> T as(String staffId, Supplier<T> action) {
        return engine.host().as(staffId, action);
    }

    /** Runs a command on the concern as the person, naming the version they read. */
    public Concern by(String staffId, Concern read, BiFunction<ConcernId, Long, Concern> command) {
        return as(staffId, () -> command.apply(read.id(), read.version()));
    }

    /** Delivers the outbox, as the relay's timer would, and returns what reached the host since the last look. */
    public Delivered delivered() {
        engine.deliver();
        List<CaseNote> notes = List.copyOf(engine.host().caseNotes.subList(notesSeen, engine.host().caseNotes.size()));
        List<Notification> messages = List.copyOf(engine.host().notifications.subList(messagesSeen,
                engine.host().notifications.size()));
        notesSeen += notes.size();
        messagesSeen += messages.size();
        return new Delivered(notes, messages);
    }

    /** @return every episode the host was asked to open or close for the child, as "opened TYPE" or "closed TYPE" */
    public List<String> episodes(String childId) {
        engine.deliver();
        return engine.host().episodes.stream().filter(e -> e.childId().equals(childId))
                .map(e -> (e.closing() ? "closed " : "opened ") + e.episodeType()).toList();
    }

    /**
     * Moves the clock to the London wall-clock time and fires what has fallen due, as the deadline
     * runner's timer would. @return what then reached the host about the child
     */
    public Delivered firedAt(String londonLocalDateTime, String childId) {
        at(londonLocalDateTime);
        // one round fires one batch; in a database other runs share, moments of theirs may fill it:
        // every round is run until nothing more is due
        while (engine.deadlines().fireDue() > 0) {
            // more may be waiting
        }
        return delivered().forChild(childId);
    }

    /** @return the child's alerts as "RAG KIND", reddest first */
    public List<String> alerts(String childId) {
        return engine.alerts().alertsForChild(childId).stream().map(a -> a.rag() + " " + a.kind()).toList();
    }

    /** @return the audit trail as "command by actor", read by someone with oversight of the service */
    public List<String> trail(ConcernId id, String overseer) {
        return as(overseer, () -> engine.audit().entriesFor(id)).stream().map(e -> e.command() + " by " + e.actor())
                .toList();
    }

    public boolean trailIntact(ConcernId id, String overseer) {
        return as(overseer, () -> engine.audit().verify(id)).intact();
    }

    /** @return every case note on the child's file once the outbox is delivered, oldest first, as its type */
    public List<String> noteTypesOnFile() {
        delivered();
        return engine.host().caseNotes.stream().sorted(BY_TIME).map(CaseNote::noteType).toList();
    }

    /** @return each stage as it happened, as "STAGE_ID STATE" */
    public static List<String> stages(Concern concern) {
        return concern.stages().stream().map(s -> s.stageId() + " " + s.state()).toList();
    }

    /** @return the required actions recorded in the stage, in order */
    public static List<String> actions(StageRecord stage) {
        return stage.actions().stream().map(a -> a.actionId()).toList();
    }

    public static StageRecord current(Concern concern) {
        return concern.currentStage().orElseThrow(() -> new AssertionError("the concern is at no stage"));
    }

    /** @return the notifications' subjects without the "Starred: child ...: " prefix, in order */
    public static List<String> subjects(List<Notification> messages) {
        return messages.stream().map(n -> n.subject().replaceFirst("^Starred: child [^:]+: ", "")).toList();
    }

    /**
     * The notes in one command share its moment and reach the host in no fixed order among
     * themselves, so within a moment they are compared by type and text.
     */
    public static final Comparator<CaseNote> BY_TIME = Comparator.comparing(CaseNote::at).thenComparing(CaseNote::noteType)
            .thenComparing(CaseNote::text);

    /** The case notes and notifications that reached the host in one delivery. */
    public record Delivered(List<CaseNote> notes, List<Notification> messages) {

        /** @return the case-note types written, sorted (notes of one command have no order among them) */
        public List<String> noteTypes() {
            return notes.stream().sorted(BY_TIME).map(CaseNote::noteType).toList();
        }

        /** @return what the person was told, as subjects without the prefix, sorted */
        public List<String> to(String staffId) {
            return subjects(messages.stream().filter(n -> n.recipients().contains(staffId)).toList()).stream()
                    .sorted().toList();
        }

        /** @return only what concerns the child (a system shared with other runs delivers theirs too) */
        public Delivered forChild(String childId) {
            return new Delivered(notes.stream().filter(n -> n.childId().equals(childId)).toList(),
                    messages.stream().filter(n -> n.childId().equals(childId)).toList());
        }

        /** @return everyone told anything, sorted, each once */
        public List<String> recipients() {
            return messages.stream().flatMap(n -> n.recipients().stream()).distinct().sorted().toList();
        }

        /** @return the body of the one notification whose subject ends as given */
        public String body(String subjectEnding) {
            return body(messages, subjectEnding);
        }

        /** @return the body of the one notification to the person whose subject ends as given */
        public String bodyTo(String staffId, String subjectEnding) {
            return body(messages.stream().filter(n -> n.recipients().contains(staffId)).toList(), subjectEnding);
        }

        private static String body(List<Notification> messages, String subjectEnding) {
            List<Notification> found = messages.stream().filter(n -> n.subject().endsWith(subjectEnding)).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one notification '" + subjectEnding + "', found "
                        + subjects(messages));
            }
            return found.get(0).body();
        }
    }
}
