package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** An agreed action is past its date and not recorded as done. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "AGREED_ACTION_OVERDUE", label = "Agreed action overdue", severity = AlertSeverity.URGENT, icon = "warning")
public class AgreedActionOverdueAlert extends StarredAlertType {
}
