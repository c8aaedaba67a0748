package uk.starred.api.concern;

import java.time.Instant;
import java.util.List;

/**
 * One stage of a concern as it happened.
 *
 * @param ordinal   its place in the concern's history, from 1
 * @param stageId   the procedure's stage id
 * @param name      the stage's name in the procedure
 * @param state     active, completed or bypassed
 * @param enteredAt when the concern entered it (or when it was bypassed)
 * @param enteredBy the staff id of who moved the concern into it
 * @param participants the staff ids holding the stage's participant roles for the child when the
 *                  concern entered it
 * @param dueAt     its due moment, computed once when it started, or {@code null} when the stage has
 *                  no timescale
 * @param endedAt   when the concern left it, or {@code null} while active
 * @param response  the manager's response in it, or {@code null}
 * @param actions   the required actions recorded as done
 * @param outcome   how it ended, in words (escalated, resolved ...), or {@code null} while active
 * @param note      the note given on entering it, or the reason it was bypassed
 * @param satisfactions the answers of those whose satisfaction resolves the concern at the stage, in
 *                  the order given; a later answer of a role stands in place of its earlier one
 */
public record StageRecord(
        int ordinal,
        String stageId,
        String name,
        StageState state,
        Instant enteredAt,
        String enteredBy,
        List<String> participants,
        Instant dueAt,
        Instant endedAt,
        Response response,
        List<ActionRecord> actions,
        String outcome,
        String note,
        List<Satisfaction> satisfactions) {

    /** A stage record with no answers of satisfaction. */
    public StageRecord(int ordinal, String stageId, String name, StageState state, Instant enteredAt, String enteredBy,
            List<String> participants, Instant dueAt, Instant endedAt, Response response, List<ActionRecord> actions,
            String outcome, String note) {
        this(ordinal, stageId, name, state, enteredAt, enteredBy, participants, dueAt, endedAt, response, actions,
                outcome, note, List.of());
    }

    public StageRecord {
        satisfactions = satisfactions == null ? List.of() : List.copyOf(satisfactions);
        participants = List.copyOf(participants);
        actions = List.copyOf(actions);
    }
}
