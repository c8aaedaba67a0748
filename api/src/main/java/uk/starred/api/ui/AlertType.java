package uk.starred.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How one kind of alert is shown in the host's alert area, registered as a whiteboard service with
 * the properties {@value #KEY}, {@value #LABEL}, {@value #SEVERITY} and {@value #ICON} (write them
 * with {@link AlertTypeEntry}). Where two services have the same key, the one with the highest
 * {@code service.ranking} wins, so a council can relabel an alert by registering its own type.
 * Alerts of a type no service describes are shown by the host with their title only.
 */
@ConsumerType
public interface AlertType {

    /** Service property: the key {@link CaseAlert#type()} names. */
    String KEY = "starred.alert.key";

    /** Service property: the label, in plain words. */
    String LABEL = "starred.alert.label";

    /** Service property: the {@link AlertSeverity} name. */
    String SEVERITY = "starred.alert.severity";

    /**
     * Service property: the icon, one of {@code star}, {@code flag}, {@code clock}, {@code warning},
     * {@code scales}, {@code calendar}, {@code check}; a host draws an icon it does not know as a plain
     * marker.
     */
    String ICON = "starred.alert.icon";

    /**
     * What the alert links to: a screen, a tab on it, and its query.
     *
     * @return the link's target
     */
    AlertLink linkFor(CaseAlert alert);
}
