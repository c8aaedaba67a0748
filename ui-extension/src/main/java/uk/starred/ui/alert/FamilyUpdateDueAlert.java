package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** An update to the child and family is due at the concern's current stage and not yet recorded as sent. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "FAMILY_UPDATE_DUE", label = "Update to the child and family due",
        severity = AlertSeverity.INFORMATION, icon = "message")
public class FamilyUpdateDueAlert extends StarredAlertType {
}
