package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** A concern is in an informal stage of the dispute resolution procedure. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "INFORMAL_ALERT", label = "Informal alert", severity = AlertSeverity.WARNING, icon = "flag")
public class InformalAlert extends StarredAlertType {
}
