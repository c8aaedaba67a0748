package uk.starred.api.procedure;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A procedure Starred has checked and accepted for new concerns, registered as an OSGi service
 * with the properties {@value #ID} and {@value #VERSION}. Code that starts concerns under a
 * particular procedure can wait for this service, for example with the target
 * {@code (starred.procedure.id=seed-004-alert-process)}.
 */
@ProviderType
public interface InstalledProcedure {

    /** Service property: the procedure's id. */
    String ID = "starred.procedure.id";

    /** Service property: the procedure's version. */
    String VERSION = "starred.procedure.version";

    Procedure procedure();
}
