package uk.starred.api.alert;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** A child's current alerts, as the signed-in member of staff may see them. */
@ProviderType
public interface AlertService {

    /**
     * @return the child's current alerts, reddest first, then soonest due; only those of concerns
     *         the caller may see (a role in the concern's procedure for the child, or oversight)
     * @throws uk.starred.api.InvalidCommandException when no child id is given
     */
    List<Alert> alertsForChild(String childId);
}
