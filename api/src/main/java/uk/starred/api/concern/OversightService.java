package uk.starred.api.concern;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

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
}
