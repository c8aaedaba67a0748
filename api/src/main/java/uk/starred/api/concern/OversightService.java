package uk.starred.api.concern;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;

/** What the IRO Service Manager and the Head of Service for Quality Assurance see across all children. */
@ProviderType
public interface OversightService {

    /**
     * @param limit the most to return, 1 to 1000
     * @return open concerns, oldest first (the longest drifting at the top)
     * @throws NotPermittedException when the caller has no oversight of the service
     */
    List<Concern> openConcerns(int limit);

    /**
     * @return how many concerns are open, by procedure id; these figures name no child, so they may
     *         be shown to anyone signed in to the host
     */
    Map<String, Long> openConcernCounts();

    /**
     * @return the open concerns the query selects, with the child's name, team and legal status, the
     *         stage, the days open and the working days overdue; those whose stage is overdue first, the
     *         earliest due moment first, then the rest, the oldest first
     * @throws InvalidCommandException when the limit is out of range
     * @throws NotPermittedException   when the caller has no oversight of the service
     */
    List<OpenConcern> openConcerns(OversightQuery query);

    /**
     * The same list as {@link #openConcerns(OversightQuery)}, in the same order, without reading each
     * concern whole: what the oversight screen and its export show. Use this one unless the concerns'
     * histories are wanted; it answers from one read of the open concerns and their current stages.
     *
     * @return the open concerns the query selects, those whose stage is overdue first (the earliest
     *         due moment first), then the rest, the oldest first
     * @throws InvalidCommandException when the limit is out of range
     * @throws NotPermittedException   when the caller has no oversight of the service
     * @since 1.1
     */
    List<OpenConcernSummary> openConcernSummaries(OversightQuery query);

    /**
     * @param from the first day of the period
     * @param to   the day after its last; at most 400 days after {@code from}
     * @return the figures for the period
     * @throws InvalidCommandException when the period is empty, reversed or longer than 400 days
     * @throws NotPermittedException   when the caller has no oversight of the service
     */
    OversightFigures figures(LocalDate from, LocalDate to);
}
