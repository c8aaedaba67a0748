package uk.starred.api.operations;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Starred's state as an operator sees it, read when asked. */
@ProviderType
public interface OperationsService {

    /**
     * @return the database, the schema, the deadline sweep, the outbox and the procedures, as they are now; what
     *         cannot be read while the database is out of reach is {@code null}
     */
    ServiceStatus status();

    /**
     * @return the open concerns by procedure and current stage, with how many of them are past the stage's
     *         due moment; at most a few seconds old
     * @throws uk.starred.api.StoreUnavailableException while the database cannot be reached
     */
    List<StageCount> openConcerns();

    /** @return how long each kind of command has taken on this node since it started, and how each ended */
    List<CommandTiming> commandTimings();
}
