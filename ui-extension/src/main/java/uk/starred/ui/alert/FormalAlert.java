package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** A concern is in a formal stage of the dispute resolution procedure. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "FORMAL_ALERT", label = "Formal alert", severity = AlertSeverity.URGENT, icon = "flag")
public class FormalAlert extends StarredAlertType {
}
