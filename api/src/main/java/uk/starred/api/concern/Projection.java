package uk.starred.api.concern;

import java.time.Instant;
import java.util.List;

/**
 * When a concern's process would end if every stage ran to its limit: the current stage to its due
 * moment, then each stage after it entered as the one before runs out, by its own clock. Shown beside
 * the total limit of the formal stages (the IRO Handbook's 20 working days) where the procedure sets one.
 *
 * @param end                the projected end, or {@code null} when no stage ahead has a timescale
 * @param lastStage          the name of the last stage the projection runs through
 * @param formalLimit        when the formal stages must be over by the procedure's total limit, or
 *                           {@code null} when it sets none or the formal process has not begun
 * @param untimedStages      the names of the stages ahead that have no timescale, which the projection
 *                           cannot count (a decision by CAFCASS, a stage the document leaves open)
 */
public record Projection(Instant end, String lastStage, Instant formalLimit, List<String> untimedStages) {

    public Projection {
        untimedStages = List.copyOf(untimedStages);
    }
}
