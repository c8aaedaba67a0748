package uk.starred.core.oversight;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageState;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;

/**
 * What a concern, as it stands, counts for in the oversight figures: read from a whole concern, or
 * from the few columns a recount reads.
 *
 * @param formalDueAt when its formal process had to be over by its procedure's total limit, or {@code null}
 *                    when the procedure sets none or the formal process never began
 */
public record Counted(Instant raisedAt, ConcernOrigin origin, Set<Cohort> cohorts, ProcedureRef procedure,
        Collection<String> reasons, String furthestStage, ConcernStatus status, Instant endedAt,
        Instant cafcassReferredAt, Instant formalDueAt) {

    /** A stage record, as far as the counts need it. */
    public record Reached(int ordinal, String stageId, StageState state) {
    }

    /** @param cohorts the child's legal status when the concern was raised */
    public static Counted of(Concern c, Set<Cohort> cohorts) {
        return new Counted(c.raisedAt(), c.origin(), cohorts, c.procedure(), c.reasonCodes(),
                furthest(c.stages().stream().map(s -> new Reached(s.ordinal(), s.stageId(), s.state())).toList()),
                c.status(), c.endedAt(), c.cafcass() == null ? null : c.cafcass().referredAt(), c.formalDueAt());
    }

    /** @return the stage furthest on that was not bypassed, or {@code null} when there is none */
    public static String furthest(List<Reached> stages) {
        Reached furthest = null;
        for (Reached s : stages) {
            if (s.state() != StageState.BYPASSED && (furthest == null || s.ordinal() > furthest.ordinal())) {
                furthest = s;
            }
        }
        return furthest == null ? null : furthest.stageId();
    }
}
