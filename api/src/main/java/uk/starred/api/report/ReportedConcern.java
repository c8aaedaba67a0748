package uk.starred.api.report;

import java.time.LocalDate;
import java.util.Set;

import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.procedure.Cohort;

/**
 * A concern the report counts, as the list behind a figure shows it.
 *
 * @param status        where it stood at the end of its year ({@link ConcernStatus#OPEN} if it ended later)
 * @param endedOn       the day it ended, if by the end of its year; else {@code null}
 * @param furthestStage the name of the furthest stage it had reached by then
 * @param thisYear      raised in the report's year, else in the year before
 */
public record ReportedConcern(ConcernId id, String childId, String childName, String team, Set<Cohort> cohorts,
        String procedureTitle, String raisedBy, String raisedByName, LocalDate raisedOn, ConcernStatus status,
        LocalDate endedOn, String furthestStage, boolean thisYear) {

    public ReportedConcern {
        cohorts = Set.copyOf(cohorts);
    }
}
