package uk.starred.api.concern;

import java.time.LocalDate;
import java.util.List;

/**
 * The service's figures for a period, as seed 000 section 8, seed 001 "Performance Management" and
 * seed 004's quarterly and annual reports ask for. Concerns are counted in the period they were
 * raised in, and their endings in the period they ended in.
 *
 * @param from                 the first day of the period
 * @param to                   the day after its last
 * @param raised               concerns raised
 * @param starredDecisions     of those, raised from a starred review decision
 * @param resolved             concerns resolved
 * @param withdrawn            concerns withdrawn
 * @param closed               concerns closed because the child stopped being looked after or left the plan
 * @param resolvedWithinTarget resolved within {@code targetWorkingDays} of being raised, whatever their
 *                             procedure's limit: kept for earlier callers; prefer {@code resolvedWithinLimit}
 * @param resolvedAfterTarget  resolved later than that; prefer {@code resolvedBeyondLimit}
 * @param targetWorkingDays    that blanket target: 20 working days
 * @param medianWorkingDaysToResolve the median working days from raising to resolving, or -1 when none resolved
 * @param cafcassReferrals     referrals to CAFCASS made
 * @param lookedAfter          concerns raised for looked-after children
 * @param childProtection      concerns raised for children on child protection plans
 * @param stageReached         concerns raised, by the furthest stage they reached (key {@code procedureId/stageId})
 * @param reasons              concerns raised, by reason (one concern may give several)
 * @param origins              concerns raised, by how they arose
 * @param openAtEnd            concerns open at the end of the period
 * @param endedAtStage         concerns ended in a way their stage names, such as "internal decision only" (since 1.3)
 * @param resolvedWithinLimit  concerns resolved within their own procedure's total limit, counted from the
 *                             start of its formal process (resolved before it began counts as within) (since 1.4)
 * @param resolvedBeyondLimit  concerns resolved after their procedure's total limit had passed (since 1.4)
 * @param resolvedWithoutLimit concerns resolved under a procedure that sets no total limit (since 1.4)
 */
public record OversightFigures(LocalDate from, LocalDate to, long raised, long starredDecisions, long resolved,
        long withdrawn, long closed, long resolvedWithinTarget, long resolvedAfterTarget, int targetWorkingDays,
        double medianWorkingDaysToResolve, long cafcassReferrals, long lookedAfter, long childProtection,
        List<Count> stageReached, List<Count> reasons, List<Count> origins, long openAtEnd, long endedAtStage,
        long resolvedWithinLimit, long resolvedBeyondLimit, long resolvedWithoutLimit) {

    /** The figures as version 1.3 of this package had them. */
    public OversightFigures(LocalDate from, LocalDate to, long raised, long starredDecisions, long resolved,
            long withdrawn, long closed, long resolvedWithinTarget, long resolvedAfterTarget, int targetWorkingDays,
            double medianWorkingDaysToResolve, long cafcassReferrals, long lookedAfter, long childProtection,
            List<Count> stageReached, List<Count> reasons, List<Count> origins, long openAtEnd, long endedAtStage) {
        this(from, to, raised, starredDecisions, resolved, withdrawn, closed, resolvedWithinTarget, resolvedAfterTarget,
                targetWorkingDays, medianWorkingDaysToResolve, cafcassReferrals, lookedAfter, childProtection,
                stageReached, reasons, origins, openAtEnd, endedAtStage, 0, 0, 0);
    }

    /** The figures as version 1.2 of this package had them. */
    public OversightFigures(LocalDate from, LocalDate to, long raised, long starredDecisions, long resolved,
            long withdrawn, long closed, long resolvedWithinTarget, long resolvedAfterTarget, int targetWorkingDays,
            double medianWorkingDaysToResolve, long cafcassReferrals, long lookedAfter, long childProtection,
            List<Count> stageReached, List<Count> reasons, List<Count> origins, long openAtEnd) {
        this(from, to, raised, starredDecisions, resolved, withdrawn, closed, resolvedWithinTarget, resolvedAfterTarget,
                targetWorkingDays, medianWorkingDaysToResolve, cafcassReferrals, lookedAfter, childProtection,
                stageReached, reasons, origins, openAtEnd, 0);
    }

    public OversightFigures {
        stageReached = List.copyOf(stageReached);
        reasons = List.copyOf(reasons);
        origins = List.copyOf(origins);
    }
}
