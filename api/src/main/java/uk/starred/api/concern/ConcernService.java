package uk.starred.api.concern;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotFoundException;

/**
 * Raises, reads and ends concerns. Each command runs in one transaction: it is either done
 * completely and stored, or refused with an exception and nothing is stored.
 */
@ProviderType
public interface ConcernService {

    /**
     * Raises a concern for a child.
     *
     * @return the concern as stored, {@link ConcernStatus#OPEN}
     * @throws InvalidCommandException listing every field that is missing or wrong
     */
    Concern raise(RaiseConcern command);

    /** @return the concern, or empty if there is none with this id */
    Optional<Concern> find(ConcernId id);

    /** @return every concern raised for the child, newest first */
    List<Concern> concernsForChild(String childId);

    /**
     * @param limit the most to return, 1 to 1000
     * @return open concerns, oldest first (the longest drifting at the top)
     */
    List<Concern> openConcerns(int limit);

    /**
     * Withdraws an open concern.
     *
     * @param id              the concern
     * @param expectedVersion the {@link Concern#version()} the caller read
     * @param reason          why it is withdrawn, recorded with it
     * @return the concern as stored, {@link ConcernStatus#WITHDRAWN}
     * @throws NotFoundException         when there is no such concern
     * @throws InvalidCommandException   when the reason is missing or the concern has already ended
     * @throws ConcurrentChangeException when the concern changed since the caller read it
     */
    Concern withdraw(ConcernId id, long expectedVersion, String reason);
}
