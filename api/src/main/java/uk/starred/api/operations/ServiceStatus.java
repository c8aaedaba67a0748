package uk.starred.api.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import uk.starred.api.outbox.OutboxBacklog;

/**
 * Starred's state at one moment.
 *
 * @param at                 when it was read
 * @param databaseProblem    {@code null} when the database answered; else the kind of failure (never its message)
 * @param databaseAnswer     how long the database took to answer, or {@code null} when it did not
 * @param schemaVersion      the schema version migrated, or {@code null} while it is not (the migration failed, is
 *                           running, or the database was never reached)
 * @param schemaExpected     the version this release of Starred migrates to
 * @param sweepLag           how long the oldest due moment not yet fired has been due ({@link Duration#ZERO} when
 *                           none is), or {@code null} when it could not be read
 * @param dueNotFired        how many moments have fallen due and are not fired yet, or -1 when unknown
 * @param stuckDueMoments    how many moments failed to fire at least once and wait to be tried again, or -1
 * @param outbox             the notices not yet delivered, or {@code null} when it could not be read
 * @param refusedProcedures  the procedures offered and refused (id and version as offered, or the bundle), each
 *                           with its problems in {@code starred:procedure-list}
 */
public record ServiceStatus(Instant at, String databaseProblem, Duration databaseAnswer, String schemaVersion,
        String schemaExpected, Duration sweepLag, long dueNotFired, long stuckDueMoments, OutboxBacklog outbox,
        List<String> refusedProcedures) {

    public ServiceStatus {
        refusedProcedures = List.copyOf(refusedProcedures);
    }

    /** @return whether the database answered */
    public boolean databaseUp() {
        return databaseProblem == null;
    }
}
