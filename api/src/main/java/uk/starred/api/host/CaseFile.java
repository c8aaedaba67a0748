package uk.starred.api.host;

import org.osgi.annotation.versioning.ConsumerType;

/** The child's file in the host platform. */
@ConsumerType
public interface CaseFile {

    /**
     * Writes the note onto the child's file. Throw when it could not be written: Starred keeps the
     * note and tries again later. A note whose id was already written must be accepted and ignored.
     */
    void write(CaseNote note) throws Exception;
}
