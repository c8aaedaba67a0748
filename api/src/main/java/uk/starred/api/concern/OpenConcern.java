package uk.starred.api.concern;

import java.util.Set;

import uk.starred.api.procedure.Cohort;

/**
 * One row of the oversight screen's list of open concerns.
 *
 * @param concern          the concern
 * @param childName        the child's name, as the host records it
 * @param team             the child's team
 * @param cohorts          the child's legal status
 * @param procedureTitle   the title of the procedure it runs under
 * @param stageName        the current stage's name, or {@code null} between stages
 * @param daysOpen         calendar days since it was raised
 * @param workingDaysOverdue working days the current stage is past its due moment; 0 when it is not
 */
public record OpenConcern(Concern concern, String childName, String team, Set<Cohort> cohorts, String procedureTitle,
        String stageName, int daysOpen, int workingDaysOverdue) {

    public OpenConcern {
        cohorts = Set.copyOf(cohorts);
    }
}
