package uk.starred.api.concern;

import uk.starred.api.procedure.Cohort;

/**
 * Which open concerns the oversight screen lists. Every field is optional ({@code null} or
 * {@code false} for all).
 *
 * @param procedureId only concerns under this procedure
 * @param team        only children of this team, as the host names it
 * @param raisedBy    only concerns raised by this IRO or Child Protection Chair (staff id)
 * @param cohort      only children of this legal status
 * @param overdueOnly only concerns whose current stage is past its due moment
 * @param limit       the most to list, 1 to 1000
 */
public record OversightQuery(String procedureId, String team, String raisedBy, Cohort cohort, boolean overdueOnly,
        int limit) {

    /** @return every open concern, up to the limit */
    public static OversightQuery all(int limit) {
        return new OversightQuery(null, null, null, null, false, limit);
    }
}
