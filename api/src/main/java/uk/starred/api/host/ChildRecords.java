package uk.starred.api.host;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/** The host's child records. */
@ConsumerType
public interface ChildRecords {

    /** @return the child with the host's id, or empty when the host has no such child */
    Optional<ChildRecord> child(String childId);
}
