package uk.starred.api.host;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import uk.starred.api.procedure.Cohort;

/**
 * A child as the host platform knows them.
 *
 * @param id              the host's id of the child record
 * @param displayName     the child's name as the host shows it
 * @param cohorts         the child's legal status: looked after, child protection plan, or both;
 *                        empty when the child is neither any more
 * @param dateOfBirth     the child's date of birth, or {@code null} when unknown
 * @param allocatedWorker the staff id of the allocated social worker, or {@code null}
 * @param team            the allocated team's name, or {@code null}
 */
public record ChildRecord(String id, String displayName, Set<Cohort> cohorts, LocalDate dateOfBirth,
        String allocatedWorker, String team) {

    public ChildRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        cohorts = Set.copyOf(cohorts);
    }
}
