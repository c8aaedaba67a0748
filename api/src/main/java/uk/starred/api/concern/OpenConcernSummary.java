package uk.starred.api.concern;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;

/**
 * One open concern as the oversight screen lists it: who raised it for which child, under which
 * procedure, the stage it is in and how far that stage is past its due moment. It carries none of
 * the concern's history (stage records, agreed actions, communications); {@link ConcernService#find}
 * gives the whole concern.
 *
 * @param concernId          the concern
 * @param childId            the child's id in the host platform
 * @param childName          the child's name, as the host records it (the id where the host no longer knows the child)
 * @param team               the child's team, empty where the host does not say
 * @param cohorts            the child's legal status
 * @param procedure          the procedure (id and version) it runs under
 * @param procedureTitle     that procedure's title
 * @param raisedBy           the IRO or Child Protection Chair who raised it
 * @param raisedAt           when it was raised
 * @param stageName          the current stage's name, or {@code null} between stages
 * @param stageDueAt         the current stage's due moment, or {@code null} when it has none
 * @param daysOpen           calendar days since it was raised
 * @param workingDaysOverdue working days the current stage is past its due moment; 0 when it is not
 * @since 1.1
 */
public record OpenConcernSummary(ConcernId concernId, String childId, String childName, String team,
        Set<Cohort> cohorts, ProcedureRef procedure, String procedureTitle, String raisedBy, Instant raisedAt,
        String stageName, Instant stageDueAt, int daysOpen, int workingDaysOverdue) {

    public OpenConcernSummary {
        Objects.requireNonNull(concernId, "concernId");
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(procedure, "procedure");
        cohorts = Set.copyOf(cohorts);
    }
}
