package uk.starred.api.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Answers a subject access request: everything Starred holds about one child, for those the host marks as
 * overseeing the service (a council's data protection officer works through them). The export is itself kept in
 * the access log. Since 1.2.
 */
@ProviderType
public interface SubjectAccess {

    /** @return everything held about the child; empty lists where nothing is held */
    SubjectAccessExport export(String childId);
}
