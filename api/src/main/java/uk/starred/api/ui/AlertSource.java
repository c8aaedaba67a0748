package uk.starred.api.ui;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where alerts for a child's case come from: the host asks every registered source when it draws
 * any case screen of the child, and shows each alert with its {@link AlertType}.
 */
@ConsumerType
public interface AlertSource {

    /**
     * @param viewerId the signed-in person, also named by the host's caller context
     * @param childId  the child
     * @return the child's current alerts that the viewer may see, the most urgent first
     */
    List<CaseAlert> alertsFor(String viewerId, String childId);
}
