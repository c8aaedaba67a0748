package uk.starred.api.host;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Episodes on the child's record in the host's case-management system (Mosaic's, for example). Optional:
 * a host that registers none has each episode step written to the child's file through {@link CaseFile},
 * as a case note of the episode's type. Since 1.3.
 */
@ConsumerType
public interface CaseEpisodes {

    /**
     * Opens the episode, or closes the one opened for its concern and type. Throw when it could not be
     * done: Starred keeps it and tries again later. A step whose id was already done must be accepted and
     * ignored.
     */
    void record(Episode episode) throws Exception;
}
