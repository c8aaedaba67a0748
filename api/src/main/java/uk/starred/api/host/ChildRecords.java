package uk.starred.api.host;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/** The host's child records. */
@ConsumerType
public interface ChildRecords {

    /** @return the child with the host's id, or empty when the host has no such child */
    Optional<ChildRecord> child(String childId);

    /**
     * The children with the host's ids, at once: the oversight figures and lists ask about every child
     * with a concern in a period, which in a large council is tens of thousands. A host whose records
     * answer many ids in one request should say so here; by default each is asked for in turn.
     *
     * @param childIds the host's ids
     * @return each child the host has, by id; an id the host does not have is left out
     * @since 1.1
     */
    default Map<String, ChildRecord> children(Collection<String> childIds) {
        Map<String, ChildRecord> found = new LinkedHashMap<>();
        for (String id : childIds) {
            child(id).ifPresent(child -> found.put(id, child));
        }
        return found;
    }
}
