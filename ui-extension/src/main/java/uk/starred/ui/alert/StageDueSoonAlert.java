package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** The current stage falls due on its last working day. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "STAGE_DUE_SOON", label = "Stage due soon", severity = AlertSeverity.WARNING, icon = "clock")
public class StageDueSoonAlert extends StarredAlertType {
}
