package uk.starred.api.procedure;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Offers one version of one local procedure to Starred. Register it as an OSGi service; Starred
 * checks the definition, makes it available for new concerns, and stores it with every concern
 * that starts under it, so unregistering the service never changes or orphans a running concern.
 */
@ConsumerType
public interface ProcedureProvider {

    /** @return the procedure's definition; the same value every time */
    Procedure procedure();
}
